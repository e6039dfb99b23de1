import type { Role, StateGuardianship } from '../api';
import { formatDate } from './format';

/**
 * Issue 12 part 3, R22: temporary state guardianship in the words of a village cadre: where the child is, since
 * when, and the one deadline that is running (evaluate the return home within six months; once cleared, the
 * guardian collects the child within three days).
 */
export type GuardianshipStep = 'placed' | 'evaluated' | 'collected';

/** The one step that may be recorded next: a child not (or no longer) in care can be placed, then evaluated, then collected. */
export function nextGuardianshipStep(record: StateGuardianship | null): GuardianshipStep {
  if (record === null || record.collected !== null) return 'placed';
  return record.collectBy !== null ? 'collected' : 'evaluated';
}

export const guardianshipStepTitles: Record<GuardianshipStep, string> = {
  placed: '登记临时监护安置',
  evaluated: '登记回归评估',
  collected: '登记监护人领回',
};

/** Who sees the child's 临时监护: the team, the supervisor and the officers (case-plan-access.ts), not families nor volunteers. */
export function mayReadStateGuardianship(role: Role): boolean {
  return role === 'socialWorker' || role === 'director' || role === 'supervisor' || role === 'districtOfficer' || role === 'cityOfficer';
}

/** Whether the child is in care now. */
export function isInStateGuardianship(record: StateGuardianship | null): record is StateGuardianship {
  return record !== null && record.collected === null;
}

/** 临时监护中 (the deadline line says what is awaited), 临时监护中 · 已准予回归, 已于2027年6月1日由李大山领回, 未在临时监护中. */
export function guardianshipStatusText(record: StateGuardianship | null): string {
  if (record === null) return '未在临时监护中';
  if (record.collected !== null) return `已于${formatDate(record.collected.on)}由${record.collected.guardianName}领回`;
  return record.collectBy !== null ? '临时监护中 · 已准予回归' : '临时监护中';
}

/** The deadline running, in words: 须在2027年5月31日前评估能否回归家庭（已逾期）; null when none runs. */
export function guardianshipDeadlineText(record: StateGuardianship | null, today: string): string | null {
  if (!isInStateGuardianship(record)) return null;
  const [date, what] = record.collectBy !== null ? [record.collectBy, '由监护人领回孩子'] : [record.evaluateBy, '评估能否回归家庭'];
  if (date === null) return null;
  return `须在${formatDate(date)}前${what}${date < today ? '（已逾期）' : ''}`;
}

/** One evaluation in a line: 2027年3月2日 · 暂不回归. */
export function evaluationLine(evaluation: StateGuardianship['evaluations'][number]): string {
  return `${formatDate(evaluation.on)} · ${evaluation.cleared ? '准予回归' : '暂不回归'}`;
}
