import type { PolicyInput, PolicyPreview, PolicyRule, PolicyView, Role, Scope } from '../api/types';
import { limitChanges, limitsInForce, limitsToSend, LIMITS_TAKE_EFFECT_NOTE, sameLimits, type AcknowledgeLimitHours } from './acknowledge-limit-choice';
import { seedDocumentNames } from './labels';
import type { RuleWords } from './rule-codes';

type RuleId = PolicyView['ruleIds'][number];

/** What the officer has chosen on the page, before saving. */
export interface PolicyChoice {
  ruleIds: RuleId[];
  unconfirmedAfterDays: number;
  /** All three, the defaults where the district set none: the page shows what is in force. */
  acknowledgeLimits: AcknowledgeLimitHours;
}

/** What a save changes: the rules (or days, or a first choice of the national rules), the acknowledgement limits. */
export interface PolicyChanges {
  rules: boolean;
  limits: boolean;
}

/** The server's bounds of `unconfirmedAfterDays`. */
export const UNCONFIRMED_DAYS_MIN = 1;
export const UNCONFIRMED_DAYS_MAX = 30;

/** The document the national rules come from (seed 003, the ministry's guideline). */
const NATIONAL_SEED = '003';

export function choiceOf(policy: Pick<PolicyView, 'ruleIds' | 'unconfirmedAfterDays' | 'acknowledgeLimits'>): PolicyChoice {
  return { ruleIds: [...policy.ruleIds], unconfirmedAfterDays: policy.unconfirmedAfterDays, acknowledgeLimits: limitsInForce(policy.acknowledgeLimits) };
}

