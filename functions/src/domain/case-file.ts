import type { Child, Team } from './child.js';
import type { Concern } from './concern.js';
import type { Escalation } from './escalation.js';
import {
  childCategoryNames,
  childFlagNames,
  childStatusNames,
  concernKindNames,
  concernStatusNames,
  confirmationStateNames,
  disputeOutcomeNames,
  disputeReasonNames,
  escalationLevelNames,
  escalationStatusNames,
  genderNames,
  guardianRelationNames,
  legalBasisKindNames,
  riskLevelNames,
  roleNames,
  visitKindNames,
  visitPurposeNames,
  visitServiceNames,
} from './labels.js';
import { maskIdNumber } from './masking.js';
import type { Role } from './user.js';
import type { Visit } from './visit.js';

/**
 * R7 (000 §五.7; 001 §二.3), issue 12 part 4: one child's file (一人一档) as plain data, so the PDF, the zip's CSV/JSON
 * parts and tests all read the same thing. Each section is a title and its entries; an entry is labelled fields in
 * the order they are shown. Nothing here formats for a medium.
 */
export const caseFileSectionKeys = ['basic', 'team', 'assessments', 'plans', 'visits', 'concerns', 'escalations', 'closing', 'pledges'] as const;
export type CaseFileSectionKey = (typeof caseFileSectionKeys)[number];

export interface CaseFileField {
  label: string;
  value: string;
}
export interface CaseFileEntry {
  fields: CaseFileField[];
}
export interface CaseFileSection {
  key: CaseFileSectionKey;
  title: string;
  /** What the section says when it holds no entry (暂无评估记录). */
  emptyText: string;
  entries: CaseFileEntry[];
}

/** Who exported the file and when: the watermark of every page. */
export interface CaseFileExporter {
  name: string;
  role: Role;
  at: string;
}

/** A pledge image carried into the zip beside its row in the pledges section. */
export interface CaseFilePledgeImage {
  fileName: string;
  pngBase64: string;
}

export interface CaseFile {
  child: { id: string; name: string };
  exporter: CaseFileExporter;
  sections: CaseFileSection[];
  pledgeImages: CaseFilePledgeImage[];
}

export const caseFileSectionTitles: Record<CaseFileSectionKey, string> = {
  basic: '基本信息',
  team: '执行团队',
  assessments: '监护评估',
  plans: '个案计划（一人一案）',
  visits: '走访记录及监护人确认',
  concerns: '问题线索报告',
  escalations: '疑难个案提请',
  closing: '结案报告',
  pledges: '服务人员儿童保护承诺书',
};

const emptyTexts: Record<CaseFileSectionKey, string> = {
  basic: '暂无基本信息',
  team: '暂未指定执行团队',
  assessments: '暂无评估记录',
  plans: '暂无个案计划',
  visits: '暂无走访记录',
  concerns: '暂无问题线索报告',
  escalations: '暂无疑难个案提请',
  closing: '暂无结案报告',
  pledges: '暂无承诺书签署记录',
};

export function sectionOf(key: CaseFileSectionKey, entries: CaseFileEntry[]): CaseFileSection {
  return { key, title: caseFileSectionTitles[key], emptyText: emptyTexts[key], entries };
}

export function entry(fields: [string, string][]): CaseFileEntry {
  return { fields: fields.map(([label, value]) => ({ label, value })) };
}

