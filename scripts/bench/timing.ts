import { performance } from 'node:perf_hooks';

/** The benchmarks' shared measure: medians of interleaved runs, so that a machine busy with other work loads all alike. */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 0 ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle];
}

export type Action = (run: number) => Promise<unknown>;

/** Runs every action once per run, warmUp + runs times (the first ones not counted): each one's median, ms. */
export async function timedTogether<K extends string>(actions: Record<K, Action>, runs: number, warmUp: number): Promise<Record<K, number>> {
  const times = Object.fromEntries(Object.keys(actions).map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let run = 0; run < warmUp + runs; run += 1) {
    for (const name of Object.keys(actions) as K[]) {
      const started = performance.now();
      await actions[name](run);
      if (run >= warmUp) times[name].push(performance.now() - started);
    }
  }
  return Object.fromEntries(Object.entries(times).map(([name, values]) => [name, median(values as number[])])) as Record<K, number>;
}

export const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;
