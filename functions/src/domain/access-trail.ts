import type { AuditAction, AuditEntry } from './audit.js';
import { roleNames } from './labels.js';

/**
 * Issue 12 part 5: who has seen this child, in words a supervisor reads (查看档案, 导出PDF), never the audit's codes.
 * Every action that concerns one child has its words here; the type makes a new action fail the check until it has.
 */
export const auditActionWords: Record<AuditAction, string> = {
  'child.read': '查看档案',
  'child.list': '在儿童列表中查看',
  'child.count': '统计儿童人数',
  'child.create': '登记儿童',
  'child.update': '修改儿童信息',
  'child.assignTeam': '指定执行团队',
  'visit.checkIn': '记录走访',
  'visit.confirm': '监护人确认走访',
  'visit.list': '查看走访列表',
  'visit.verify': '核验走访记录',
  'visit.read': '查看走访记录',
  'visit.settle': '处理走访异议',
  'visit.correct': '更正走访记录',
  'visit.withdraw': '撤回走访记录',
  'obligation.list': '查看待办走访',
  'concern.report': '报告问题线索',
  'concern.read': '查看问题线索',
  'concern.step': '处理问题线索',
  'escalation.raise': '提请疑难个案',
  'escalation.read': '查看疑难个案',
  'escalation.list': '查看疑难个案列表',
  'escalation.step': '处理疑难个案',
  'policy.update': '修改走访规则',
  'policy.preview': '预览走访规则',
  'report.submit': '报送月度汇报',
  request: '访问',
  'pledge.download': '下载承诺书',
  'caseFile.exportPdf': '导出PDF',
  'caseFile.exportZip': '导出压缩包',
  'caseFile.submit': '报送档案',
  'caseFile.trail': '查看访问记录',
  'inspection.callList': '回访抽查：查看监护人电话',
  'assessment.record': '记录监护评估',
  'assessment.read': '查看监护评估',
  'assessment.list': '查看评估记录',
  'risk.override': '调整风险等级',
  'casePlan.read': '查看服务计划',
  'casePlan.write': '记录服务计划',
};

export interface AccessTrailEntry {
  at: string;
  /** The person's name; 系统 for what the product did by itself, 已注销用户 for an account no longer there. */
  name: string;
  roleName: string;
  what: string;
  refused: boolean;
}

export function accessTrailEntryOf(entry: AuditEntry, names: ReadonlyMap<string, string>): AccessTrailEntry {
  const system = entry.actorRole === 'system';
  return {
    at: entry.at,
    name: system ? '系统' : (names.get(entry.actorId) ?? '已注销用户'),
    roleName: system ? '系统' : roleNames[entry.actorRole as Exclude<AuditEntry['actorRole'], 'system'>],
    what: auditActionWords[entry.action],
    refused: entry.outcome === 'denied',
  };
}
