import type { Child } from './child.js';
import { RuleViolationError, VersionConflictError } from './errors.js';
import type { RegionPath } from './region.js';
import { isWithdrawn, type CheckInInput, type Confirmation, type ConfirmVisitInput, type R3Assessment, type Visit } from './visit.js';

/**
 * The rules of recording a visit and of the guardian's answer (issue 3, parts 3 and 5), apart from storage: the
 * store adds the hash-chain fields when it appends the visit to the child's chain.
 */
export type VisitDraft = Omit<Visit, 'sequence' | 'previousHash' | 'hash'>;

/** Phones' clocks drift: a start up to this far ahead of the server's clock is taken as "now". */
export const CLOCK_SKEW_MS = 5 * 60_000;
export const MAX_VISIT_MS = 24 * 3_600_000;

/** Checks that need no storage; each names the field at fault, and nothing is written when one fails. */
export function assertCheckInRules(input: CheckInInput, recordedBy: string, now: Date): void {
  const started = Date.parse(input.startedAt);
  const ended = Date.parse(input.endedAt);
  if (started > now.getTime() + CLOCK_SKEW_MS) throw new RuleViolationError('开始时间不能晚于现在', 'startedAt');
  if (ended < started) throw new RuleViolationError('结束时间不能早于开始时间', 'endedAt');
  if (ended > now.getTime() + CLOCK_SKEW_MS) throw new RuleViolationError('结束时间不能晚于现在', 'endedAt');
  if (ended - started > MAX_VISIT_MS) throw new RuleViolationError('一次走访不能超过24小时', 'endedAt');
  if (input.kind === 'contact' && input.contactChannel === null) {
    throw new RuleViolationError('联系须注明方式（电话、消息或视频）', 'contactChannel');
  }
  if (input.kind === 'homeVisit' && input.contactChannel !== null) {
    throw new RuleViolationError('入户走访不填写联系方式', 'contactChannel');
  }
  if (new Set(input.participantIds).size !== input.participantIds.length) {
    throw new RuleViolationError('参与人员不能重复', 'participantIds');
  }
  // R3: the record is the worker's own account of a visit they took part in.
  if (!input.participantIds.includes(recordedBy)) {
    throw new RuleViolationError('记录人须在参与人员之中', 'participantIds');
  }
}

/**
 * Visit ids sort by the visit's start (then by the random part), so the visits of a child read in key order are in
 * date order without an index: `20261123013000000-<random>`.
 */
export function visitIdOf(startedAt: string, random: string): string {
  return `${new Date(startedAt).toISOString().replace(/\D/g, '')}-${random}`;
}

export interface VisitDraftContext {
  id: string;
  child: Pick<Child, 'id' | 'region'>;
  recordedBy: string;
  recordedAt: Date;
  r3: R3Assessment;
}

export const pendingConfirmation: Confirmation = { state: 'pending', byUserId: null, at: null, reasons: [], note: '' };

export function draftVisit(input: CheckInInput, context: VisitDraftContext): VisitDraft {
  const region: RegionPath = { ...context.child.region };
  return {
    id: context.id,
    childId: context.child.id,
    region,
    ...input,
    locationMissing: input.location === null,
    recordedBy: context.recordedBy,
    recordedAt: context.recordedAt.toISOString(),
    r3: context.r3,
    confirmation: pendingConfirmation,
    resolution: null,
    corrections: [],
    asRecorded: null,
    obligationsMet: [],
    organizationId: null,
    version: 1,
  };
}

/**
 * The guardian's answer, bound to their account and the server's time. A visit is answered once; an answer to a
 * version the guardian did not see, or to a visit already answered, is a conflict.
 */
export function answerVisit(visit: Visit, input: ConfirmVisitInput, guardianId: string, now: Date): Visit {
  if (input.version !== visit.version) throw new VersionConflictError('该走访记录已更新，请刷新后重试', 'version');
  if (visit.confirmation.state !== 'pending') throw new VersionConflictError('该走访已确认或已提出异议', 'version');
  if (isWithdrawn(visit)) throw new VersionConflictError('该走访记录已被登记人撤回，无需确认', 'version');
  const note = input.note.trim();
  if (input.decision === 'confirm' && input.reasons.length > 0) {
    throw new RuleViolationError('确认走访时不填写异议理由', 'reasons');
  }
  if (input.decision === 'dispute' && input.reasons.length === 0) {
    throw new RuleViolationError('提出异议须至少选择一项理由', 'reasons');
  }
  if (new Set(input.reasons).size !== input.reasons.length) throw new RuleViolationError('异议理由不能重复', 'reasons');
  if (input.reasons.includes('other') && note === '') throw new RuleViolationError('选择“其他”须写明情况', 'note');
  return {
    ...visit,
    confirmation: {
      state: input.decision === 'confirm' ? 'confirmed' : 'disputed',
      byUserId: guardianId,
      at: now.toISOString(),
      reasons: input.reasons,
      note,
    },
    version: visit.version + 1,
  };
}
