import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app.js';
import { accessTrailQuerySchema, accessTrailSchema } from '../case-file-schemas.js';
import { caseFilePdfOf } from '../case-file-export/case-file-pdf.js';
import { caseFileZipOf } from '../case-file-export/case-file-zip.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { problemResponses } from '../problem.js';
import { childIdParamsSchema } from '../schemas.js';

const security = [{ bearerAuth: [] }];
const binary = { schema: { type: 'string' as const, format: 'binary' as const } };

const pdfRoute = defineRoute({
  method: 'get',
  path: '/{id}/file.pdf',
  summary: '导出儿童档案（一人一档，R7）为一个 PDF：封面、各部分、每页水印（导出人、时间）与页码；儿童的团队、镇督导员、区/市民政局；记录审计',
  security,
  request: { params: childIdParamsSchema },
  responses: { 200: { description: '档案 PDF', content: { 'application/pdf': binary } }, ...problemResponses(400, 401, 403, 404) },
});

const zipRoute = defineRoute({
  method: 'get',
  path: '/{id}/file.zip',
  summary: '导出儿童档案（一人一档，R7）为压缩包：PDF、各部分 CSV（中文表头）与 JSON、承诺书签名图片；记录审计',
  security,
  request: { params: childIdParamsSchema },
  responses: { 200: { description: '档案压缩包', content: { 'application/zip': binary } }, ...problemResponses(400, 401, 403, 404) },
});

const trailRoute = defineRoute({
  method: 'get',
  path: '/{id}/access-trail',
  summary: '谁查看过这名儿童：查看与导出记录（姓名、角色、时间、操作），最新在前，分页；督导员与区/市民政局；本次查看也记录审计',
  security,
  request: { params: childIdParamsSchema, query: accessTrailQuerySchema },
  responses: { 200: { description: '访问记录', content: { 'application/json': { schema: accessTrailSchema } } }, ...problemResponses(400, 401, 403, 404) },
});

function attachment(base: string, ext: 'pdf' | 'zip'): string {
  return `attachment; filename="case-file.${ext}"; filename*=UTF-8''${encodeURIComponent(`${base}.${ext}`)}`;
}

/** Registered on the children sub-app (session required): R7's export of the child's file and part 5's trail. */
export function registerChildCaseFileRoutes(app: OpenAPIHono<Env>, deps: AppDeps): void {
  const { caseFiles } = deps;

  app.openapi(pdfRoute, async (c) => {
    const file = await caseFiles.loadCaseFile(c.get('principal'), c.req.valid('param').id, 'pdf');
    c.header('Content-Disposition', attachment(`儿童档案-${file.child.name}`, 'pdf'));
    return c.body(await caseFilePdfOf(file), 200, { 'Content-Type': 'application/pdf' });
  });

  app.openapi(zipRoute, async (c) => {
    const file = await caseFiles.loadCaseFile(c.get('principal'), c.req.valid('param').id, 'zip');
    const zip = caseFileZipOf(file, await caseFilePdfOf(file));
    c.header('Content-Disposition', attachment(`儿童档案-${file.child.name}`, 'zip'));
    return c.body(zip as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/zip' });
  });

  app.openapi(trailRoute, async (c) => {
    const { limit, cursor } = c.req.valid('query');
    const page = await caseFiles.readAccessTrail(c.get('principal'), c.req.valid('param').id, { limit, cursor: cursor ?? null });
    return c.json({ items: page.entries, nextCursor: page.nextCursor }, 200);
  });
}
