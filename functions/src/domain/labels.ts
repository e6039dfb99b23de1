import type { Child, ChildCategory, ChildFlag, ChildStatus, Guardian, LegalBasis, RiskLevel } from './child.js';
import type { RegionLevel } from './region.js';
import type { Role } from './user.js';

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
