import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../functions/src/api/context.js';
import { createErrorHandler, respondToUnknownRoute } from '../../functions/src/api/error-handler.js';
import { ForbiddenFieldsError, InvalidInputError } from '../../functions/src/api/errors.js';
import { createLogger } from '../../functions/src/api/logger.js';
import { respondToInvalidInput } from '../../functions/src/api/validation.js';
import {
  AlreadyExistsError,
  ForbiddenError,
  LegalBasisRequiredError,
  NotFoundError,
  RateLimitedError,
  RuleViolationError,
  UnauthenticatedError,
  UpstreamError,
  VersionConflictError,
} from '../../functions/src/domain/errors.js';

/** A bare app with only the error mapper and the validation hook: the mapping is tested without storage. */
function appThrowing(error: unknown, lines: string[] = []) {
  const app = new OpenAPIHono<Env>({ defaultHook: respondToInvalidInput });
  app.get('/boom', () => {
    throw error;
  });
  app.openapi(
    createRoute({
      method: 'post',
      path: '/echo',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.object({ changes: z.object({ birthDate: z.iso.date(), name: z.string() }).strict() }).strict(),
            },
          },
        },
      },
      responses: { 200: { description: 'ok' } },
    }),
    (c) => c.text('ok'),
  );
  app.onError(createErrorHandler(createLogger({ write: (line) => lines.push(line) })));
  app.notFound(respondToUnknownRoute);
  return app;
}

describe('one error mapper: domain error codes to problem+json', () => {
  it.each([
    [new NotFoundError('未找到该儿童', 'id'), 404, 'not-found', 'id'],
    [new ForbiddenError('无权'), 403, 'forbidden', undefined],
    [new VersionConflictError('已被修改', 'version'), 409, 'version-conflict', 'version'],
    [new AlreadyExistsError('已存在'), 409, 'already-exists', undefined],
    [new RuleViolationError('更换社工须说明理由（R1）', 'reason'), 422, 'rule-violation', 'reason'],
    [new LegalBasisRequiredError('须注明处理依据', 'legalBasis'), 422, 'legal-basis-required', 'legalBasis'],
    [new UnauthenticatedError('请先登录'), 401, 'unauthenticated', undefined],
    [new RateLimitedError('过于频繁', 42), 429, 'rate-limited', undefined],
    [new UpstreamError('微信不可用'), 502, 'upstream', undefined],
    [new InvalidInputError('游标无效', 'cursor'), 400, 'invalid-input', 'cursor'],
  ])('%s → %i', async (error, status, slug, field) => {
    const res = await appThrowing(error).request('/boom');

    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = await res.json();
    expect(body).toMatchObject({ type: `urn:shouhu:problem:${slug}`, status, detail: error.message });
    expect(body.field).toBe(field);
    expect(body.title).toMatch(/[\u4e00-\u9fff]/);
  });

  it('sets Retry-After on 429 and WWW-Authenticate on 401', async () => {
    const limited = await appThrowing(new RateLimitedError('过于频繁', 42)).request('/boom');
    const unauthenticated = await appThrowing(new UnauthenticatedError('请先登录')).request('/boom');

    expect(limited.headers.get('retry-after')).toBe('42');
    expect(unauthenticated.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('names the first forbidden field and lists them all', async () => {
    const res = await appThrowing(new ForbiddenFieldsError(['changes.riskLevel', 'changes.region'])).request('/boom');

    const body = await res.json();
    expect(res.status).toBe(403);
    expect(body.field).toBe('changes.riskLevel');
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(['changes.riskLevel', 'changes.region']);
  });

  it('answers anything else with a generic 500 and keeps the detail in the log only', async () => {
    const lines: string[] = [];
    const res = await appThrowing(new Error('ValidationException: table shouhu key 13800001111'), lines).request('/boom');

    const body = await res.json();
    expect(res.status).toBe(500);
    expect(JSON.stringify(body)).not.toMatch(/ValidationException|table|13800001111/);
    expect(body.detail).toBe('服务暂时出现问题，请稍后再试');
    expect(lines.join()).toContain('ValidationException');
    expect(lines.join()).not.toContain('13800001111');
  });

  it('answers a validation failure with 400 naming the nested path and every issue', async () => {
    const res = await appThrowing(null).request('/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ changes: { birthDate: '2020-13-45', name: 7, nickname: 'x' } }),
    });

    const body = await res.json();
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect(body.field).toBe('changes.birthDate');
    expect(body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['changes.birthDate', 'changes.name', 'changes.nickname']);
  });

  it('answers malformed JSON with 400, a wrong content type with 415 and an unknown route with 404', async () => {
    const app = appThrowing(null);
    const malformed = await app.request('/echo', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"changes":' });
    const wrongType = await app.request('/echo', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    const unknown = await app.request('/nowhere');

    expect([malformed.status, wrongType.status, unknown.status]).toEqual([400, 415, 404]);
    for (const res of [malformed, wrongType, unknown]) expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await malformed.json()).type).toBe('urn:shouhu:problem:malformed-json');
  });
});
