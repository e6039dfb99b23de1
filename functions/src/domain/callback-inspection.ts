import { z } from 'zod';
import { idSchema } from './region.js';
import { multiLineText } from './text.js';
import { shanghaiDate } from './time.js';

/**
 * Inspection by random phone callback to families (seed 000 §六(一): the city checks districts by "随机电话回访服务对象家庭").
 * An officer draws a sample of the children of their area whose family had a home visit in a Beijing calendar month;
 * the draw is random but reproducible: a seeded PRNG over the candidates in a canonical order, so the same seed and
 * month give the same sample and anyone can check the officer did not pick the families.
 */

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month such as 2026-11');
export type Month = z.infer<typeof monthSchema>;

/** The seed the officer sees and may type again: six digits, easy to read out and write down. */
export const sampleSeedSchema = z.string().regex(/^\d{6}$/, 'six digits');

export const SAMPLE_SIZE = { min: 1, max: 30, default: 10 } as const;

export const drawSampleInputSchema = z
  .object({
    /** The Beijing month whose visits are checked; last month when absent. */
    month: monthSchema.optional(),
    size: z.number().int().min(SAMPLE_SIZE.min).max(SAMPLE_SIZE.max).default(SAMPLE_SIZE.default),
    /** Given to reproduce a draw; absent, the server chooses a new one (换一批). */
    seed: sampleSeedSchema.optional(),
  })
  .strict();
export type DrawSampleInput = z.infer<typeof drawSampleInputSchema>;

/** The Beijing month an instant falls in. */
export function monthOf(instant: Date | string): Month {
  return shanghaiDate(new Date(instant)).slice(0, 7);
}

/** The Beijing calendar month before the one `now` falls in (on 1 Dec 00:30 Beijing, 30 Nov 16:30 UTC: November). */
export function previousMonth(now: Date): Month {
  const [year, month] = monthOf(now).split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** Only a month already over can be checked: its visits are all in. */
export function isPastMonth(month: Month, now: Date): boolean {
  return month < monthOf(now);
}

/** Six digits from any string (an id the server made): the officer's new seed. */
export function seedFrom(random: string): string {
  return String(hash32(random) % 1_000_000).padStart(6, '0');
}

/** FNV-1a, 32 bits: turns the seed and month into the PRNG's state. */
function hash32(text: string): number {
  let hash = 0x811c9dc5;
  for (const char of text) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** mulberry32: small, fast, and the same sequence on every JavaScript engine for the same state. */
function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The sample: the candidates sorted (the canonical order, whatever order the store read them in), then the first
 * `size` positions of a Fisher–Yates shuffle driven by the seed and the month. Fewer candidates than `size`: all.
 */
export function drawSample(candidates: readonly string[], seed: string, month: Month, size: number): string[] {
  const ordered = [...new Set(candidates)].sort();
  const random = mulberry32(hash32(`${seed}#${month}`));
  const take = Math.min(size, ordered.length);
  for (let i = 0; i < take; i += 1) {
    const j = i + Math.floor(random() * (ordered.length - i));
    [ordered[i], ordered[j]] = [ordered[j], ordered[i]];
  }
  return ordered.slice(0, take);
}

export const callbackOutcomes = ['confirmed', 'notConfirmed', 'unreachable'] as const;
export const callbackOutcomeSchema = z.enum(callbackOutcomes);
export type CallbackOutcome = z.infer<typeof callbackOutcomeSchema>;

const note = multiLineText(500, { min: 0 }).default('');

/** What the officer records of one call: what the family said when they did not confirm, how often they tried when nobody answered. */
export const recordCallbackInputSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('confirmed'), note }).strict(),
  z.object({ outcome: z.literal('notConfirmed'), familySaid: multiLineText(500, { min: 1 }), note }).strict(),
  z.object({ outcome: z.literal('unreachable'), tries: z.number().int().min(1).max(10), note }).strict(),
]);
export type RecordCallbackInput = z.infer<typeof recordCallbackInputSchema>;

