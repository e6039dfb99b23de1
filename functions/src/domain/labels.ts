import type { ConcernKind, ConcernStatus } from './concern.js';
import type { EscalationStatus, EscalationTrailStep } from './escalation.js';
import type { EscalationLevel } from './escalation-levels.js';
import type { Child, ChildCategory, ChildFlag, ChildStatus, Guardian, LegalBasis, RiskLevel } from './child.js';
import type { ObligationKind, Performer, VisitRuleId } from './obligation.js';
import type { RegionLevel } from './region.js';
import type { AssessmentDimension, AssessmentKind, AssessmentSource } from './guardianship-assessment.js';
import type { Role } from './user.js';
import type {
  ConfirmationState,
  contactChannels,
  CorrectableVisitField,
  DisputeOutcome,
  DisputeReason,
  VisitKind,
  visitPurposes,
  VisitService,
} from './visit.js';

/**
 * The Chinese the UI shows for each code name. This file imports no zod (types only), so the mini-program can
 * import these values without pulling the schemas into its bundle.
 */
export const roleNames: Record<Role, string> = {
  guardian: '监护人',
  director: '儿童主任',
  supervisor: '儿童督导员',
  socialWorker: '儿童福利社工',
  volunteer: '志愿者',
  orgAdmin: '社会组织管理员',
  districtOfficer: '区民政局',
  cityOfficer: '市民政局',
};

export const childCategoryNames: Record<ChildCategory, string> = {
  difficult: '困境儿童',
  leftBehind: '农村留守儿童',
  orphan: '社会散居孤儿',
  deFactoUnsupported: '事实无人抚养儿童',
};

export const childFlagNames: Record<ChildFlag, string> = {
  parentSevereDisability: '父母重度残疾',
  childDisabled: '儿童残疾',
  psychologicalOrBehavioural: '心理或行为异常',
  livingAlone: '独居',
  migrant: '流动儿童',
  runawayHistory: '有离家出走经历',
  poverty: '家庭贫困',
  singleParent: '单亲家庭',
  parentIllDisabledOrImprisoned: '父母重病、残疾或服刑',
  outOfSchool: '失学辍学',
};

/** R14: the risk grade as workers say it. */
export const riskLevelNames: Record<RiskLevel, string> = { red: '红色', yellow: '黄色', green: '绿色' };

export const childStatusNames: Record<ChildStatus, string> = { active: '在册', closed: '已结案' };

export const genderNames: Record<Child['gender'], string> = { male: '男', female: '女' };

export const guardianRelationNames: Record<Guardian['relation'], string> = {
  father: '父亲',
  mother: '母亲',
  grandparent: '祖父母/外祖父母',
  relative: '其他亲属',
  other: '其他',
};

export const regionLevelNames: Record<RegionLevel, string> = { city: '市', district: '区', town: '镇/街道', village: '村/居' };

/** PIPL Art. 13, 28, 31: the ground on which a child's record is held. */
export const legalBasisKindNames: Record<LegalBasis['kind'], string> = {
  statutoryDuty: '法定职责',
  guardianConsent: '监护人同意',
};

/** Issue 3: visits, obligations and the guardian's confirmation. */
type VisitPurpose = (typeof visitPurposes)[number];
type ContactChannel = (typeof contactChannels)[number];

export const visitKindNames: Record<VisitKind, string> = { homeVisit: '入户走访', contact: '联系' };

export const visitPurposeNames: Record<VisitPurpose, string> = {
  routine: '日常走访',
  reassessment: '复评',
  followUp: '跟踪回访',
};

/** 000 §五.1: the services a visit may give. */
export const visitServiceNames: Record<VisitService, string> = {
  guardianshipGuidance: '监护指导',
  educationSupport: '教育支持',
  dailyCare: '生活照料',
  psychologicalSupport: '心理疏导',
  behaviourCorrection: '行为矫治',
  socialIntegration: '社会融入',
};

export const contactChannelNames: Record<ContactChannel, string> = { phone: '电话', message: '短信', videoCall: '视频' };

export const disputeReasonNames: Record<DisputeReason, string> = {
  notVisited: '没有来访',
  wrongTime: '时间不对',
  wrongPeople: '人数不对',
  other: '其他',
};

export const confirmationStateNames: Record<ConfirmationState, string> = {
  pending: '待确认',
  confirmed: '监护人已确认',
  disputed: '有异议',
};

/** Issue 7, B2: how the supervisor settled a dispute. */
export const disputeOutcomeNames: Record<DisputeOutcome, string> = {
  verified: '核实属实',
  notAsRecorded: '与记录不符',
  revisitArranged: '已安排重新走访',
};

/** Issue 7, B3: what a correction changed, in the words of the visit's page. */
export const correctableFieldNames: Record<CorrectableVisitField, string> = {
  startedAt: '开始时间',
  endedAt: '结束时间',
  participantIds: '走访人员',
  companionNames: '同行人员',
  services: '服务内容',
  notes: '服务记录',
  problemsFound: '发现的问题',
};

