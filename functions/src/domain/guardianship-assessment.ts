import { z } from 'zod';
import { addMonths, laterDate } from './calendar.js';
import { riskLevelSchema, type Child } from './child.js';
import { assessmentKindSchema } from './risk-basis.js';
import { eventDateSchema } from './date-bounds.js';
import { RuleViolationError } from './errors.js';
import { idSchema } from './region.js';

export { assessmentKinds, assessmentKindSchema, riskBasisSchema, type AssessmentKind, type RiskBasis } from './risk-basis.js';
import { multiLineText, singleLineText } from './text.js';

/**
 * The guardianship assessment (R18, 003 §55–56): six dimensions, each scored 1–5 with notes; the sources heard; a
 * written conclusion, a risk level and recommendations. R2: the first one is held by the whole team, the year's are
 * due by the end of February; R21: children in guardianship difficulty are reassessed every six months.
 * The risk level of a child changes only through one of these, or a supervisor's recorded override.
 */

/** R18's six dimensions, in the order of 003 §55. */
export const assessmentDimensions = ['economic', 'care', 'skills', 'responsibility', 'relationship', 'development'] as const;
export type AssessmentDimension = (typeof assessmentDimensions)[number];

/** R18: who is heard. */
export const assessmentSources = ['child', 'guardian', 'police', 'neighbours', 'school'] as const;
export type AssessmentSource = (typeof assessmentSources)[number];

/** A five-step scale: 1 is the weakest guardianship on that dimension, 5 the soundest. */
export const MIN_SCORE = 1;
export const MAX_SCORE = 5;

const dimensionScoreSchema = z
  .object({
    score: z.number().int().min(MIN_SCORE).max(MAX_SCORE),
    notes: multiLineText(500, { min: 0 }).default(''),
  })
  .strict();

const sourceHeardSchema = z
  .object({
    heard: z.boolean(),
    /** What was learned from them; empty when not heard. */
    learned: multiLineText(500, { min: 0 }).default(''),
  })
  .strict();

/** R18: every dimension scored, every source answered (heard or not). */
export const assessmentBodyShape = {
  kind: assessmentKindSchema,
  heldOn: eventDateSchema,
  presentUserIds: z.array(idSchema).min(1).max(10),
  dimensions: z.object(Object.fromEntries(assessmentDimensions.map((d) => [d, dimensionScoreSchema])) as Record<AssessmentDimension, typeof dimensionScoreSchema>).strict(),
  sources: z.object(Object.fromEntries(assessmentSources.map((s) => [s, sourceHeardSchema])) as Record<AssessmentSource, typeof sourceHeardSchema>).strict(),
  conclusion: multiLineText(2000),
  riskLevel: riskLevelSchema,
  recommendations: multiLineText(2000),
};

export const assessmentInputSchema = z
  .object({
    /** The child's version as the form was opened: a concurrent change is a conflict, not overwritten. */
    version: z.number().int().positive(),
    ...assessmentBodyShape,
  })
  .strict();
export type AssessmentInput = z.infer<typeof assessmentInputSchema>;

