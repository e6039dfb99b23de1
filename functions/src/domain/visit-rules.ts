import type { Child, ChildCategory, ChildFlag } from './child.js';
import type { FollowUpTrigger, GuardianshipRevocationReason } from './follow-up.js';
import { childCategoryNames, childFlagNames } from './labels.js';
import type { Interval, ObligationKind, Performer, VisitRuleId } from './obligation.js';

/**
 * The visit and contact rules of DOMAIN.md as data: what each demands, of whom, how often, for which children,
 * and the Chinese sentence that tells the worker why. The policy engine (policy-engine.ts) only combines them.
 * Parameters are kept next to each rule so the catalogue can show them and tests can cite them.
 */

export type RuleSubject = Pick<Child, 'categories' | 'flags' | 'riskLevel' | 'followUpTriggers'>;

/** A demand that holds as long as the child has the attributes it names. */
export interface StandingRequirement {
  kind: ObligationKind;
  performer: Performer;
  interval: Interval;
  appliesTo: (child: RuleSubject) => boolean;
  reason: string;
}

/** R19: a demand started by a recorded event and ending `periodMonths` calendar months after it. */
export type FollowUpTriggerType = 'returnedHome' | GuardianshipRevocationReason;
export interface FollowUpRequirement {
  kind: 'followUp';
  performer: Performer;
  interval: Interval;
  trigger: FollowUpTriggerType;
  periodMonths: number;
  reason: string;
}

export interface VisitRule {
  id: VisitRuleId;
  /** Where in seeds/ the rule comes from. */
  seed: string;
  title: string;
  description: string;
  parameters: Readonly<Record<string, unknown>>;
  requirements: readonly StandingRequirement[];
  followUps: readonly FollowUpRequirement[];
}

const days = (count: number): Interval => ({ unit: 'day', count });
const months = (count: number): Interval => ({ unit: 'month', count });
const always = (): boolean => true;
const hasFlag = (flag: ChildFlag) => (child: RuleSubject) => child.flags.includes(flag);
const hasCategory = (category: ChildCategory) => (child: RuleSubject) => child.categories.includes(category);

function standing(
  kind: ObligationKind,
  performer: Performer,
  interval: Interval,
  reason: string,
  appliesTo: (child: RuleSubject) => boolean = always,
): StandingRequirement {
  return { kind, performer, interval, appliesTo, reason };
}

const r3Parameters = { performer: 'socialWorker', interval: months(1), minPeople: 2, minDurationMinutes: 120 } as const;

const r3: VisitRule = {
  id: 'R3',
  seed: '000 §五.4',
  title: '社工每月入户走访',
  description:
    '儿童福利社工每月实地走访困境儿童家庭不少于1次，每次不少于2人，负责该儿童的社工每次均应上门，每次不少于2小时；服务后由监护人确认。',
  parameters: r3Parameters,
  requirements: [standing('homeVisit', r3Parameters.performer, r3Parameters.interval, '家庭监护支持：社工每月至少入户走访一次（R3）')],
  followUps: [],
};

/**
 * R11 (001 §二.3): the children's director. The stricter cadence covers the three circumstances the plan names;
 * each gets its own requirement so the reason says which one it was.
 */
const r11Parameters = {
  performer: 'director',
  contactInterval: months(1),
  homeVisitInterval: months(2),
  specialFlags: ['parentSevereDisability', 'childDisabled', 'psychologicalOrBehavioural'] as ChildFlag[],
  specialContactInterval: days(14),
  specialHomeVisitInterval: months(1),
} as const;

const r11: VisitRule = {
  id: 'R11',
  seed: '001 §二.3',
  title: '儿童主任定期联系与入户走访',
  description:
    '儿童主任至少每月联系一次、每两个月入户走访一次；父母一方或双方严重残疾、儿童自身残疾、有心理或行为异常的，至少每两周联系一次、每月入户走访一次，发现问题及时报告。',
  parameters: r11Parameters,
  requirements: [
    standing('contact', r11Parameters.performer, r11Parameters.contactInterval, '儿童主任：每月至少联系一次（R11）'),
    standing('homeVisit', r11Parameters.performer, r11Parameters.homeVisitInterval, '儿童主任：每两个月至少入户走访一次（R11）'),
    ...r11Parameters.specialFlags.flatMap((flag) => [
      standing('contact', r11Parameters.performer, r11Parameters.specialContactInterval, `${childFlagNames[flag]}：儿童主任每两周至少联系一次（R11）`, hasFlag(flag)),
      standing('homeVisit', r11Parameters.performer, r11Parameters.specialHomeVisitInterval, `${childFlagNames[flag]}：儿童主任每月至少入户走访一次（R11）`, hasFlag(flag)),
    ]),
  ],
  followUps: [],
};

