import { addInterval, addMonths, intervalInDays, laterDate } from './calendar.js';
import { caseObligationsOf } from './case-deadlines.js';
import type { Child } from './child.js';
import type { FollowUpTrigger } from './follow-up.js';
import { obligationKeyOf, obligationKinds, performers, type LastCompletions, type Obligation, type VisitRuleId } from './obligation.js';
import { visitRules, type FollowUpRequirement, type StandingRequirement, type VisitRule } from './visit-rules.js';
import type { Visit } from './visit.js';
import { yearlyAssessmentObligationOf } from './yearly-assessment.js';

/**
 * The visit and contact rules R3, R11, R14, R19, R20, R21 (data in visit-rules.ts) turn a child's attributes and
 * the dates of its last completions into obligations. Pure: "today" is passed in; dates are Beijing calendar dates.
 */
export type PolicySubject = Pick<
  Child,
  'id' | 'registeredOn' | 'categories' | 'flags' | 'riskLevel' | 'followUpTriggers' | 'status' | 'caseDeadlines' | 'riskBasis'
>;

export type { LastCompletions };

/**
 * One rule's demand on one child, before the strictest per (kind, performer) is chosen. It keeps the date it counts
 * from; the due date is worked out for the winner only. A standing demand counts from the last completion, or from
 * registration when there is none; a completion dated before registration (a visit during intake, imported history)
 * does not pull the first due date before the child was on the roster, so a new completion never moves one earlier.
 */
interface Candidate {
  requirement: StandingRequirement | FollowUpRequirement;
  ruleId: VisitRuleId;
  ruleRank: number;
  intervalDays: number;
  from: string;
  endsOn: string | null;
}

function standingCandidates(child: PolicySubject, rule: VisitRule, ruleRank: number, last: LastCompletions): Candidate[] {
  return rule.requirements
    .filter((requirement) => requirement.appliesTo(child))
    .map((requirement) => ({
      requirement,
      ruleId: rule.id,
      ruleRank,
      intervalDays: intervalInDays(requirement.interval),
      from: laterDate(last[obligationKeyOf(requirement)] ?? child.registeredOn, child.registeredOn),
      endsOn: null,
    }));
}

function requirementFor(rule: VisitRule, trigger: FollowUpTrigger): FollowUpRequirement | undefined {
  const type = trigger.kind === 'returnedHome' ? 'returnedHome' : trigger.reason;
  return rule.followUps.find((f) => f.trigger === type);
}

/**
 * R19: a follow-up runs from its trigger through `endsOn` (trigger + period, calendar months). It counts from the
 * latest of the trigger, the registration and the last follow-up, so a follow-up done for an earlier event does not
 * make a new one overdue. Once the next visit would fall after the period, the period's visits are done.
 */