export const assessmentSchema = z
  .object({
    id: idSchema,
    childId: idSchema,
    ...assessmentBodyShape,
    /** The level before, so the history reads as a story of changes. */
    previousRiskLevel: riskLevelSchema,
    recordedBy: idSchema,
    recordedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type Assessment = z.infer<typeof assessmentSchema>;

export const riskOverrideInputSchema = z
  .object({
    version: z.number().int().positive(),
    riskLevel: riskLevelSchema,
    reason: singleLineText(500),
  })
  .strict();
export type RiskOverrideInput = z.infer<typeof riskOverrideInputSchema>;

type TeamOf = Pick<Child, 'team'>;

function teamIdsOf(child: TeamOf): string[] {
  return child.team === null ? [] : [child.team.socialWorkerId, child.team.directorId, child.team.supervisorId];
}

/**
 * The checks an assessment must pass against the child and its history, given today in Beijing:
 * - the date held is not in the future nor before the last assessment;
 * - the kind fits the history: 首次评估 exactly when there is none yet;
 * - those present are members of the child's team, and R2: at the first, all three of them.
 */
export function assertAssessmentFits(
  child: TeamOf,
  input: Pick<AssessmentInput, 'kind' | 'heldOn' | 'presentUserIds'>,
  lastHeldOn: string | null,
  today: string,
): void {
  if (input.heldOn > today) throw new RuleViolationError('评估日期不能晚于今天', 'heldOn');
  if (lastHeldOn !== null && input.heldOn < lastHeldOn) throw new RuleViolationError('评估日期不能早于上一次评估', 'heldOn');
  const first = lastHeldOn === null;
  if (first && input.kind !== 'first') throw new RuleViolationError('该儿童尚未评估过，应为首次评估', 'kind');
  if (!first && input.kind === 'first') throw new RuleViolationError('该儿童已有评估记录，请选择年度评估或复评', 'kind');
  const team = teamIdsOf(child);
  if (team.length === 0) throw new RuleViolationError('该儿童尚未指定执行团队，不能评估（R2）', 'presentUserIds');
  if (new Set(input.presentUserIds).size !== input.presentUserIds.length) throw new RuleViolationError('参与人员重复', 'presentUserIds');
  if (input.presentUserIds.some((id) => !team.includes(id))) throw new RuleViolationError('参与人员须为该儿童执行团队成员', 'presentUserIds');
  // R2 (000 §五.3): the first home assessment is done by all three team members together.
  if (first && team.some((id) => !input.presentUserIds.includes(id))) {
    throw new RuleViolationError('首次评估须由执行团队三人（督导员、儿童主任、社工）共同参与（R2）', 'presentUserIds');
  }
}

/** The last day of February of a year: the 29th in leap years (R2's deadline moves with the calendar). */
export function endOfFebruary(year: number): string {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return `${year}-02-${leap ? '29' : '28'}`;
}

/** The first end of February on or after a day: R2's first deadline for a child registered that day. */
export function firstEndOfFebruaryFrom(day: string): string {
  const year = Number(day.slice(0, 4));
  const thisYear = endOfFebruary(year);
  return day <= thisYear ? thisYear : endOfFebruary(year + 1);
}

/**
 * R2: the year's assessment is due by the end of February (Beijing years). Assessed in a year, the next is owed by the
 * following year's end of February; never assessed, by the first end of February on or after registration (the first
 * assessment is the whole team's first visit, R2), so a child registered in December is not overdue for the February
 * before it existed. It depends on no "today": a due date stored in December still holds in March, and a year missed
 * stays overdue from its own February, as other obligations stay overdue from their own due date.
 */
export function yearlyAssessmentDue(lastHeldOn: string | null, registeredOn: string): string {
  const first = firstEndOfFebruaryFrom(registeredOn);
  if (lastHeldOn === null) return first;
  // An assessment held before registration (at intake) does not make a February the child was not on the roster owed.
  return laterDate(endOfFebruary(Number(lastHeldOn.slice(0, 4)) + 1), first);
}

/** R21: six calendar months after the last assessment (08-31 + 6 months = 02-28, or 02-29). */
export const REASSESSMENT_MONTHS = 6;
export function reassessmentDue(lastHeldOn: string): string {
  return addMonths(lastHeldOn, REASSESSMENT_MONTHS);
}

/**
 * The next assessment due: the yearly one (R2), or, for a child in guardianship difficulty (R21 applies), the
 * six-monthly one when it falls earlier. Before the first assessment: the yearly date, the first being owed then.
 */
export function nextAssessmentDue(lastHeldOn: string | null, registeredOn: string, sixMonthly: boolean): string {
  const yearly = yearlyAssessmentDue(lastHeldOn, registeredOn);
  if (!sixMonthly || lastHeldOn === null) return yearly;
  const six = reassessmentDue(lastHeldOn);
  return six < yearly ? six : yearly;
}

/** Newest first: by the day held, then by when recorded. */
export function newestFirst(a: Assessment, b: Assessment): number {
  if (a.heldOn !== b.heldOn) return a.heldOn < b.heldOn ? 1 : -1;
  return a.recordedAt < b.recordedAt ? 1 : a.recordedAt > b.recordedAt ? -1 : 0;
}
