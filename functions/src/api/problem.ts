import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/**
 * Every error answer is RFC 9457 `application/problem+json`, in Chinese, naming the field when one is at fault.
 * `type` is a stable URN per kind of problem so clients can branch without parsing the Chinese text.
 */
export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export const fieldErrorSchema = z.object({ field: z.string(), message: z.string() });
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    field: z.string().optional(),
    errors: z.array(fieldErrorSchema).optional(),
    requestId: z.string().optional(),
    /** Only with `not-registered`: the ticket a WeChat user without an account applies with (issue 11 part 2). */
    registrationTicket: z.string().optional(),
  })
  .openapi('Problem');
export type Problem = z.infer<typeof problemSchema>;

export interface ProblemKind {
  status: ContentfulStatusCode;
  slug: string;
  title: string;
}

export const problemKinds = {
  invalidInput: { status: 400, slug: 'invalid-input', title: '请求参数有误' },
  malformedJson: { status: 400, slug: 'malformed-json', title: '请求体不是有效的 JSON' },
  unauthenticated: { status: 401, slug: 'unauthenticated', title: '未登录或登录已过期' },
  forbidden: { status: 403, slug: 'forbidden', title: '无权进行此操作' },
  pledgeRequired: { status: 403, slug: 'pledge-required', title: '请先签署儿童保护承诺书' },
  notRegistered: { status: 403, slug: 'not-registered', title: '尚未注册' },
  notFound: { status: 404, slug: 'not-found', title: '未找到' },
  routeNotFound: { status: 404, slug: 'route-not-found', title: '接口不存在' },
  methodNotAllowed: { status: 405, slug: 'method-not-allowed', title: '不支持的请求方法' },
  versionConflict: { status: 409, slug: 'version-conflict', title: '记录已被他人修改' },
  alreadyExists: { status: 409, slug: 'already-exists', title: '记录已存在' },
  notReady: { status: 409, slug: 'not-ready', title: '暂不能进行此操作' },
  payloadTooLarge: { status: 413, slug: 'payload-too-large', title: '请求体过大' },
  unsupportedMediaType: { status: 415, slug: 'unsupported-media-type', title: '不支持的内容类型' },
  ruleViolation: { status: 422, slug: 'rule-violation', title: '不符合业务规则' },
  legalBasisRequired: { status: 422, slug: 'legal-basis-required', title: '缺少个人信息处理依据' },
  rateLimited: { status: 429, slug: 'rate-limited', title: '请求过于频繁' },
  internal: { status: 500, slug: 'internal', title: '服务器内部错误' },
  upstream: { status: 502, slug: 'upstream', title: '外部服务暂不可用' },
} as const satisfies Record<string, ProblemKind>;

export interface ProblemExtras {
  field?: string;
  errors?: FieldError[];
  registrationTicket?: string;
}

export function buildProblem(kind: ProblemKind, detail: string, extras: ProblemExtras = {}, requestId?: string): Problem {
  const problem: Problem = { type: `urn:shouhu:problem:${kind.slug}`, title: kind.title, status: kind.status, detail };
  if (extras.field !== undefined) problem.field = extras.field;
  if (extras.errors !== undefined && extras.errors.length > 0) problem.errors = extras.errors;
  if (extras.registrationTicket !== undefined) problem.registrationTicket = extras.registrationTicket;
  if (requestId !== undefined) problem.requestId = requestId;
  return problem;
}

/** Writes a problem through the context so headers set earlier (request id, Retry-After) are kept. */
export function respondWithProblem(
  c: Context,
  kind: ProblemKind,
  detail: string,
  extras: ProblemExtras = {},
): Response {
  const requestId = c.get('requestId') as string | undefined;
  const body = buildProblem(kind, detail, extras, requestId);
  return c.body(JSON.stringify(body), kind.status, { 'Content-Type': PROBLEM_CONTENT_TYPE });
}

/** The documented error answers of a route, for the OpenAPI document. */
export function problemResponses<S extends number>(...statuses: S[]) {
  const descriptions: Record<number, string> = {
    400: '请求参数有误',
    401: '未登录或登录已过期',
    403: '无权进行此操作',
    404: '未找到',
    409: '版本冲突或记录已存在',
    413: '请求体过大',
    415: '不支持的内容类型',
    422: '不符合业务规则',
    429: '请求过于频繁',
    502: '外部服务暂不可用',
  };
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: descriptions[status] ?? '错误', content: { [PROBLEM_CONTENT_TYPE]: { schema: problemSchema } } },
    ]),
  ) as Record<S, { description: string; content: { [PROBLEM_CONTENT_TYPE]: { schema: typeof problemSchema } } }>;
}