export function sameRules(a: readonly RuleId[], b: readonly RuleId[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/** The rules or the days differ: what moves the children's visits, so what the preview is asked about. */
export function rulesChanged(choice: Omit<PolicyChoice, 'acknowledgeLimits'>, saved: PolicyView): boolean {
  return !sameRules(choice.ruleIds, saved.ruleIds) || choice.unconfirmedAfterDays !== saved.unconfirmedAfterDays;
}

export function limitsChanged(choice: PolicyChoice, saved: PolicyView): boolean {
  return !sameLimits(choice.acknowledgeLimits, limitsInForce(saved.acknowledgeLimits));
}

export function isChanged(choice: PolicyChoice, saved: PolicyView): boolean {
  return rulesChanged(choice, saved) || limitsChanged(choice, saved);
}

/** Saving the national rules as they are is a choice too (the district then has chosen). */
export function changesOf(choice: PolicyChoice, saved: PolicyView): PolicyChanges {
  return { rules: rulesChanged(choice, saved) || !saved.chosen, limits: limitsChanged(choice, saved) };
}

/** The one PUT of 保存: rules, days and, only when changed, the limits, against the version loaded. */
export function policyInputOf(choice: PolicyChoice, saved: PolicyView): PolicyInput {
  const acknowledgeLimits = limitsToSend(choice.acknowledgeLimits, saved.acknowledgeLimits);
  return {
    ruleIds: [...choice.ruleIds],
    unconfirmedAfterDays: choice.unconfirmedAfterDays,
    ...(acknowledgeLimits ? { acknowledgeLimits } : {}),
    version: saved.version,
  };
}

/** A district that never chose may save the national rules as they are: saving them says it chose. */
export function maySave(choice: PolicyChoice, saved: PolicyView): boolean {
  return choice.ruleIds.length > 0 && (isChanged(choice, saved) || !saved.chosen);
}

export function toggleRule(choice: PolicyChoice, id: RuleId): PolicyChoice {
  const ruleIds = choice.ruleIds.includes(id) ? choice.ruleIds.filter((r) => r !== id) : [...choice.ruleIds, id];
  return { ...choice, ruleIds };
}

export function clampDays(days: number): number {
  return Math.min(UNCONFIRMED_DAYS_MAX, Math.max(UNCONFIRMED_DAYS_MIN, days));
}

/** One of the ministry's rules, which a district follows until it chooses. */
export function isNationalRule(rule: Pick<PolicyRule, 'seed'>): boolean {
  return rule.seed.split(' ')[0] === NATIONAL_SEED;
}

/** 来源：民政部未成年人社会保护工作指引 §80, from a rule's seed reference ('003 §80'). */
export function sourceOf(seed: string): string {
  const [number, ...section] = seed.split(' ');
  const document = seedDocumentNames[number];
  return document ? `来源：${document}${section.length ? ` ${section.join(' ')}` : ''}` : `来源：${seed}`;
}

export interface PreviewCount {
  key: 'added' | 'removed' | 'moved';
  label: string;
  value: number;
}

/**
 * The preview in the words of the page: a headline and the three counts of obligations it moves; `saved`: the same
 * numbers told after the save, as what was done.
 */
export function describePreview(preview: PolicyPreview, saved = false): { headline: string; counts: PreviewCount[] } {
  const { added, removed, dueDateMoved } = preview.obligations;
  const { childrenTotal: total, childrenAffected: affected } = preview;
  const headline =
    affected === 0
      ? `全区 ${total} 名儿童的走访安排都不变`
      : saved
        ? // Not 已调整: the children are recomputed by a job after the save, which the progress bar above follows.
          `全区 ${total} 名儿童中，${affected} 名的走访安排随之调整`
        : `全区 ${total} 名儿童中，${affected} 名的走访安排会变`;
  return {
    headline,
    counts: [
      { key: 'added', label: '新增事项', value: added },
      { key: 'removed', label: '取消事项', value: removed },
      { key: 'moved', label: '改到期日', value: dueDateMoved },
    ],
  };
}

function titlesOf(ids: readonly RuleId[], rules: readonly PolicyRule[]): string {
  return ids.map((id) => rules.find((rule) => rule.id === id)?.title ?? id).join('、');
}

/**
 * The confirmation before saving, in plain text (a modal shows no tags): which rules come and go by their titles,
 * the days and the acknowledgement limits when they change, and what moves, with the preview's numbers.
 */
export function confirmationOf(preview: PolicyPreview | null, choice: PolicyChoice, saved: PolicyView, rules: readonly PolicyRule[]): string {
  const added = choice.ruleIds.filter((id) => !saved.ruleIds.includes(id));
  const dropped = saved.ruleIds.filter((id) => !choice.ruleIds.includes(id));
  const parts = [
    added.length > 0 ? `加入：${titlesOf(added, rules)}。` : '',
    dropped.length > 0 ? `不再执行：${titlesOf(dropped, rules)}。` : '',
    choice.unconfirmedAfterDays !== saved.unconfirmedAfterDays ? `监护人 ${choice.unconfirmedAfterDays} 天未确认的走访列入跟进。` : '',
  ];
  if (added.length === 0 && dropped.length === 0 && !saved.chosen) parts.push('本区按现在的民政部指引规则执行。');
  parts.push(limitsPart(choice, saved));
  // Only the limits changed: no visit was ever in question.
  if (!changesOf(choice, saved).rules) return parts.join('');
  if (!preview || preview.childrenAffected === 0) return `${parts.join('')}走访安排不变。`;
  const { added: more, removed: fewer, dueDateMoved: moved } = preview.obligations;
  return `${parts.join('')}${preview.childrenAffected} 名儿童的走访安排会变：新增 ${more} 项，取消 ${fewer} 项，改到期日 ${moved} 项。保存后立即生效。`;
}

function limitsPart(choice: PolicyChoice, saved: PolicyView): string {
  const changes = limitChanges(choice.acknowledgeLimits, saved.acknowledgeLimits);
  return changes.length > 0 ? `${changes.join('；')}。${LIMITS_TAKE_EFFECT_NOTE}。` : '';
}

/** The question 保存 asks, naming what is saved. */
export function saveQuestionTitle(changes: PolicyChanges): string {
  if (changes.limits) return changes.rules ? '保存走访规则和受理时限？' : '保存受理时限？';
  return '保存走访规则？';
}

/** After the save, what is now in force. */
export function savedNote(changes: PolicyChanges): string {
  if (changes.limits) return changes.rules ? '本区即按所选规则和受理时限执行' : '新的受理时限对此后到达的个案和报告生效';
  return '本区即按所选规则执行';
}

/** The prompt of a district that never chose: its staff follow the national rules meanwhile (the server's answer). */
export function nationalRulesNote(policy: Pick<PolicyView, 'ruleIds'>): RuleWords {
  return { words: '本区尚未选择走访规则，暂按民政部指引执行', codes: [...policy.ruleIds] };
}

/** The home's entry to the rules: chosen or not, and which, as codes beside the words. */
export function policySummary(policy: Pick<PolicyView, 'ruleIds' | 'chosen'>): RuleWords {
  return policy.chosen
    ? { words: `已选择 ${policy.ruleIds.length} 条规则`, codes: [...policy.ruleIds] }
    : { words: '尚未选择，暂按民政部指引', codes: [...policy.ruleIds] };
}

/** What a page left open says when someone else saved meanwhile (409): it then shows the rules now in force. */
export const POLICY_CONFLICT_NOTE = '刚才有人修改了本区的走访规则，您的修改没有保存。页面上已换成最新的规则，请看过后重新选择。';

/** Staff who may read their district's rules; a guardian or a volunteer is never told about them. */
export function mayReadDistrictPolicy(role: Role): boolean {
  return role !== 'guardian' && role !== 'volunteer';
}

/**
 * The district whose rules a list of children is under: the officer's own, else where the listed children live
 * (a village's, a town's, a worker's children are in one district). None for a city-wide list.
 */
export function listDistrictOf(user: { role: Role; scope: Scope | null }, items: readonly { region: { districtId: string } }[]): string | null {
  if (!mayReadDistrictPolicy(user.role) || user.role === 'cityOfficer') return null;
  if (user.scope?.level === 'district') return user.scope.regionId;
  return items[0]?.region.districtId ?? null;
}