export const callbackSchema = z
  .object({
    sampleId: idSchema,
    childId: idSchema,
    outcome: callbackOutcomeSchema,
    familySaid: z.string().nullable(),
    tries: z.number().int().nullable(),
    note: z.string(),
    recordedAt: z.iso.datetime({ offset: true }),
    recordedBy: z.object({ id: idSchema, name: z.string() }).strict(),
  })
  .strict();
export type Callback = z.infer<typeof callbackSchema>;

export function callbackOf(input: RecordCallbackInput, meta: Pick<Callback, 'sampleId' | 'childId' | 'recordedAt' | 'recordedBy'>): Callback {
  return {
    ...meta,
    outcome: input.outcome,
    familySaid: input.outcome === 'notConfirmed' ? input.familySaid : null,
    tries: input.outcome === 'unreachable' ? input.tries : null,
    note: input.note,
  };
}

/** A retry of the same call's record (a lost answer, a second tap) is the same record; anything else is another. */
export function sameCallback(stored: Callback, input: RecordCallbackInput): boolean {
  const asked = callbackOf(input, stored);
  return asked.outcome === stored.outcome && asked.familySaid === stored.familySaid && asked.tries === stored.tries && asked.note === stored.note;
}

export const inspectionAreaSchema = z
  .object({ level: z.enum(['district', 'city']), regionId: idSchema, cityId: idSchema })
  .strict();
export type InspectionArea = z.infer<typeof inspectionAreaSchema>;

export const callbackSampleSchema = z
  .object({
    id: idSchema,
    area: inspectionAreaSchema,
    month: monthSchema,
    seed: sampleSeedSchema,
    size: z.number().int().min(SAMPLE_SIZE.min).max(SAMPLE_SIZE.max),
    /** How many children of the area had a home visit that month: the population the sample was drawn from. */
    candidates: z.number().int().min(0),
    childIds: z.array(idSchema).max(SAMPLE_SIZE.max),
    drawnAt: z.iso.datetime({ offset: true }),
    drawnBy: z.object({ id: idSchema, name: z.string() }).strict(),
  })
  .strict();
export type CallbackSample = z.infer<typeof callbackSampleSchema>;

/** The guardian's own answers in the app to the month's visits of one family, as counts. */
export interface AppConfirmations {
  confirmed: number;
  disputed: number;
  unanswered: number;
}

/**
 * Where the call and the app disagree: the family told the officer the visit happened while they disputed it in the
 * app, or denied it on the phone while they had confirmed it there. An unreachable family or an unanswered app
 * disagree with nothing.
 */
export function callbackDisagrees(outcome: CallbackOutcome | null, app: AppConfirmations): boolean {
  if (outcome === 'confirmed') return app.disputed > 0;
  if (outcome === 'notConfirmed') return app.confirmed > 0;
  return false;
}

export interface SampleSummary {
  drawn: number;
  called: number;
  confirmed: number;
  notConfirmed: number;
  unreachable: number;
  /** Of the families reached (confirmed or not), how many confirmed; null while nobody was reached. */
  confirmedPercent: number | null;
  disagreements: number;
}

export function summarizeSample(drawn: number, entries: readonly { outcome: CallbackOutcome | null; app: AppConfirmations }[]): SampleSummary {
  const count = (outcome: CallbackOutcome) => entries.filter((entry) => entry.outcome === outcome).length;
  const confirmed = count('confirmed');
  const notConfirmed = count('notConfirmed');
  const reached = confirmed + notConfirmed;
  return {
    drawn,
    called: reached + count('unreachable'),
    confirmed,
    notConfirmed,
    unreachable: count('unreachable'),
    confirmedPercent: reached === 0 ? null : Math.round((confirmed * 100) / reached),
    disagreements: entries.filter((entry) => callbackDisagrees(entry.outcome, entry.app)).length,
  };
}
