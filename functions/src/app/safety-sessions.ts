import { RuleViolationError } from '../domain/errors.js';
import type { StoredPhoto } from '../store/ports.js';
import { canChange, MAX_SESSION_PHOTOS, type CancelSessionInput, type PlanSessionInput, type SafetySession } from '../domain/safety-session.js';
import { addDays } from '../domain/calendar.js';
import { shanghaiDate } from '../domain/time.js';
import type { Actor } from '../domain/user.js';
import { newEvent } from '../events/domain-events.js';
import type { SafetySessions } from '../store/ports.js';
import type { Basics } from './ports.js';
import { assertSessionAccess, audienceOf, loadSession, type SafetyPlacePorts } from './safety-places.js';

export type SafetySessionPorts = Basics & SafetyPlacePorts & { safetySessions: Pick<SafetySessions, 'get' | 'plan' | 'change'> };

type Organizer = Actor & { name: string };

/** A plan looks at most a year ahead: further is a typo of the year, not a plan. */
const MAX_PLAN_AHEAD_DAYS = 366;

function eventIds(session: SafetySession) {
  const { audience } = session;
  return { sessionId: session.id, audienceKind: audience.kind, audienceId: audience.id, townId: audience.townId, districtId: audience.districtId, date: session.date };
}

/** R12: a session planned for a village, town or school of the organizer's area; SafetySessionPlanned with it. */
export async function planSafetySession(ports: SafetySessionPorts, actor: Organizer, input: PlanSessionInput): Promise<SafetySession> {
  const audience = await audienceOf(ports, input.audience);
  assertSessionAccess(actor, 'write', audience, () => new RuleViolationError('只能为本人负责的地区安排安全教育', 'audience.id'));
  const now = ports.clock();
  if (input.date > addDays(shanghaiDate(now), MAX_PLAN_AHEAD_DAYS)) throw new RuleViolationError('活动日期不能晚于一年以后', 'date');
  const session: SafetySession = {
    id: ports.newId(),
    topics: input.topics,
    date: input.date,
    place: input.place,
    audience,
    organizer: { id: actor.id, name: actor.name },
    status: 'planned',
    attendance: null,
    photoCount: 0,
    cancelReason: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  };
  await ports.safetySessions.plan({
    session,
    events: [newEvent('SafetySessionPlanned', eventIds(session), { id: ports.newId(), occurredAt: now, actorId: actor.id })],
  });
  return session;
}

export interface HoldInput {
  version: number;
  attendance: number;
  /** Already checked at the edge: JPEG or PNG by magic bytes, within the size limit. */
  photos: StoredPhoto[];
}

function assertPlanned(session: SafetySession): void {
  if (!canChange(session)) throw new RuleViolationError(session.status === 'held' ? '该活动已记录为已开展' : '该活动已取消', 'status');
}

/** Planned → held, with the attendance and one or two photos; SafetySessionHeld with it. Not before its day (Beijing). */
export async function holdSafetySession(ports: SafetySessionPorts, actor: Actor, sessionId: string, input: HoldInput): Promise<SafetySession> {
  const session = await loadSession(ports, actor, 'write', sessionId);
  const now = ports.clock();
  assertPlanned(session);
  if (input.photos.length < 1 || input.photos.length > MAX_SESSION_PHOTOS) throw new RuleViolationError('请上传一到两张活动照片', 'photos');
  if (session.date > shanghaiDate(now)) throw new RuleViolationError('活动日期未到，不能记录为已开展', 'date');
  const next: SafetySession = { ...session, status: 'held', attendance: input.attendance, photoCount: input.photos.length, updatedAt: now.toISOString(), version: input.version + 1 };
  await ports.safetySessions.change({
    next,
    photos: input.photos,
    events: [newEvent('SafetySessionHeld', { ...eventIds(next), attendance: input.attendance }, { id: ports.newId(), occurredAt: now, actorId: actor.id })],
  });
  return next;
}

/** Planned → cancelled, with the reason; no event (nothing downstream acts on a session that will not happen). */
export async function cancelSafetySession(ports: SafetySessionPorts, actor: Actor, sessionId: string, input: CancelSessionInput): Promise<SafetySession> {
  const session = await loadSession(ports, actor, 'write', sessionId);
  assertPlanned(session);
  const now = ports.clock();
  const next: SafetySession = { ...session, status: 'cancelled', cancelReason: input.reason, updatedAt: now.toISOString(), version: input.version + 1 };
  await ports.safetySessions.change({ next, photos: [], events: [] });
  return next;
}
