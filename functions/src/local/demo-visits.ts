import { addDays } from '../domain/calendar.js';
import type { Child } from '../domain/child.js';
import { shanghaiDate } from '../domain/time.js';
import type { CheckInInput, ConfirmVisitInput } from '../domain/visit.js';
import type { DemoArea } from './demo-area.js';

/**
 * A plausible visit history for the demo area, dated back from the day of the first start so that the workers'
 * due lists show a mix whatever that day is: some obligations overdue, some due this week, some later. Each child
 * with a team had a joint home visit by its social worker and director (R3: two people, the assigned social worker,
 * mostly over two hours; a few fall short) a month or so before the latest one, and the director phoned in between.
 * Guardians answered a day later, except: demo-guardian-001's child (demo-child-001) has two visits still pending,
 * one of them older than the default three days; demo-child-005 in 叶榭镇 has a disputed visit.
 */
export interface DemoCheckIn {
  input: CheckInInput;
  recordedBy: string;
  /** The random part of the visit id: fixed, so the ids are the same for the same first-start day. */
  idSuffix: string;
  recordedAt: Date;
  answer: (ConfirmVisitInput & { at: Date; guardianId: string }) | null;
}

export interface DemoVisitHistory {
  child: Child;
  checkIns: DemoCheckIn[];
}

/** Days before the first start of each child's latest home visit: R3's monthly due date then falls before or after today. */
const LATEST_VISIT_DAYS_AGO = [45, 36, 31, 27, 24, 20, 14, 8, 3];
const PENDING_CHILD = 'demo-child-001';
const DISPUTED_CHILD = 'demo-child-005';

function at(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

function plusMinutes(instant: string, minutes: number): string {
  return new Date(Date.parse(instant) + minutes * 60_000).toISOString();
}

function homeVisit(child: Child, date: string, minutes: number, purpose: CheckInInput['purpose'], index: number): CheckInInput {
  const startedAt = at(date, '09:30');
  const team = child.team!;
  return {
    kind: 'homeVisit',
    purpose,
    startedAt,
    endedAt: plusMinutes(startedAt, minutes),
    // Village centres of the demo area, a little apart per child; one visit in ten had no location (refused).
    location: index % 10 === 7 ? null : { latitude: 30.93 + (index % 13) * 0.004, longitude: 121.28 + (index % 11) * 0.005, accuracyMeters: 25 },
    participantIds: [team.socialWorkerId, team.directorId],
    companionNames: [],
    contactChannel: null,
    services: index % 2 === 0 ? ['guardianshipGuidance', 'educationSupport'] : ['dailyCare', 'psychologicalSupport'],
    notes: '了解儿童近期学习和生活情况，与监护人沟通照料安排，查看居住环境。',
    problemsFound: index % 4 === 1 ? '冬季衣物不足，已联系村委会协调。' : '',
  };
}

function phoneContact(child: Child, date: string): CheckInInput {
  const startedAt = at(date, '19:00');
  return {
    kind: 'contact',
    purpose: 'routine',
    startedAt,
    endedAt: plusMinutes(startedAt, 12),
    location: null,
    participantIds: [child.team!.directorId],
    companionNames: [],
    contactChannel: 'phone',
    services: ['guardianshipGuidance'],
    notes: '电话询问儿童近况，提醒按时接种疫苗。',
    problemsFound: '',
  };
}

function confirmedNextEvening(input: CheckInInput, guardianId: string, now: Date): DemoCheckIn['answer'] {
  const answeredAt = new Date(Date.parse(at(addDays(shanghaiDate(new Date(input.endedAt)), 1), '20:00')));
  return answeredAt < now ? { decision: 'confirm', reasons: [], note: '', version: 1, at: answeredAt, guardianId } : null;
}

export function planDemoVisits(area: DemoArea, now: Date): DemoVisitHistory[] {
  const today = shanghaiDate(now);
  return area.children.flatMap((child, index): DemoVisitHistory[] => {
    if (child.team === null) return [];
    const guardianId = child.guardians[0].userId!;
    const latestDaysAgo = child.id === PENDING_CHILD ? 5 : LATEST_VISIT_DAYS_AGO[index % LATEST_VISIT_DAYS_AGO.length];
    const purpose = child.followUpTriggers.length > 0 ? 'followUp' : index % 3 === 0 ? 'reassessment' : 'routine';
    const earlier = homeVisit(child, addDays(today, -(latestDaysAgo + 33)), 150, 'routine', index);
    const latest = homeVisit(child, addDays(today, -latestDaysAgo), index % 7 === 3 ? 90 : 150, purpose, index + 1);
    const contact = phoneContact(child, addDays(today, child.id === PENDING_CHILD ? -1 : -Math.max(1, latestDaysAgo - 2)));
    const team = child.team;
    const checkIn = (input: CheckInInput, recordedBy: string, n: number, answer: DemoCheckIn['answer']): DemoCheckIn => ({
      input,
      recordedBy,
      idSuffix: `${child.id}-${n}`,
      recordedAt: new Date(input.endedAt),
      answer,
    });
    const latestAnswer: DemoCheckIn['answer'] =
      child.id === PENDING_CHILD
        ? null
        : child.id === DISPUTED_CHILD
          ? { decision: 'dispute', reasons: ['wrongTime'], note: '那天是下午来的，不是上午。', version: 1, at: new Date(Date.parse(latest.endedAt) + 3_600_000), guardianId }
          : confirmedNextEvening(latest, guardianId, now);
    return [
      {
        child,
        checkIns: [
          checkIn(earlier, team.socialWorkerId, 1, confirmedNextEvening(earlier, guardianId, now)),
          checkIn(latest, team.socialWorkerId, 2, latestAnswer),
          checkIn(contact, team.directorId, 3, child.id === PENDING_CHILD ? null : confirmedNextEvening(contact, guardianId, now)),
        ],
      },
    ];
  });
}