function followUpCandidates(
  child: PolicySubject,
  rule: VisitRule,
  ruleRank: number,
  last: LastCompletions,
  today: string,
): Candidate[] {
  return child.followUpTriggers.flatMap((trigger) => {
    const requirement = requirementFor(rule, trigger);
    if (!requirement || today < trigger.on) return [];
    const endsOn = addMonths(trigger.on, requirement.periodMonths);
    const from = laterDate(laterDate(trigger.on, child.registeredOn), last[obligationKeyOf(requirement)] ?? trigger.on);
    if (today > endsOn || addInterval(from, requirement.interval) > endsOn) return [];
    return [{ requirement, ruleId: rule.id, ruleRank, intervalDays: intervalInDays(requirement.interval), from, endsOn }];
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Shortest interval first; on a tie the rule listed first in the catalogue; then (between R19 triggers) the one that
 * falls due first — equal intervals, so the earlier start — and the longest running.
 */
function compareStrictness(a: Candidate, b: Candidate): number {
  return (
    a.intervalDays - b.intervalDays ||
    a.ruleRank - b.ruleRank ||
    compareText(a.from, b.from) ||
    compareText(b.endsOn ?? '', a.endsOn ?? '')
  );
}

function pickStrictest(childId: string, candidates: Candidate[], last: LastCompletions): Obligation {
  const winner = candidates.reduce((best, c) => (compareStrictness(c, best) < 0 ? c : best));
  const { kind, performer, interval, reason } = winner.requirement;
  const alsoRequiredBy = [...new Set(candidates.map((c) => c.ruleId))].filter((id) => id !== winner.ruleId);
  return {
    childId,
    kind,
    performer,
    interval,
    dueDate: addInterval(winner.from, interval),
    lastCompletedOn: last[obligationKeyOf(winner.requirement)] ?? null,
    ruleId: winner.ruleId,
    reason,
    alsoRequiredBy,
    endsOn: winner.endsOn,
  };
}

function compareObligations(a: Obligation, b: Obligation): number {
  return (
    compareText(a.dueDate, b.dueDate) ||
    obligationKinds.indexOf(a.kind) - obligationKinds.indexOf(b.kind) ||
    performers.indexOf(a.performer) - performers.indexOf(b.performer)
  );
}

/**
 * The child's obligations under the district's chosen rules: one per (kind, performer), the strictest interval
 * winning, its rule id and Chinese reason; R19 follow-ups only while their period runs on `today`; the case's own
 * deadlines; R2's yearly assessment, whatever the rules; none for a closed child. Sorted by due date (then kind and
 * performer in their enum order).
 */
export function computeObligations(
  child: PolicySubject,
  ruleIds: readonly VisitRuleId[],
  lastCompletions: LastCompletions,
  today: string,
): Obligation[] {
  if (child.status === 'closed') return [];
  const byKey = new Map<string, Candidate[]>();
  visitRules.forEach((rule, rank) => {
    if (!ruleIds.includes(rule.id)) return;
    const standing = standingCandidates(child, rule, rank, lastCompletions);
    for (const candidate of [...standing, ...followUpCandidates(child, rule, rank, lastCompletions, today)]) {
      const key = obligationKeyOf(candidate.requirement);
      const group = byKey.get(key);
      if (group) group.push(candidate);
      else byKey.set(key, [candidate]);
    }
  });
  const fromRules = [...byKey.values()].map((group) => pickStrictest(child.id, group, lastCompletions));
  const fromCase = caseObligationsOf(child.id, child.caseDeadlines, lastCompletions, today);
  return [...withCaseObligations(fromRules, fromCase), yearlyAssessmentObligationOf(child, lastCompletions)].sort(compareObligations);
}

/**
 * R15 and R22 (case-deadlines.ts) beside the rules' obligations. Only the follow-up agreed at closing can share a key
 * with a rule's (R19's follow-up by the same performer): then the one due first stands, naming the other.
 */
function withCaseObligations(fromRules: Obligation[], fromCase: Obligation[]): Obligation[] {
  const merged = [...fromRules];
  for (const own of fromCase) {
    const index = merged.findIndex((o) => obligationKeyOf(o) === obligationKeyOf(own));
    if (index < 0) {
      merged.push(own);
      continue;
    }
    const rule = merged[index]!;
    merged[index] =
      own.dueDate < rule.dueDate
        ? { ...own, alsoRequiredBy: [rule.ruleId, ...rule.alsoRequiredBy] }
        : { ...rule, alsoRequiredBy: [...rule.alsoRequiredBy, own.ruleId] };
  }
  return merged;
}

/**
 * Which obligation keys a visit completes: a home visit completes home visits (and contacts) of each performer
 * whose team member took part; a contact completes contacts. Purpose 'reassessment' / 'followUp' also completes
 * those, but only on a home visit: R21's assessment is done at the home (000 §五.3 入户评估) and 003 §81 speaks of
 * "入户跟踪回访"; a phone call does not see how the child lives. A home visit judged short of R3 (fewer than two
 * people, the assigned social worker absent, under two hours) stays on record but is not the social worker's
 * monthly home visit: that stays due. `team` is the child's team at the time of the visit; without a team nobody's
 * duty is known, so nothing is completed. Sorted, each key once.
 */
export function obligationKeysCompletedBy(
  visit: Pick<Visit, 'kind' | 'purpose' | 'participantIds' | 'r3'>,
  team: Child['team'],
): string[] {
  if (!team) return [];
  const memberOf = { socialWorker: team.socialWorkerId, director: team.directorId } as const;
  const present = performers.filter((performer) => visit.participantIds.includes(memberOf[performer]));
  const kinds =
    visit.kind === 'contact'
      ? (['contact'] as const)
      : visit.purpose === 'routine'
        ? (['homeVisit', 'contact'] as const)
        : (['homeVisit', 'contact', visit.purpose] as const);
  const shortOfR3 = visit.r3.applies && !visit.r3.met;
  return present
    .flatMap((performer) => kinds.map((kind) => ({ kind, performer })))
    .filter((key) => !(shortOfR3 && key.kind === 'homeVisit' && key.performer === 'socialWorker'))
    .map(obligationKeyOf)
    .sort();
}
