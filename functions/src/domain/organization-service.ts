import { beijingMonth } from './monthly-counts.js';
import { monthBefore, type Month } from './monthly-report.js';
import type { Organization } from './organization.js';
import { isWithdrawn, type Visit } from './visit.js';

/**
 * R9: an organization that gives no required service for two consecutive months is told to rectify. Its service in a
 * month is the home visits and contacts its social workers made then (a visit's start, Beijing), counted per
 * organization and month in the visit's own transaction, as the village counters are (monthly-counts.ts): a
 * correction moves it to the corrected month, a withdrawal takes it out.
 */
export interface ServiceDelta {
  organizationId: string;
  month: Month;
  services: number;
}

/** What a visit counts for its organization as it is stored now: nothing once withdrawn or made by no organization. */
export function organizationServiceOf(visit: Pick<Visit, 'organizationId' | 'startedAt' | 'corrections'>): ServiceDelta[] {
  if (visit.organizationId === null || isWithdrawn(visit)) return [];
  return [{ organizationId: visit.organizationId, month: beijingMonth(visit.startedAt), services: 1 }];
}

/** `after` less `before`, one delta per counter item (a transaction may not update one item twice), none of zero. */
export function serviceChange(before: readonly ServiceDelta[], after: readonly ServiceDelta[]): ServiceDelta[] {
  const merged = new Map<string, ServiceDelta>();
  const add = (delta: ServiceDelta, sign: 1 | -1) => {
    const key = `${delta.organizationId}\n${delta.month}`;
    const into = merged.get(key) ?? { organizationId: delta.organizationId, month: delta.month, services: 0 };
    into.services += sign * delta.services;
    merged.set(key, into);
  };
  for (const delta of before) add(delta, -1);
  for (const delta of after) add(delta, 1);
  return [...merged.values()].filter((delta) => delta.services !== 0);
}

/** The two months R9 looks at when `month` is rolled up: the month before it, then the month itself. */
export function idleWindow(month: Month): [Month, Month] {
  return [monthBefore(`${month}-01`), month];
}

/** The organizations that served in neither month of the window (`served` gives an organization's count of a month). */
export function idleOrganizations(
  organizations: readonly Organization[],
  month: Month,
  served: (organizationId: string, month: Month) => number,
): Organization[] {
  const window = idleWindow(month);
  return organizations.filter((organization) => window.every((inMonth) => served(organization.id, inMonth) <= 0));
}

/** The district inbox's words for an idle organization. */
export function organizationIdleText(organizationName: string): string {
  return `服务机构连续两个月未提供服务：${organizationName}（R9）`;
}
