import { decideSafetySessionAccess, type SafetySessionAction, type SessionPlace } from '../domain/access-policy.js';
import { ForbiddenError, NotFoundError, PledgeRequiredError, type DomainError } from '../domain/errors.js';
import type { AudienceRef, SafetySession, SessionAudience } from '../domain/safety-session.js';
import type { Actor } from '../domain/user.js';
import type { RecordReader, Schools } from '../store/ports.js';

export type SafetyPlacePorts = { records: RecordReader; schools: Pick<Schools, 'get'> };

const notFound = () => new NotFoundError('未找到该村（居）、镇（街道）或学校', 'audience.id');

/** Where an audience sits and its name, from the village's or town's regions or the school (one or two reads). */
export async function audienceOf(ports: SafetyPlacePorts, ref: AudienceRef): Promise<SessionAudience> {
  if (ref.kind === 'school') {
    const school = await ports.schools.get(ref.id);
    if (school === null) throw notFound();
    return { kind: 'school', id: school.id, name: school.name, townId: school.townId, districtId: school.districtId };
  }
  const region = (await ports.records.read({ regions: [ref.id] })).regions.get(ref.id);
  if (region === undefined || region.level !== ref.kind || region.parentId === null) throw notFound();
  if (ref.kind === 'town') return { kind: 'town', id: region.id, name: region.name, townId: region.id, districtId: region.parentId };
  const town = (await ports.records.read({ regions: [region.parentId] })).regions.get(region.parentId);
  if (town === undefined || town.parentId === null) throw notFound();
  return { kind: 'village', id: region.id, name: region.name, townId: town.id, districtId: town.parentId };
}

export function placeOf(audience: SessionAudience): SessionPlace {
  return { districtId: audience.districtId, townId: audience.townId, villageId: audience.kind === 'village' ? audience.id : null };
}

/**
 * The access policy's answer for a session's place, as an error: R8's missing pledge leads to the pledge, a role
 * that never plans is told so, and someone of another area gets the same 404 as for a session that does not exist.
 */
export function assertSessionAccess(actor: Actor, action: SafetySessionAction, audience: SessionAudience, missing: () => DomainError): void {
  const decision = decideSafetySessionAccess(actor, action, placeOf(audience));
  if (decision.allowed) return;
  const attempted = { action: 'request' as const, reason: decision.denial };
  if (decision.denial === 'pledgeMissing') throw new PledgeRequiredError();
  if (decision.denial === 'roleCannot') throw new ForbiddenError('当前角色不能安排安全教育').refusing(attempted);
  throw missing().refusing(attempted);
}

export function sessionNotFound(): NotFoundError {
  return new NotFoundError('未找到该安全教育活动', 'sessionId');
}

export async function loadSession(
  ports: { safetySessions: { get(id: string): Promise<SafetySession | null> } },
  actor: Actor,
  action: SafetySessionAction,
  sessionId: string,
): Promise<SafetySession> {
  const session = await ports.safetySessions.get(sessionId);
  if (session === null) throw sessionNotFound();
  assertSessionAccess(actor, action, session.audience, sessionNotFound);
  return session;
}