/** `2026-12-01 10:05` in Beijing time: every date people read is Asia/Shanghai. */
export function beijingMinuteOf(iso: string): string {
  const beijing = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return beijing.toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * Basic information as the exporter may see it: the child's fields the exporter's role receives (`visible`, from the
 * access policy's hidden fields); the ID number masked even so, because a file travels further than a screen.
 */
export function basicSectionOf(child: Partial<Child> & Pick<Child, 'name' | 'gender' | 'birthDate' | 'address' | 'guardians' | 'status' | 'registeredOn'>, regionPath: string): CaseFileSection {
  const fields: [string, string][] = [
    ['姓名', child.name],
    ['性别', genderNames[child.gender]],
    ['出生日期', child.birthDate],
    ['所在地区', regionPath],
    ['住址', child.address],
    ['状态', childStatusNames[child.status]],
    ['登记日期', child.registeredOn],
  ];
  if (child.idNumber !== undefined) fields.push(['身份证号', child.idNumber ? maskIdNumber(child.idNumber) : '未登记']);
  if (child.categories !== undefined) fields.push(['儿童类别', child.categories.map((c) => childCategoryNames[c]).join('、')]);
  if (child.flags !== undefined) fields.push(['家庭情况', child.flags.map((f) => childFlagNames[f]).join('、') || '无']);
  if (child.riskLevel !== undefined) fields.push(['风险等级', riskLevelNames[child.riskLevel]]);
  if (child.legalBasis !== undefined) fields.push(['信息处理依据', child.legalBasis ? legalBasisKindNames[child.legalBasis.kind] : '未登记']);
  const guardians = child.guardians.map((g) => `${g.name}（${guardianRelationNames[g.relation]}）`).join('、');
  fields.push(['监护人', guardians]);
  return sectionOf('basic', [entry(fields)]);
}

export function teamSectionOf(team: Team | null, names: ReadonlyMap<string, string>): CaseFileSection {
  if (team === null) return sectionOf('team', []);
  const members: [Role, string][] = [
    ['supervisor', team.supervisorId],
    ['director', team.directorId],
    ['socialWorker', team.socialWorkerId],
  ];
  return sectionOf(
    'team',
    members.map(([role, id]) => entry([['职务', roleNames[role]], ['姓名', names.get(id) ?? '（账号已注销）']])),
  );
}

function withdrawalOf(visit: Visit): string | null {
  const withdrawn = visit.corrections.find((change) => change.kind === 'withdrawn');
  if (!withdrawn || withdrawn.kind !== 'withdrawn') return null;
  return `已撤回（${beijingMinuteOf(withdrawn.at)}）${withdrawn.reason ? `：${withdrawn.reason}` : ''}`;
}

/** Visits oldest first, as a file is read; each with the guardian's answer that stands in for the handbook's signature (R3). */
export function visitsSectionOf(visits: readonly Visit[], names: ReadonlyMap<string, string>): CaseFileSection {
  const ordered = [...visits].sort((a, b) => a.startedAt.localeCompare(b.startedAt));
  return sectionOf(
    'visits',
    ordered.map((visit) => {
      const people = [...visit.participantIds.map((id) => names.get(id) ?? '（账号已注销）'), ...visit.companionNames];
      const answer = visit.confirmation;
      const reasons = answer.reasons.map((r) => disputeReasonNames[r]).join('、');
      return entry([
        ['时间', beijingMinuteOf(visit.startedAt)],
        ['方式', `${visitKindNames[visit.kind]}（${visitPurposeNames[visit.purpose]}）`],
        ['走访人员', people.join('、')],
        ['服务内容', visit.services.map((s) => visitServiceNames[s]).join('、') || '无'],
        ['服务记录', visit.notes || '无'],
        ['发现的问题', visit.problemsFound || '无'],
        ['监护人确认', answer.at ? `${confirmationStateNames[answer.state]}（${beijingMinuteOf(answer.at)}）` : confirmationStateNames[answer.state]],
        ['异议', reasons ? `${reasons}${answer.note ? `：${answer.note}` : ''}` : '无'],
        ['异议处理', visit.resolution ? `${disputeOutcomeNames[visit.resolution.outcome]}（${beijingMinuteOf(visit.resolution.at)}）${visit.resolution.note ? `：${visit.resolution.note}` : ''}` : '无'],
        // A withdrawn record stays in the file (its chain must stay whole) and says so.
        ['记录状态', withdrawalOf(visit) ?? '有效'],
      ]);
    }),
  );
}

/** Concern reports about the child; the reporter is never named in the file (R17 keeps them apart from the family). */
export function concernsSectionOf(concerns: readonly Concern[]): CaseFileSection {
  const ordered = [...concerns].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return sectionOf(
    'concerns',
    ordered.map((concern) =>
      entry([
        ['报告时间', beijingMinuteOf(concern.createdAt)],
        ['问题类型', concern.kinds.map((k) => concernKindNames[k]).join('、')],
        ['紧急', concern.urgent ? '是' : '否'],
        ['情况描述', concern.description],
        ['处理状态', concernStatusNames[concern.status]],
        ['办结反馈', concern.closingFeedback ?? '无'],
      ]),
    ),
  );
}

export function escalationsSectionOf(escalations: readonly Escalation[]): CaseFileSection {
  const ordered = [...escalations].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return sectionOf(
    'escalations',
    ordered.map((escalation) =>
      entry([
        ['提请时间', beijingMinuteOf(escalation.createdAt)],
        ['存在问题', escalation.problem],
        ['已采取措施', escalation.tried],
        ['需要协助', escalation.helpNeeded],
        ['当前层级', escalationLevelNames[escalation.level]],
        ['状态', escalationStatusNames[escalation.status]],
        ['处理结果', escalation.resolution ?? '无'],
      ]),
    ),
  );
}

/** One person who served the child, with the pledge they signed (R8), or none. */
export interface ServingPerson {
  name: string;
  role: Role;
  pledgeVersion: string | null;
  pledgeSignedAt: string | null;
}

export function pledgesSectionOf(people: readonly ServingPerson[]): CaseFileSection {
  return sectionOf(
    'pledges',
    people.map((person) =>
      entry([
        ['姓名', person.name],
        ['角色', roleNames[person.role]],
        ['承诺书版本', person.pledgeVersion ?? '未签署'],
        ['签署时间', person.pledgeSignedAt ? beijingMinuteOf(person.pledgeSignedAt) : '未签署'],
      ]),
    ),
  );
}

/** The user ids of everyone who served the child: its team and every visit's participants, once each. */
export function servingUserIdsOf(team: Team | null, visits: readonly Visit[]): string[] {
  const ids = team ? [team.supervisorId, team.directorId, team.socialWorkerId] : [];
  for (const visit of visits) ids.push(...visit.participantIds);
  return [...new Set(ids)];
}

/** The words of the watermark on every page. */
export function watermarkOf(exporter: CaseFileExporter): string {
  return `${exporter.name}（${roleNames[exporter.role]}）导出于 ${beijingMinuteOf(exporter.at)} 北京时间`;
}
