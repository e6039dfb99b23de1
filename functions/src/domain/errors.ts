import type { AuditAction } from './audit.js';

/**
 * Domain errors carry a stable `code` the API maps to an HTTP status in one place, and an optional `field` so a
 * problem+json answer can name what was wrong. Messages are Chinese because users read them.
 */
export abstract class DomainError extends Error {
  abstract readonly code: string;
  /** Set when the error refuses an actor something: the refusal is then audited once, where it reaches the edge. */
  refusal?: Refusal;
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }

  /** Marks this error as the refusal of an access, for the audit (ids and the policy's reason only). */
  refusing(refusal: Refusal): this {
    this.refusal = refusal;
    return this;
  }
}

/**
 * Why an actor was refused, in the access policy's words (`notRelated`, `roleCannot`, `pledgeMissing`,
 * `forbiddenField:x`, …), what they attempted, and the child concerned if there is one.
 */
export interface Refusal {
  reason: string;
  action?: AuditAction;
  childId?: string | null;
}

/** The record does not exist, or the actor may not know that it exists (no existence leak: API1). */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
}

/**
 * The actor is known but may not do this (function- or property-level authorization). Always a refusal: one that
 * names no reason of the policy is audited as `forbidden`.
 */
export class ForbiddenError extends DomainError {
  readonly code: string = 'FORBIDDEN';
}

/**
 * R8: the actor must sign the current child-protection pledge first (never signed, or signed a version since
 * replaced). Its own code, so the answer can lead to the pledge instead of only saying no.
 */
export class PledgeRequiredError extends ForbiddenError {
  override readonly code = 'PLEDGE_REQUIRED';
  constructor(message = '请先签署《儿童保护承诺书》，签署后才能查看儿童信息和报名活动') {
    super(message);
    this.refusal = { reason: 'pledgeMissing' };
  }
}

/** API3: a patch touching fields the role may not set is refused whole, naming the first field and listing all. */
export class ForbiddenFieldsError extends ForbiddenError {
  readonly errors: { field: string; message: string }[];
  /** `why` gives a field its own message (a risk level is never typed in: it says where it is set instead). */
  constructor(fields: string[], why: Partial<Record<string, string>> = {}) {
    super(why[fields[0]] ?? `当前角色无权修改：${fields.join('、')}`, fields[0]);
    this.errors = fields.map((field) => ({ field, message: why[field] ?? '当前角色无权修改此字段' }));
  }
}

/** Someone else changed the record since the caller read it (optimistic locking). */
export class VersionConflictError extends DomainError {
  readonly code = 'VERSION_CONFLICT';
}

/**
 * A write found the state it was computed from moved meanwhile (a concurrent check-in moved the chain head or the
 * obligations, a change of the child its version): nobody's mistake. The use case reads the moving parts again and
 * tries again, a bounded number of times; it never reaches the caller as this error.
 */
export class StaleStateError extends DomainError {
  readonly code = 'STALE_STATE';
}

/** A record with this id already exists. */
export class AlreadyExistsError extends DomainError {
  readonly code = 'ALREADY_EXISTS';
}

/** The record this acts on is not there yet (a month's report before its roll-up): try again later. */
export class NotReadyError extends DomainError {
  readonly code = 'NOT_READY';
}

/**
 * A field whose value the schema accepted but a use case finds unusable (a drawn signature that is no PNG, a typed
 * name that is not the account's): answered 400 naming the field, like a schema's refusal, nothing written.
 */
export class InvalidFieldError extends DomainError {
  readonly code = 'INVALID_INPUT';
}

/** Well-formed input that breaks a rule of the domain. */
export class RuleViolationError extends DomainError {
  readonly code = 'RULE_VIOLATION';
}

/** PIPL Art. 28, 31: a child under 14 is held only on a statutory duty or with a guardian's consent on record. */
export class LegalBasisRequiredError extends DomainError {
  readonly code = 'LEGAL_BASIS_REQUIRED';
}

/**
 * Issue 11 part 2: WeChat knows the user, but no account is bound to them. The answer carries a short-lived
 * registration ticket (sealed by the API) with which they may apply as a volunteer; nothing is written.
 */
export class NotRegisteredError extends DomainError {
  readonly code = 'NOT_REGISTERED';
  constructor(readonly registrationTicket: string) {
    super('该微信尚未开通账号。志愿者可以申请注册；工作人员请联系儿童主任或民政部门开通');
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
}

export class RateLimitedError extends DomainError {
  readonly code = 'RATE_LIMITED';
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message);
  }
}

/** An outside service (WeChat) answered with an error we cannot fix by retrying now. */
export class UpstreamError extends DomainError {
  readonly code = 'UPSTREAM';
}
