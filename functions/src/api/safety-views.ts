import type { SafetySession } from '../domain/safety-session.js';
import { safetySessionStatusNames } from '../domain/safety-session.js';
import { isFallingDue, r12RequirementNames, r12StateNames, type R12Row } from '../domain/safety-tracker.js';
import { safetyTopicNames, type SafetyTopic } from '../domain/safety-topics.js';

/** A session as the pages show it: names, never ids of people. */
export function sessionViewOf(session: SafetySession) {
  const { organizer, ...rest } = session;
  return {
    id: rest.id,
    topics: rest.topics,
    topicNames: topicNamesOf(rest.topics),
    date: rest.date,
    place: rest.place,
    audience: rest.audience,
    organizerName: organizer.name,
    status: rest.status,
    statusName: safetySessionStatusNames[rest.status],
    attendance: rest.attendance,
    photoCount: rest.photoCount,
    cancelReason: rest.cancelReason,
    version: rest.version,
  };
}

export function topicNamesOf(topics: readonly SafetyTopic[]): string[] {
  return topics.map((topic) => safetyTopicNames[topic]);
}

export function trackerRowsView(rows: readonly R12Row[], today: string) {
  return rows.map((row) => ({
    ...row,
    items: row.items.map((item) => ({
      requirement: item.requirement,
      requirementName: r12RequirementNames[item.requirement],
      period: item.period,
      from: item.from,
      until: item.until,
      state: item.state,
      stateName: r12StateNames[item.state],
      sessionDate: item.sessionDate,
      fallingDue: isFallingDue(item, today),
    })),
  }));
}
