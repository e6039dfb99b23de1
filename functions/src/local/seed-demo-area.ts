import { seedDemoAssessments } from './demo-assessments.js';
import { seedDemoActivities } from './demo-activities.js';
import { seedDemoCasePlan } from './demo-case-plan.js';
import type { AuditEntry } from '../domain/audit.js';
import { AlreadyExistsError, VersionConflictError } from '../domain/errors.js';
import { startedRefresh } from '../domain/policy-refresh.js';
import { monthBefore } from '../domain/monthly-report.js';
import { shanghaiDate } from '../domain/time.js';
import { demoAreaPolicyRuleIds } from '../domain/visit-rules.js';
import { visitIdOf } from '../domain/visit-record.js';
import { newEvent } from '../events/domain-events.js';
import { answerVisit } from '../app/answer-visit.js';
import { importChild } from '../app/import-child.js';
import { readCheckInState, recordVisit } from '../app/record-visit.js';
import { rollUpMonth } from '../app/roll-up-month.js';
import type { Repositories } from '../store/ports.js';
import type { DemoArea } from './demo-area.js';
import { planDemoVisits, type DemoCheckIn, type DemoVisitHistory } from './demo-visits.js';

export interface SeedResult {
  created: number;
  alreadyThere: number;
}

/**
 * Writes the demo area through the same repositories the API uses. Every write is create-once, so a second start
 * (or a start after one that stopped half-way) adds only what is missing and never duplicates; the monthly reports
 * are computed again at the end of each (a rerun replaces them).
 */
export async function seedDemoArea(repositories: Repositories, area: DemoArea, now: Date): Promise<SeedResult> {
  const result: SeedResult = { created: 0, alreadyThere: 0 };
  const createOnce = async (write: () => Promise<void>) => {
    try {
      await write();
      result.created += 1;
    } catch (error) {
      if (!(error instanceof AlreadyExistsError || error instanceof VersionConflictError)) throw error;
      result.alreadyThere += 1;
    }
  };
  for (const region of area.regions) await createOnce(() => repositories.regions.create(region));
  for (const organization of area.organizations) await createOnce(() => repositories.organizations.create(organization));
  for (const school of area.schools) await createOnce(() => repositories.schools.create(school));
  for (const user of area.users) await createOnce(() => repositories.users.create(user));
  // Before the children, whose obligations are computed under it when they are created. A district left out follows
  // the national rules until its officer chooses (金山区).
  for (const districtId of area.chosenPolicyDistrictIds) {
    const policy = {
      districtId,
      ruleIds: [...demoAreaPolicyRuleIds],
      unconfirmedAfterDays: 3,
      updatedAt: now.toISOString(),
      updatedBy: 'demo-district-officer',
      version: 1,
    };
    // Every change carries its event and its refresh, the seed's too: the job walks the district once its children
    // are there (they are created under this policy, so it finds them up to date).
    const changed = newEvent('PolicyChanged', { districtId, policyVersion: 1 }, { id: `seed-policy-${districtId}`, occurredAt: now, actorId: 'system' });
    const audit = systemAudit(`seed-policy-${districtId}`, now, 'policy.update', null);
    const refresh = startedRefresh(districtId, 1, 0, now);
    await createOnce(() => repositories.policies.put({ policy, audit, events: [changed], refresh }));
  }
  for (const child of area.children) {
    await createOnce(() => importChild(repositories, child, systemAudit(`seed-${child.id}`, now, 'child.create', child.id)));
  }
  const histories = planDemoVisits(area, now);
  for (let start = 0; start < histories.length; start += SEED_CONCURRENCY) {
    const counts = await Promise.all(histories.slice(start, start + SEED_CONCURRENCY).map((history) => seedHistory(repositories, area, history, now)));
    for (const count of counts) {
      result.created += count.created;
      result.alreadyThere += count.alreadyThere;
    }
  }
  // Issue 12, R2: most children's first assessments, after their visits (which do not depend on them).
  const assessments = await seedDemoAssessments(repositories, area.children, now);
  result.created += assessments.created;
  result.alreadyThere += assessments.alreadyThere;
  // Issue 12: one child with a plan and a review.
  const planned = area.children.find((child) => child.team !== null);
  if (planned) await seedDemoCasePlan(repositories, planned, now);
  const activities = await seedDemoActivities(repositories, now);
  result.created += activities.created;
  result.alreadyThere += activities.alreadyThere;
  // A fresh start has monthly reports to show: the month just ended and this one so far, as of the seed's clock.
  const today = shanghaiDate(now);
  for (const month of [monthBefore(today), today.slice(0, 7)]) await rollUpMonth({ ...repositories, clock: () => now }, month);
  return result;
}