export const obligationKindNames: Record<ObligationKind, string> = {
  homeVisit: '入户走访',
  contact: '联系',
  reassessment: '复评',
  yearlyAssessment: '年度评估',
  followUp: '跟踪回访',
  planReview: '计划评估',
  stateGuardianshipEvaluation: '回归评估',
  guardianCollection: '监护人领回',
};

/** R1: who carries out the obligation. */
export const performerNames: Record<Performer, string> = { socialWorker: '儿童福利社工', director: '儿童主任' };

/** Short titles of the visit rules of DOMAIN.md, for lists that name the rule beside its id. */
export const visitRuleNames: Record<VisitRuleId, string> = {
  R3: '社工每月入户走访',
  R11: '儿童主任定期联系和走访',
  R14: '按风险等级走访',
  R19: '回归家庭或撤销监护后跟踪回访',
  R20: '监护风险预防性走访',
  R21: '监护困难儿童定期复评',
};

/** R17: what a concern report is about, as a reporter would say it. */
export const concernKindNames: Record<ConcernKind, string> = {
  neglect: '疏于照料',
  abandonment: '遗弃',
  abuse: '虐待、殴打',
  exploitation: '被利用、剥削',
  trafficking: '拐卖',
  forcedBegging: '被迫乞讨',
  drowningRisk: '溺水危险',
  bullying: '欺凌',
  internetAddiction: '沉迷网络',
  psychologicalCrisis: '心理危机',
  leftAloneAtHome: '独自在家无人照看',
  other: '其他',
};

export const concernStatusNames: Record<ConcernStatus, string> = {
  received: '已收到',
  acknowledged: '已受理',
  investigating: '核查中',
  assessed: '已评估',
  assisting: '帮扶中',
  referred: '已转介',
  closed: '已办结',
};

/** R6: where a difficult case is, and what was done with it at each level. */
export const escalationLevelNames: Record<EscalationLevel, string> = { town: '乡镇（街道）', district: '区', city: '市' };

export const escalationStatusNames: Record<EscalationStatus, string> = { raised: '待受理', acknowledged: '已受理', resolved: '已解决' };

export const escalationStepNames: Record<EscalationTrailStep['action'], string> = {
  raised: '提请',
  acknowledged: '受理',
  resolved: '解决',
  overdue: '超时未受理，已提醒',
};

/**
 * The policy documents in seeds/ that the rules come from (DOMAIN.md, "Seeds"), by their number, as a cadre would
 * recognise them; a rule's `seed` ('000 §五.4') starts with the number.
 */
export const seedDocumentNames: Record<string, string> = {
  '000': '上海市困境儿童家庭监护支持服务工作方案',
  '001': '松江区农村留守儿童和困境儿童关爱服务质量提升三年行动方案（2024—2026年）',
  '002': '平湖市困境儿童“护苗行动”实施方案',
  '003': '民政部未成年人社会保护工作指引',
  '004': '渝中区“儿童守护”行动方案',
};

/** Issue 12 part 6: a callback's outcome, as the officer records it (seed 000 §六(一)). */
export const callbackOutcomeNames = { confirmed: '确认走访', notConfirmed: '未确认', unreachable: '无法联系' } as const;

/** R23: the yearly grades of a worker's evaluation. */
export const evaluationGradeNames = { excellent: '优秀', qualified: '合格', improve: '需改进' } as const;

/** R18's six dimensions and five sources, in the order of 003 §55–56; the mini-program and the file (R7) say them alike. */
export const assessmentDimensionNames: Record<AssessmentDimension, string> = {
  economic: '经济能力',
  care: '照料能力',
  skills: '监护技能',
  responsibility: '责任意识',
  relationship: '亲子关系',
  development: '儿童生存发展状况',
};
export const assessmentSourceNames: Record<AssessmentSource, string> = {
  child: '儿童本人',
  guardian: '监护人',
  police: '当地派出所',
  neighbours: '邻居',
  school: '学校',
};
export const assessmentKindNames: Record<AssessmentKind, string> = { first: '首次评估', yearly: '年度评估', reassessment: '复评' };
/** The five-step scale: 1 the weakest guardianship on that dimension, 5 the soundest. */
export const assessmentScoreNames: Record<'1' | '2' | '3' | '4' | '5', string> = { '1': '很差', '2': '较差', '3': '一般', '4': '较好', '5': '良好' };

/** R15 words of a child's case, for the file (R7) and the pages. */
export const goalOutcomeNames: Record<'reached' | 'partly' | 'not', string> = { reached: '已达成', partly: '部分达成', not: '未达成' };
export const noticeChannelNames: Record<'inPerson' | 'phone' | 'letter' | 'wechat', string> = { inPerson: '当面告知', phone: '电话告知', letter: '书面告知', wechat: '微信告知' };
export const closingReasonNames: Record<'goalsReached' | 'riskRemoved' | 'movedAway' | 'transferred' | 'agedOut' | 'other', string> = {
  goalsReached: '服务目标已达成',
  riskRemoved: '风险已消除',
  movedAway: '迁出本地',
  transferred: '转介其他机构',
  agedOut: '已满十八周岁',
  other: '其他',
};