/** R14 (002 §六(一)): the contracted organization grades and visits, so the social worker performs. */
const r14Parameters = {
  performer: 'socialWorker',
  intervalsByRiskLevel: { red: months(1), yellow: months(6), green: months(6) },
} as const;
const r14Sentences = {
  red: '红色等级：每月入户一次（R14）',
  yellow: '黄色等级：每半年入户一次（R14）',
  green: '绿色等级：每半年入户一次（R14）',
} as const;

const r14: VisitRule = {
  id: 'R14',
  seed: '002 §六(一)',
  title: '按风险等级入户探访',
  description:
    '社会组织对困境儿童进行风险评估和分级干预：红色（需要重点关注）每月上门探访一次；黄色（有一定问题或需求）和绿色（没有问题也没有需求）每半年上门探访一次。',
  parameters: r14Parameters,
  requirements: (['red', 'yellow', 'green'] as const).map((level) =>
    standing('homeVisit', r14Parameters.performer, r14Parameters.intervalsByRiskLevel[level], r14Sentences[level], (child) => child.riskLevel === level),
  ),
  followUps: [],
};

/**
 * R19 (003 §78–79): the guideline gives follow-ups to the community minor-protection worker (未保专干), who sits at
 * the village / residence committee (003 §9); in this product that is the children's director.
 */
const r19PeriodMonths: Record<FollowUpTriggerType, number> = {
  returnedHome: 1,
  sexualAbuse: 6,
  sale: 6,
  abandonment: 6,
  abuseOrViolence: 6,
  leftUnattendedInDanger: 3,
  displacedWithoutMeans: 2,
  parentAddiction: 1,
  forcedBegging: 1,
  instigatedIntoCrime: 3,
  otherSeriousInfringement: 1,
};
const r19TriggerNames: Record<FollowUpTriggerType, string> = {
  returnedHome: '被监护人领回家庭',
  sexualAbuse: '监护资格被撤销（曾受性侵害）',
  sale: '监护资格被撤销（曾被出卖）',
  abandonment: '监护资格被撤销（曾被遗弃）',
  abuseOrViolence: '监护资格被撤销（曾受虐待、暴力伤害）',
  leftUnattendedInDanger: '监护资格被撤销（曾被置于无人照看的危险状态）',
  displacedWithoutMeans: '监护资格被撤销（曾流离失所或生活无着）',
  parentAddiction: '监护资格被撤销（父母吸毒、赌博、酗酒）',
  forcedBegging: '监护资格被撤销（曾被胁迫乞讨）',
  instigatedIntoCrime: '监护资格被撤销（曾被教唆违法犯罪）',
  otherSeriousInfringement: '监护资格被撤销（其他合法权益被严重侵害）',
};
const r19Parameters = { performer: 'director', interval: days(7), periodMonths: r19PeriodMonths } as const;

const r19: VisitRule = {
  id: 'R19',
  seed: '003 §78–79',
  title: '领回或撤销监护资格后的跟踪回访',
  description:
    '被监护人领回的未成年人，每周至少回访一次，持续1个月；原监护人资格被撤销的，每周至少回访一次，按侵害情形持续6、3、2或1个月，之后可视情况减少回访频率。',
  parameters: r19Parameters,
  requirements: [],
  followUps: (Object.keys(r19PeriodMonths) as FollowUpTriggerType[]).map((trigger) => ({
    kind: 'followUp',
    performer: r19Parameters.performer,
    interval: r19Parameters.interval,
    trigger,
    periodMonths: r19PeriodMonths[trigger],
    reason: `${r19TriggerNames[trigger]}：每周至少跟踪回访一次，持续${r19PeriodMonths[trigger]}个月（R19）`,
  })),
};

/**
 * R20 (003 §80): preventive visits ("定期访问") are done by the 未保专干 under the center's guidance, the same
 * community worker as R19, so the director performs them as home visits. Listed in the order of §80 (一)–(四).
 */
type R20Circumstance = { label: string; twiceAMonth: boolean } & ({ flag: ChildFlag } | { category: ChildCategory });
const r20Circumstances: readonly R20Circumstance[] = [
  { flag: 'livingAlone', label: '独居儿童', twiceAMonth: true },
  { category: 'leftBehind', label: '留守儿童', twiceAMonth: true },
  { flag: 'migrant', label: '流动儿童', twiceAMonth: true },
  { flag: 'childDisabled', label: '残疾儿童', twiceAMonth: true },
  { flag: 'runawayHistory', label: '有流浪或离家出走经历', twiceAMonth: true },
  { flag: 'poverty', label: '家庭贫困', twiceAMonth: true },
  { flag: 'singleParent', label: '单亲家庭', twiceAMonth: true },
  { flag: 'parentIllDisabledOrImprisoned', label: '父母重病、重残或服刑', twiceAMonth: true },
  { flag: 'outOfSchool', label: '失学辍学', twiceAMonth: false },
];
const r20Parameters = {
  performer: 'director',
  twiceAMonthInterval: days(15),
  monthlyInterval: months(1),
  circumstances: r20Circumstances,
} as const;