const SEED_CONCURRENCY = 4;

function systemAudit(id: string, at: Date, action: AuditEntry['action'], childId: string | null): AuditEntry {
  return { id, at: at.toISOString(), actorId: 'system', actorRole: 'system', action, childId, outcome: 'allowed', reason: 'demo area' };
}

/**
 * One child's visits and the guardian's answers, in the order they happened. A child that has any visit already was
 * seeded by an earlier start (its history is dated from that start's day), so nothing is added to it.
 */
async function seedHistory(repositories: Repositories, area: DemoArea, history: DemoVisitHistory, now: Date): Promise<SeedResult> {
  const existing = await repositories.visits.listOfChild(history.child.id, { limit: 1 });
  if (existing.items.length > 0) return { created: 0, alreadyThere: history.checkIns.length };
  const events = history.checkIns.flatMap((checkIn) => [
    { at: checkIn.recordedAt, run: () => writeCheckIn(repositories, history, checkIn, now) },
    ...(checkIn.answer ? [{ at: checkIn.answer.at, run: () => writeAnswer(repositories, area, history, checkIn) }] : []),
  ]);
  for (const event of events.sort((a, b) => a.at.getTime() - b.at.getTime())) await event.run();
  return { created: history.checkIns.length, alreadyThere: 0 };
}

function visitIdOfDemo(checkIn: DemoCheckIn): string {
  return visitIdOf(checkIn.input.startedAt, checkIn.idSuffix);
}

/** Through the use cases' own write: the same chain entry, obligations, counters and VisitRecorded event. */
async function writeCheckIn(repositories: Repositories, history: DemoVisitHistory, checkIn: DemoCheckIn, now: Date): Promise<void> {
  const { child } = history;
  const visitId = visitIdOfDemo(checkIn);
  const state = await readCheckInState(repositories, child.id, child.region.districtId);
  await recordVisit(
    repositories,
    {
      input: checkIn.input,
      visitId,
      recordedBy: checkIn.recordedBy,
      recorderRole: checkIn.recordedBy === child.team?.directorId ? 'director' : 'socialWorker',
      recordedAt: checkIn.recordedAt,
      organizationId: checkIn.recordedBy === child.team?.socialWorkerId ? child.organizationId : null,
      audit: systemAudit(`seed-${visitId}`, checkIn.recordedAt, 'visit.checkIn', child.id),
      idempotency: null,
      eventId: `seed-${visitId}`,
    },
    state,
    now,
  );
}

/** Through the API's own use case, as the guardian on their phone would: same checks, same chain entry, same inbox. */
async function writeAnswer(repositories: Repositories, area: DemoArea, history: DemoVisitHistory, checkIn: DemoCheckIn): Promise<void> {
  const answer = checkIn.answer!;
  const guardian = area.users.find((user) => user.id === answer.guardianId)!;
  const visitId = visitIdOfDemo(checkIn);
  // Ids made from the visit's: the same on every start, and apart from every other answer's (events, messages).
  let next = 0;
  await answerVisit(
    { ...repositories, clock: () => answer.at, newId: () => `s${(next += 1)}-${visitId}` },
    { userId: guardian.id, role: guardian.role },
    {
      childId: history.child.id,
      visitId,
      input: { decision: answer.decision, reasons: answer.reasons, note: answer.note, version: answer.version },
    },
  );
}
