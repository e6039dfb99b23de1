import type { SafetySession } from '../domain/safety-session.js';
import { trackedRangeOf } from '../domain/safety-tracker.js';
import { topicsInSeason, type SafetyTopic } from '../domain/safety-topics.js';
import { shanghaiDate, type Clock } from '../domain/time.js';
import type { Actor } from '../domain/user.js';
import type { SafetySessions } from '../store/ports.js';
import { safetyAreaOf, type SafetyArea, type SafetyAreaPorts } from './safety-area.js';

export type SafetySchedulePorts = SafetyAreaPorts & { safetySessions: Pick<SafetySessions, 'listInTown'>; clock: Clock };

export interface SafetySchedule {
  today: string;
  area: SafetyArea;
  /** The picker's order on `today` (R12's seasonal hint: 防溺水 first from April to June) and the hint, if any. */
  topics: SafetyTopic[];
  seasonalHint: string | null;
  /** The area's sessions of this year and the next vacation's window, latest first; a director's village's and its town's. */
  sessions: SafetySession[];
}

function concerns(area: SafetyArea, session: SafetySession): boolean {
  return area.villageId === null || session.audience.kind === 'town' || session.audience.id === area.villageId;
}

/** The schedule of the reader's area: planned, held and cancelled sessions (one query a town). */
export async function readSafetySchedule(ports: SafetySchedulePorts, actor: Actor): Promise<SafetySchedule> {
  const area = await safetyAreaOf(ports, actor);
  const today = shanghaiDate(ports.clock());
  const { from, until } = trackedRangeOf(today);
  const perTown = await Promise.all(area.towns.map((town) => ports.safetySessions.listInTown(town.id, from, until)));
  const sessions = perTown
    .flat()
    .filter((session) => concerns(area, session))
    .sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
  const { topics, hint } = topicsInSeason(today);
  return { today, area, topics, seasonalHint: hint, sessions };
}
