import type { VisitRuleId } from './obligation.js';
import type { Role } from './user.js';
import { r3Thresholds } from './visit-rules.js';
import type { CheckInInput, R3Assessment } from './visit.js';

export type R3CheckInFacts = Pick<CheckInInput, 'kind' | 'startedAt' | 'endedAt' | 'participantIds' | 'companionNames'>;

/** Who recorded the visit: the social worker of the child's team (R3) or the children's director of its village (R11). */
export type VisitRecorderRole = Extract<Role, 'socialWorker' | 'director'>;

const notJudged: R3Assessment = { applies: false, met: true, shortfalls: [] };

function countPeople(input: R3CheckInFacts): number {
  return new Set(input.participantIds).size + input.companionNames.length;
}

function minutesBetween(startedAt: string, endedAt: string): number {
  return Math.floor((Date.parse(endedAt) - Date.parse(startedAt)) / 60_000);
}

/**
 * R3 (000 §五.4): a home visit needs at least 2 people, the child's assigned social worker among them, and at least
 * 2 hours. Judged only for the social worker's home visits in a district whose policy includes R3: a children's
 * director's own home visit, without the child's social worker, is their R11 visit (001 §二.3), which R3 does not
 * judge. A visit that falls short is still accepted (the issue asks for a mark, not a refusal) and carries the
 * reasons in Chinese; it does not complete the social worker's monthly home visit (policy-engine.ts).
 */
export function assessR3(
  input: R3CheckInFacts,
  assignedSocialWorkerId: string | null,
  ruleIds: readonly VisitRuleId[],
  recordedBy: VisitRecorderRole = 'socialWorker',
): R3Assessment {
  if (input.kind !== 'homeVisit' || !ruleIds.includes('R3')) return notJudged;
  const socialWorkerCame = assignedSocialWorkerId !== null && input.participantIds.includes(assignedSocialWorkerId);
  if (recordedBy === 'director' && !socialWorkerCame) return notJudged;
  const shortfalls: string[] = [];
  const people = countPeople(input);
  if (people < r3Thresholds.minPeople) shortfalls.push(`走访人数不足${r3Thresholds.minPeople}人（实到${people}人）`);
  if (assignedSocialWorkerId === null) shortfalls.push('该儿童尚未组建执行小组，无法确认负责社工到场');
  else if (!socialWorkerCame) shortfalls.push('负责该儿童的社工未参与走访');
  const minutes = minutesBetween(input.startedAt, input.endedAt);
  if (!(minutes >= r3Thresholds.minDurationMinutes)) {
    shortfalls.push(`入户时长不足${r3Thresholds.minDurationMinutes / 60}小时（实际${Math.max(0, minutes)}分钟）`);
  }
  return { applies: true, met: shortfalls.length === 0, shortfalls };
}
