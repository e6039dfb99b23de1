import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTimeRange } from '../../miniapp/src/lib/beijing-time.js';
import { formatDate } from '../../miniapp/src/lib/format.js';
import { offlineNoteOf } from '../../miniapp/src/lib/offline-snapshot.js';

/**
 * Issue 7, B7: one date format everywhere. Dates read 2026年11月23日; instants 11月23日 14:30 within the year (the
 * year only when it is another). lib/format.ts and lib/beijing-time.ts write them; nothing else formats a date.
 */
const miniappSrc = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../miniapp/src');
const DATE_WRITERS = ['lib/format.ts', 'lib/beijing-time.ts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

/** Ways of writing a date other than the two helpers: locale formatting, date parts, or an ISO string cut up. */
const OWN_DATE_FORMATTING = /toLocale(Date|Time)?String|Intl\.DateTimeFormat|get(UTC)?(FullYear|Month|Date|Hours|Minutes)\(|\.slice\(\s*0,\s*10\s*\)|\.slice\(\s*11,\s*16\s*\)/;

describe('one date format (issue 7, B7)', () => {
  const now = new Date('2026-11-23T12:00:00+08:00');

  it('writes a date with its year, and an instant of this year without it', () => {
    expect(formatDate('2026-11-23')).toBe('2026年11月23日');
    expect(formatDateTime('2026-11-23T06:30:00Z', now)).toBe('11月23日 14:30');
    expect(formatDateTime('2025-11-23T06:30:00Z', now)).toBe('2025年11月23日 14:30');
    expect(formatTimeRange('2026-11-23T06:30:00Z', '2026-11-23T08:45:00Z', now)).toBe('11月23日 14:30–16:45');
    expect(offlineNoteOf('2026-11-20T02:32:00Z', now)).toBe('离线数据，更新于 11月20日 10:32');
  });

  it('leaves the writing of dates to lib/format.ts and lib/beijing-time.ts alone', () => {
    const files = sourceFiles(miniappSrc);
    expect(files.length).toBeGreaterThan(50);
    const offenders = files
      .filter((file) => !DATE_WRITERS.includes(path.relative(miniappSrc, file)))
      .flatMap((file) =>
        readFileSync(file, 'utf8')
          .split('\n')
          .map((line, i) => ({ at: `${path.relative(miniappSrc, file)}:${i + 1}`, line }))
          .filter(({ line }) => !/^\s*(\*|\/\*|\/\/)/.test(line) && OWN_DATE_FORMATTING.test(line)),
      );
    expect(offenders).toEqual([]);
  });
});
