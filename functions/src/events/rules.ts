import { EVENT_SOURCE, type DomainEventType } from './domain-events.js';

/**
 * The product's event rules (STYLE.md habit 5), defined once: the CDK stack makes an EventBridge rule of each, with
 * its consumer's Lambda as the target, and the local bus in `npm start` applies the same patterns in process, so
 * cloud and one machine cannot route differently.
 *
 * One rule, one consumer: each consumer runs as a function of its own with its own dead-letter queue, so one
 * consumer's failures neither hold up nor hide another's. A consumer names what it does; the registry in
 * consumers/index.ts maps each name to its code.
 */
export interface EventPattern {
  source: typeof EVENT_SOURCE;
  detailType: readonly DomainEventType[];
}

export interface EventRule {
  /** Also the construct id of the rule and its consumer in the stack: letters and digits. */
  name: string;
  pattern: EventPattern;
  consumer: string;
  /**
   * The consumer walks a district's children (lists them, reads each with its policy, rewrites its obligations), so
   * its function may query the children's index and write more than puts, and runs longer: DISTRICT_WALK.
   */
  walksDistrict?: true;
}

/**
 * The district walk's time budget per invocation and its function's timeout: the budget is checked after each page
 * (100 children, a second or two against DynamoDB), so the page under way and its save fit in the margin.
 */
export const DISTRICT_WALK = { budgetMs: 60_000, timeoutSeconds: 120 } as const;

export const EVENT_RULES = [
  {
    name: 'DisputeToSupervisor',
    pattern: { source: EVENT_SOURCE, detailType: ['VisitDisputed'] },
    consumer: 'notifyDisputeToSupervisor',
  },
  {
    name: 'DisputeOutcomeToWorkerAndGuardians',
    pattern: { source: EVENT_SOURCE, detailType: ['DisputeResolved'] },
    consumer: 'notifyDisputeOutcome',
  },
  {
    name: 'VisitProblemsToConcern',
    pattern: { source: EVENT_SOURCE, detailType: ['VisitRecorded'] },
    consumer: 'openConcernFromVisitProblems',
  },
  // Issue 8: what must be acknowledged starts a timer; a fired timer is checked and acted on; a case's level is told.
  {
    name: 'AcknowledgeDeadlines',
    pattern: { source: EVENT_SOURCE, detailType: ['ConcernReported', 'ConcernRaised', 'EscalationRaised'] },
    consumer: 'scheduleDeadlines',
  },
  {
    name: 'DeadlineReached',
    pattern: { source: EVENT_SOURCE, detailType: ['DeadlineReached'] },
    consumer: 'actOnDeadline',
  },
  {
    name: 'EscalationToItsLevel',
    pattern: { source: EVENT_SOURCE, detailType: ['EscalationRaised', 'EscalationOverdue'] },
    consumer: 'notifyEscalation',
  },
  // Issue 9, part 2: a district's new policy reaches its children as a job that continues itself.
  {
    name: 'PolicyRefresh',
    pattern: { source: EVENT_SOURCE, detailType: ['PolicyChanged', 'PolicyRefreshContinued'] },
    consumer: 'refreshDistrictObligations',
    walksDistrict: true,
  },
  // Issue 11 part 2: a volunteer's application reaches the chosen organization's admin.
  {
    name: 'VolunteerAppliedToOrganization',
    pattern: { source: EVENT_SOURCE, detailType: ['VolunteerApplied'] },
    consumer: 'notifyVolunteerApplied',
  },
  // Issue 11 part 4, R5: everyone signed up for a cancelled activity hears of it in their inbox.
  {
    name: 'ActivityCancelledToSignUps',
    pattern: { source: EVENT_SOURCE, detailType: ['ActivityCancelled'] },
    consumer: 'notifyActivityCancelled',
  },
  // Issue 12 part 7, R23: a worker hears of their published grade and of the outcome of the review they asked for.
  {
    name: 'WorkerEvaluationToWorker',
    pattern: { source: EVENT_SOURCE, detailType: ['WorkerEvaluationPublished', 'EvaluationReviewDecided'] },
    consumer: 'notifyWorkerEvaluation',
  },
  // Issue 12 part 3, R22 and R15: the family hears that they must collect their child, and that the case closes.
  {
    name: 'CaseNoticesToFamily',
    pattern: { source: EVENT_SOURCE, detailType: ['StateGuardianshipRecorded', 'CaseClosingAnnounced', 'CaseClosed'] },
    consumer: 'notifyFamilyOfCase',
  },
] as const satisfies readonly EventRule[];

export type ConsumerName = (typeof EVENT_RULES)[number]['consumer'];

/** What EventBridge matches a rule's pattern against: the entry's source and detail-type. */
export interface EventEnvelope {
  source: string;
  detailType: string;
}

/** EventBridge's matching for the patterns used here: every field listed must equal one of its values. */
export function matchesPattern(pattern: EventPattern, envelope: EventEnvelope): boolean {
  return envelope.source === pattern.source && (pattern.detailType as readonly string[]).includes(envelope.detailType);
}

export function rulesMatching(envelope: EventEnvelope, rules: readonly EventRule[] = EVENT_RULES): EventRule[] {
  return rules.filter((rule) => matchesPattern(rule.pattern, envelope));
}

export function ruleOfConsumer(consumer: string, rules: readonly EventRule[] = EVENT_RULES): EventRule | undefined {
  return rules.find((rule) => rule.consumer === consumer);
}

/** A consumer name from configuration (the consumer function's environment), checked against the rules. */
export function consumerNameFrom(value: string, rules: readonly EventRule[] = EVENT_RULES): ConsumerName {
  if (!ruleOfConsumer(value, rules)) throw new Error(`No event rule names the consumer ${value}`);
  return value as ConsumerName;
}
