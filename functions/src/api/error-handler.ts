import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { DomainError, NotRegisteredError, PledgeRequiredError, RateLimitedError } from '../domain/errors.js';
import type { Env } from './context.js';
import { ForbiddenFieldsError } from './errors.js';
import type { Logger } from './logger.js';
import { problemKinds, respondWithProblem, type ProblemKind } from './problem.js';

/** The one mapping from a domain error's stable code to an answer (STYLE.md habit 3). */
export const problemKindOfCode: Record<string, ProblemKind> = {
  INVALID_INPUT: problemKinds.invalidInput,
  NOT_FOUND: problemKinds.notFound,
  FORBIDDEN: problemKinds.forbidden,
  PLEDGE_REQUIRED: problemKinds.pledgeRequired,
  NOT_REGISTERED: problemKinds.notRegistered,
  VERSION_CONFLICT: problemKinds.versionConflict,
  ALREADY_EXISTS: problemKinds.alreadyExists,
  NOT_READY: problemKinds.notReady,
  RULE_VIOLATION: problemKinds.ruleViolation,
  LEGAL_BASIS_REQUIRED: problemKinds.legalBasisRequired,
  UNAUTHENTICATED: problemKinds.unauthenticated,
  RATE_LIMITED: problemKinds.rateLimited,
  UPSTREAM: problemKinds.upstream,
};

const GENERIC_DETAIL = '服务暂时出现问题，请稍后再试';

/**
 * R8 (issue 11): whatever error a use case refused with, a refusal because the current pledge is not signed is
 * answered as pledge-required (403, `urn:shouhu:problem:pledge-required`), so every page refused for it leads to the
 * pledge. The guards that look a record up ask the pledge first (app/pledge-gate.ts), so this reveals no existence.
 */
function pledgeRefusalAsItself(error: DomainError): DomainError {
  if (error.refusal?.reason !== 'pledgeMissing' || error instanceof PledgeRequiredError) return error;
  return new PledgeRequiredError().refusing(error.refusal);
}

function respondToDomainError(c: Context<Env>, given: DomainError, logger: Logger): Response {
  const error = pledgeRefusalAsItself(given);
  const kind = problemKindOfCode[error.code];
  if (kind === undefined) return respondToUnexpected(c, error, logger);
  if (error instanceof RateLimitedError) c.header('Retry-After', String(error.retryAfterSeconds));
  if (kind === problemKinds.unauthenticated) c.header('WWW-Authenticate', 'Bearer realm="shouhu"');
  if (kind.status >= 500) logger.warn('upstream failure', { requestId: c.get('requestId'), errorCode: error.code });
  const errors = error instanceof ForbiddenFieldsError ? error.errors : undefined;
  const registrationTicket = error instanceof NotRegisteredError ? error.registrationTicket : undefined;
  return respondWithProblem(c, kind, error.message, { field: error.field, errors, registrationTicket });
}

function respondToHttpException(c: Context<Env>, error: HTTPException): Response {
  switch (error.status) {
    case 400:
      return respondWithProblem(c, problemKinds.malformedJson, '请求体须为有效的 JSON');
    case 413:
      return respondWithProblem(c, problemKinds.payloadTooLarge, '请求体超过上限');
    case 415:
      return respondWithProblem(c, problemKinds.unsupportedMediaType, '请求须使用 Content-Type: application/json');
    default: {
      const kind = { status: error.status, slug: `http-${error.status}`, title: '请求无法处理' } as ProblemKind;
      return respondWithProblem(c, kind, '请求无法处理');
    }
  }
}

/** A 500 says nothing about internals; the log has the detail (redacted by the logger, never the request body). */
function respondToUnexpected(c: Context<Env>, error: unknown, logger: Logger): Response {
  logger.error('unhandled error', {
    requestId: c.get('requestId'),
    method: c.req.method,
    path: c.req.path,
    error,
  });
  return respondWithProblem(c, problemKinds.internal, GENERIC_DETAIL);
}

export function createErrorHandler(logger: Logger): ErrorHandler<Env> {
  return (error, c) => {
    if (error instanceof DomainError) return respondToDomainError(c, error, logger);
    if (error instanceof HTTPException) return respondToHttpException(c, error);
    return respondToUnexpected(c, error, logger);
  };
}

export const respondToUnknownRoute: NotFoundHandler<Env> = (c) =>
  respondWithProblem(c, problemKinds.routeNotFound, `接口不存在：${c.req.method} ${c.req.path}`);
