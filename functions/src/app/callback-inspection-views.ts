import {
  callbackDisagrees,
  monthOf,
  summarizeSample,
  type AppConfirmations,
  type Callback,
  type CallbackOutcome,
  type CallbackSample,
  type SampleSummary,
} from '../domain/callback-inspection.js';
import type { Child } from '../domain/child.js';
import { guardianRelationNames } from '../domain/labels.js';
import { maskName } from '../domain/masking.js';
import { isWithdrawn, type Visit } from '../domain/visit.js';
import { shanghaiDate } from '../domain/time.js';

/** The home visits of a month that count for a callback: not withdrawn, started in that Beijing month. */
export function visitsOfMonth(visits: readonly Visit[], month: string): Visit[] {
  return visits.filter((visit) => visit.kind === 'homeVisit' && !isWithdrawn(visit) && monthOf(visit.startedAt) === month);
}

export function appConfirmationsOf(visits: readonly Visit[]): AppConfirmations {
  const count = (state: Visit['confirmation']['state']) => visits.filter((visit) => visit.confirmation.state === state).length;
  return { confirmed: count('confirmed'), disputed: count('disputed'), unanswered: count('pending') };
}

export interface CallEntryView {
  childId: string;
  /** Masked as in every list (张*明). */
  childName: string;
  /** Shown only on the call list, for the call; each showing is audited (inspection.callList). */
  guardians: { name: string; relation: string; phone: string | null }[];
  visits: { date: string; who: string[] }[];
  app: AppConfirmations;
  callback: (Omit<Callback, 'sampleId' | 'childId' | 'recordedBy'> & { recordedByName: string }) | null;
  disagrees: boolean;
}

export interface SampleView {
  id: string;
  month: string;
  seed: string;
  size: number;
  candidates: number;
  drawnAt: string;
  drawnByName: string;
  areaName: string;
  summary: SampleSummary;
  entries: CallEntryView[];
}

export function callEntryOf(child: Child, visits: readonly Visit[], names: ReadonlyMap<string, string>, callback: Callback | null): CallEntryView {
  const app = appConfirmationsOf(visits);
  const outcome: CallbackOutcome | null = callback?.outcome ?? null;
  return {
    childId: child.id,
    childName: maskName(child.name),
    guardians: child.guardians.map((guardian) => ({ name: guardian.name, relation: guardianRelationNames[guardian.relation], phone: guardian.phone })),
    visits: visits.map((visit) => ({
      date: shanghaiDate(new Date(visit.startedAt)),
      who: [...visit.participantIds.map((id) => names.get(id) ?? '（已停用账号）'), ...visit.companionNames],
    })),
    app,
    callback:
      callback === null
        ? null
        : {
            outcome: callback.outcome,
            familySaid: callback.familySaid,
            tries: callback.tries,
            note: callback.note,
            recordedAt: callback.recordedAt,
            recordedByName: callback.recordedBy.name,
          },
    disagrees: callbackDisagrees(outcome, app),
  };
}

export function sampleViewOf(sample: CallbackSample, areaName: string, entries: CallEntryView[]): SampleView {
  return {
    id: sample.id,
    month: sample.month,
    seed: sample.seed,
    size: sample.size,
    candidates: sample.candidates,
    drawnAt: sample.drawnAt,
    drawnByName: sample.drawnBy.name,
    areaName,
    summary: summarizeSample(sample.childIds.length, entries.map((entry) => ({ outcome: entry.callback?.outcome ?? null, app: entry.app }))),
    entries,
  };
}
