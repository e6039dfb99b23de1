import { describe, expect, it } from 'vitest';
import { domainEventSchema, EVENT_SOURCE } from '../../functions/src/events/domain-events.js';
import { consumerNameFrom, EVENT_RULES, matchesPattern, rulesMatching } from '../../functions/src/events/rules.js';

/** The rules defined once for the stack and the local bus. */
describe('the event rules', () => {
  it('give each consumer one rule (one function, one dead-letter queue) and names the stack can use', () => {
    expect(new Set(EVENT_RULES.map((r) => r.consumer)).size).toBe(EVENT_RULES.length);
    expect(new Set(EVENT_RULES.map((r) => r.name)).size).toBe(EVENT_RULES.length);
    for (const rule of EVENT_RULES) expect(rule.name).toMatch(/^[A-Za-z][A-Za-z0-9]{0,40}$/);
  });

  it('name only detail-types of the domain event union, from the product source', () => {
    const known = domainEventSchema.options.map((option) => option.shape.detailType.value);
    for (const rule of EVENT_RULES) {
      expect(rule.pattern.source).toBe(EVENT_SOURCE);
      for (const detailType of rule.pattern.detailType) expect(known).toContain(detailType);
    }
  });

  it('send a dispute to the supervisor and its outcome to the worker and the guardians', () => {
    expect(rulesMatching({ source: EVENT_SOURCE, detailType: 'VisitDisputed' }).map((r) => r.consumer)).toEqual(['notifyDisputeToSupervisor']);
    expect(rulesMatching({ source: EVENT_SOURCE, detailType: 'DisputeResolved' }).map((r) => r.consumer)).toEqual(['notifyDisputeOutcome']);
    expect(rulesMatching({ source: EVENT_SOURCE, detailType: 'VisitConfirmed' })).toEqual([]);
  });

  it('send a recorded visit to the consumer that opens a concern for its problems found (issue 8, R11)', () => {
    expect(rulesMatching({ source: EVENT_SOURCE, detailType: 'VisitRecorded' }).map((r) => r.consumer)).toEqual(['openConcernFromVisitProblems']);
  });

  it('match on the source too, as EventBridge does', () => {
    const [rule] = EVENT_RULES;
    expect(matchesPattern(rule.pattern, { source: 'someone.else', detailType: rule.pattern.detailType[0] })).toBe(false);
  });

  it('refuse a consumer name from configuration that no rule names', () => {
    expect(consumerNameFrom('notifyDisputeOutcome')).toBe('notifyDisputeOutcome');
    expect(() => consumerNameFrom('sendEverything')).toThrow('No event rule names the consumer sendEverything');
  });
});
