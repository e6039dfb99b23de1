import { OpenAPIHono } from '@hono/zod-openapi';
import { readMonthlyReport } from '../../app/read-monthly-report.js';
import { readReportYear } from '../../app/read-report-year.js';
import { submissionViewOf } from '../../app/monthly-report-views.js';
import { submitMonthlyReport } from '../../app/submit-monthly-report.js';
import { monthlyFigureKeys, monthlyFigureNames } from '../../domain/monthly-report.js';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { problemResponses } from '../problem.js';
import { reportCsvOf } from '../report-export/report-csv.js';
import { exportFileName, reportTableOf } from '../report-export/report-table.js';
import { reportXlsxOf } from '../report-export/report-xlsx.js';
import {
  exportQuerySchema,
  monthlyReportViewSchema,
  reportMonthParamsSchema,
  reportYearParamsSchema,
  reportYearViewSchema,
  submissionResultSchema,
} from '../report-schemas.js';
import { authenticate, withActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';

const security = [{ bearerAuth: [] }];
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const monthRoute = defineRoute({
  method: 'get',
  path: '/{regionId}/months/{month}',
  summary: '某地区某月的走访情况月度汇报（R4），含下级各地区的数据与提交情况',
  security,
  request: { params: reportMonthParamsSchema },
  responses: {
    200: { description: '月度汇报', content: { 'application/json': { schema: monthlyReportViewSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const yearRoute = defineRoute({
  method: 'get',
  path: '/{regionId}/years/{year}',
  summary: '某地区及其下级各地区一年 12 个月的数据（赛马比拼，R24）',
  security,
  request: { params: reportYearParamsSchema },
  responses: {
    200: { description: '全年数据', content: { 'application/json': { schema: reportYearViewSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const submitRoute = defineRoute({
  method: 'post',
  path: '/{regionId}/months/{month}/submission',
  summary: '提交本级月度汇报（镇街儿童督导员报区，区民政局报市；R4）；每月只能提交一次',
  security,
  request: { params: reportMonthParamsSchema },
  responses: {
    201: { description: '已提交', content: { 'application/json': { schema: submissionResultSchema } } },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

const exportRoute = defineRoute({
  method: 'get',
  path: '/{regionId}/months/{month}/export',
  summary: '下载走访情况月度汇报表（format=xlsx 或 csv）',
  security,
  request: { params: reportMonthParamsSchema, query: exportQuerySchema },
  responses: {
    200: { description: '汇报表文件', content: { [XLSX_TYPE]: { schema: { type: 'string', format: 'binary' } }, 'text/csv': { schema: { type: 'string' } } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** R4's monthly reports: read, compare over the year, send up, download (figures only, no child named). */
export function createReportsApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const ports = { ...deps.repositories, clock: deps.clock, newId: deps.newId };
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens), withActor(deps.repositories.users));

  app.openapi(monthRoute, async (c) => {
    const { regionId, month } = c.req.valid('param');
    const view = await readMonthlyReport(ports, c.get('actor'), regionId, month);
    return c.json({ ...view, figureNames: monthlyFigureKeys.map((key) => ({ key, name: monthlyFigureNames[key] })) }, 200);
  });

  app.openapi(yearRoute, async (c) => {
    const { regionId, year } = c.req.valid('param');
    return c.json(await readReportYear(ports, c.get('actor'), regionId, Number(year)), 200);
  });

  app.openapi(submitRoute, async (c) => {
    const { regionId, month } = c.req.valid('param');
    const submission = await submitMonthlyReport(ports, c.get('actor'), regionId, month);
    return c.json({ month, regionId, submission: submissionViewOf(submission)!, deadline: submission.deadline }, 201);
  });

  app.openapi(exportRoute, async (c) => {
    const { regionId, month } = c.req.valid('param');
    const { format } = c.req.valid('query');
    const view = await readMonthlyReport(ports, c.get('actor'), regionId, month);
    const table = reportTableOf(view);
    const name = encodeURIComponent(exportFileName(view, format));
    c.header('Content-Disposition', `attachment; filename="report.${format}"; filename*=UTF-8''${name}`);
    if (format === 'csv') return c.body(reportCsvOf(table), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    return c.body(await reportXlsxOf(table), 200, { 'Content-Type': XLSX_TYPE });
  });

  return app;
}