const r20: VisitRule = {
  id: 'R20',
  seed: '003 §80',
  title: '监护困境风险儿童预防性走访',
  description:
    '对不采取干预极有可能陷入监护困境的未成年人定期访问：独居、留守、流动、残疾，有流浪经历，家庭贫困、单亲、父母重病重残或服刑的，每月至少两次；失学辍学的，每月至少一次。',
  parameters: r20Parameters,
  requirements: r20Circumstances.map((c) =>
    standing(
      'homeVisit',
      r20Parameters.performer,
      c.twiceAMonth ? r20Parameters.twiceAMonthInterval : r20Parameters.monthlyInterval,
      `${c.label}：每月至少${c.twiceAMonth ? '两' : '一'}次预防性走访（R20）`,
      'flag' in c ? hasFlag(c.flag) : hasCategory(c.category),
    ),
  ),
  followUps: [],
};

/**
 * R21 (003 §81): "监护困境未成年人" are children whose guardianship is missing or has failed, as distinct from the
 * children at risk of it whom §80 (R20) visits preventively. Of what we record that is: orphans, de facto
 * unsupported children (parents alive but unable), and children whose guardian's rights were revoked. The
 * assessment form is the execution team's, with the social worker as executor (000 §五.3), so the social worker
 * performs.
 */
const r21Parameters = {
  performer: 'socialWorker',
  interval: months(6),
  categories: ['orphan', 'deFactoUnsupported'] as ChildCategory[],
  triggers: ['guardianshipRevoked'] as FollowUpTrigger['kind'][],
} as const;
/** R21's assessor, also R2's yearly one's (yearly-assessment.ts): the same form, the same executor. */
export const reassessmentPerformer: Performer = r21Parameters.performer;
const wasRevoked = (child: RuleSubject) => child.followUpTriggers.some((t) => r21Parameters.triggers.includes(t.kind));

const r21: VisitRule = {
  id: 'R21',
  seed: '003 §81',
  title: '监护困境儿童每半年评估',
  description: '对所有监护困境未成年人每半年进行一次评估；经评估情况改善的，可以减少入户跟踪回访频率。',
  parameters: r21Parameters,
  requirements: [
    ...r21Parameters.categories.map((category) =>
      standing('reassessment', r21Parameters.performer, r21Parameters.interval, `${childCategoryNames[category]}：每半年评估一次监护状况（R21）`, hasCategory(category)),
    ),
    standing('reassessment', r21Parameters.performer, r21Parameters.interval, '监护资格被撤销：每半年评估一次监护状况（R21）', wasRevoked),
  ],
  followUps: [],
};

/** The catalogue, in DOMAIN.md order; on equal intervals the rule listed first names the obligation. */
export const visitRules: readonly VisitRule[] = [r3, r11, r14, r19, r20, r21];

export const visitRuleById: Readonly<Record<VisitRuleId, VisitRule>> = {
  R3: r3,
  R11: r11,
  R14: r14,
  R19: r19,
  R20: r20,
  R21: r21,
};

export type VisitRuleSummary = Pick<VisitRule, 'id' | 'seed' | 'title' | 'description'>;

/** What `GET /policy/rules` shows. */
export const visitRuleSummaries: readonly VisitRuleSummary[] = visitRules.map(({ id, seed, title, description }) => ({
  id,
  seed,
  title,
  description,
}));

/** R3's thresholds, read by r3-assessment.ts. */
export const r3Thresholds = { minPeople: r3Parameters.minPeople, minDurationMinutes: r3Parameters.minDurationMinutes } as const;

/**
 * What a district follows until its officer chooses (issue 7, B8): the ministry's guideline (003), which binds every
 * district, and of it the rules about visiting: follow-ups after a return home or a revocation (R19), preventive
 * visits to children at risk of losing guardianship (R20), and the six-monthly reassessment (R21). The city and
 * district plans (R3, R11, R14) bind only where they were adopted, which the district says by choosing them.
 */
export const nationalPolicyRuleIds: readonly VisitRuleId[] = ['R19', 'R20', 'R21'];

/**
 * The demo district's stored choice (Songjiang, Shanghai; no other district gets it). It runs the city project (R3,
 * 000) and its own action plan (R11, 001); from the ministry guideline (003) it takes the event-driven follow-ups (R19) and the six-monthly reassessment
 * (R21), which touch few children and cannot be skipped once the event happened. Its roster is risk-graded like
 * Pinghu's, so R14 is on too (red ties with R3, which shows the "also required by" line). R20 is off: its
 * twice-a-month preventive visits would bind well over half the demo children (left-behind, poverty, single
 * parent) and double the directors' R11 load; the district officer can switch it on on the policy page.
 */
export const demoAreaPolicyRuleIds: readonly VisitRuleId[] = ['R3', 'R11', 'R14', 'R19', 'R21'];
