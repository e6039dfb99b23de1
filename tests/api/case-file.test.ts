import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { currentPledgeText } from '../../functions/src/domain/pledge-texts.js';
import { drawnSignature } from '../support/signature-png.js';
import { pdfPageTexts } from '../support/pdf-text.js';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, users, type SeededUser } from './support/seed-area.js';
import { AFTER_VISIT, homeVisitBody, postAnswer, postCheckIn } from './support/visits.js';

/**
 * Issue 12 part 4, R7: one child's file (一人一档) exported as one PDF (Chinese text, the child's sections, the
 * exporter's watermark and page numbers on every page) and as a zip of its parts; each export audited with its
 * format; guardians, volunteers and organizations' admins refused.
 */
let h: ApiHarness;
const A1 = children.a1.id;
const B1 = children.b1.id;

async function download(as: SeededUser, childId: string, ext: 'pdf' | 'zip'): Promise<{ status: number; type: string | null; bytes: Uint8Array }> {
  const token = await h.tokenFor(as);
  const res = await h.app.request(`/api/v1/children/${childId}/file.${ext}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
}

beforeAll(async () => {
  h = await startApiHarness();
  h.setNow(AFTER_VISIT);
  // Two visits of a1, the first confirmed by the guardian: the file shows both with their answers.
  const first = await postCheckIn(h, 'socialWorkerPledged', A1, homeVisitBody());
  expect(first.status).toBe(201);
  expect((await postAnswer(h, 'guardianA', A1, first.body.id, { decision: 'confirm', version: first.body.version })).status).toBe(200);
  const second = await postCheckIn(h, 'socialWorkerPledged', A1, homeVisitBody({ startedAt: '2026-04-02T15:00:00+08:00', endedAt: '2026-04-02T15:30:00+08:00', notes: '第二次走访，辅导作业。' }));
  expect(second.status).toBe(201);
  // b1's social worker signs the pledge: its drawn signature travels in b1's zip.
  const signed = await h.call('POST', '/api/v1/me/pledge-signatures', {
    as: 'socialWorkerUnpledged',
    json: { version: currentPledgeText().id, typedName: users.socialWorkerUnpledged.name, consent: true, signaturePng: drawnSignature().toString('base64'), client: { platform: 'h5' } },
  });
  expect(signed.status).toBe(201);
  h.setNow('2026-04-03T02:05:00.000Z');
}, 90_000);

describe('R7 the file carries the guardianship assessments (R18)', () => {
  it('shows each assessment held, who was present, the scores in words, the conclusion and the level it set', async () => {
    const child = await h.call('GET', `/api/v1/children/${children.c1.id}`, { as: 'supervisorT1' });
    const score = (value: number, notes = '') => ({ score: value, notes });
    const recorded = await h.call('POST', `/api/v1/children/${children.c1.id}/assessments`, {
      as: 'socialWorkerPledged',
      headers: { 'idempotency-key': 'case-file-assessment-1' },
      json: {
        version: child.body.version,
        kind: 'first',
        heldOn: '2026-04-01',
        presentUserIds: [users.socialWorkerPledged.id, users.directorV2.id, users.supervisorT1.id],
        dimensions: { economic: score(2), care: score(2), skills: score(3), responsibility: score(3), relationship: score(4), development: score(2, '营养不良') },
        sources: {
          child: { heard: true, learned: '常独自在家' },
          guardian: { heard: true, learned: '外出务工' },
          police: { heard: false, learned: '' },
          neighbours: { heard: false, learned: '' },
          school: { heard: true, learned: '缺勤较多' },
        },
        conclusion: '监护缺位明显，需重点关注',
        riskLevel: 'red',
        recommendations: '每月入户；联系学校关注出勤',
      },
    });
    expect(recorded.status).toBe(201);

    const text = (await pdfPageTexts((await download('supervisorT1', children.c1.id, 'pdf')).bytes)).join('\n');
    for (const words of ['评估日期：2026-04-01', '首次评估', '吴社工、赵西湾、孙河口', '儿童生存发展状况：2分（较差）：营养不良', '学校：缺勤较多', '监护缺位明显，需重点关注', '红色（评估前：黄色）']) {
      expect(text, words).toContain(words);
    }
    expect(text).not.toContain('暂无评估记录');
  });
});

describe('R7 the file carries the child’s plan (R2), its reviews and the closing notice (R15)', () => {
  it('shows the goals, who does what by when, the family’s part and the notice of closing', async () => {
    const child = children.c1.id;
    const plan = await h.call('PUT', `/api/v1/children/${child}/plan`, {
      as: 'socialWorkerPledged',
      headers: { 'idempotency-key': 'case-file-plan-1' },
      json: {
        assessmentId: null,
        goals: [{ goal: '按时上学，不再旷课', success: '一学期旷课不超过一天' }],
        services: [{ service: '课后托管', provider: '西湾村儿童之家' }],
        tasks: [{ task: '每周联系班主任了解出勤', assigneeId: users.directorV2.id, dueOn: '2026-06-15' }],
        family: { told: '我们会每月上门看望孩子。', familyAgrees: '奶奶每天接送孩子。' },
        internalNotes: '',
        version: 0,
      },
    });
    expect(plan.status).toBe(200);
    const told = await h.call('POST', `/api/v1/children/${child}/closing/announcement`, { as: 'socialWorkerPledged', json: { toldOn: '2026-04-02', how: 'phone', toldWhom: '奶奶' } });
    expect(told.status).toBe(200);

    const text = (await pdfPageTexts((await download('supervisorT1', child, 'pdf')).bytes)).join('\n');
    for (const words of ['版（吴社工，2026-04-03）', '1. 按时上学，不再旷课（成效：一学期旷课不超过一天）', '赵西湾：每周联系班主任了解出勤，2026-06-15前', '奶奶每天接送孩子。', '2026-04-02电话告知奶奶，最早2026-04-09结案']) {
      expect(text, words).toContain(words);
    }
    expect(text).not.toContain('暂无个案计划');
  });
});

describe('R7 the file as one PDF', () => {
  it('opens, has every section, the visits with the guardian’s confirmation, and the empty parts said plainly', async () => {
    const res = await download('supervisorT1', A1, 'pdf');

    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    const text = (await pdfPageTexts(res.bytes)).join('\n');
    for (const words of ['儿童档案', '李小明', '基本信息', '执行团队', '监护评估', '暂无评估记录', '暂无个案计划', '走访记录及监护人确认', '与祖父母沟通学习安排', '第二次走访，辅导作业。', '监护人已确认', '待确认', '暂无结案报告', '服务人员儿童保护承诺书', '吴社工', '张东湾']) {
      expect(text, words).toContain(words);
    }
    // Basic information as the supervisor sees it: the risk grade, and the ID number masked even so.
    expect(text).toContain('风险等级：红色');
    expect(text).not.toContain(children.a1.idNumber!);
  });

  it('carries the exporter’s name, role and Beijing time, and 第 N 页 / 共 M 页, on every page', async () => {
    const pages = await pdfPageTexts((await download('supervisorT1', A1, 'pdf')).bytes);

    expect(pages.length).toBeGreaterThan(3);
    pages.forEach((page, index) => {
      expect(page).toContain('孙河口（儿童督导员）导出于 2026-04-03 10:05 北京时间');
      expect(page).toContain(`第 ${index + 1} 页 / 共 ${pages.length} 页`);
    });
  });

  it('shows a guardian-facing role nothing extra: a district officer’s file has the same sections', async () => {
    const res = await download('districtOfficer', A1, 'pdf');
    expect(res.status).toBe(200);
    expect((await pdfPageTexts(res.bytes)).join('')).toContain('褚区局（区民政局）导出于');
  });

  it('is audited with who, role, when and the format', async () => {
    h.setNow('2026-04-03T03:00:00.000Z');
    await download('directorV1', A1, 'pdf');
    await download('directorV1', A1, 'zip');

    const entries = await h.table.repositories.audit.listByChild(A1, 20);
    const mine = entries.filter((entry) => entry.actorId === users.directorV1.id && entry.action.startsWith('caseFile.'));
    const seen = mine.map((entry) => ({ action: entry.action, role: entry.actorRole, at: entry.at, outcome: entry.outcome }));
    expect(seen.sort((a, b) => a.action.localeCompare(b.action))).toEqual([
      { action: 'caseFile.exportPdf', role: 'director', at: '2026-04-03T03:00:00.000Z', outcome: 'allowed' },
      { action: 'caseFile.exportZip', role: 'director', at: '2026-04-03T03:00:00.000Z', outcome: 'allowed' },
    ]);
  });
});

describe('R7 the file as a zip of its parts', () => {
  it('opens and lists the PDF, a CSV per section with Chinese headers and the JSON', async () => {
    const res = await download('supervisorT1', A1, 'zip');

    expect(res.status).toBe(200);
    expect(res.type).toBe('application/zip');
    const parts = unzipSync(res.bytes);
    const names = Object.keys(parts);
    expect(names).toContain('儿童档案-李小明.pdf');
    expect(names).toContain('档案.json');
    expect(names).toContain('05-走访记录及监护人确认.csv');
    expect(names).toContain('03-监护评估.csv');
    // UTF-8 with a BOM, so Excel reads the Chinese.
    const visitsCsv = Buffer.from(parts['05-走访记录及监护人确认.csv']!);
    expect([...visitsCsv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(visitsCsv.subarray(3).toString('utf8').split('\r\n')[0]).toBe('时间,方式,走访人员,服务内容,服务记录,发现的问题,监护人确认,异议,异议处理,记录状态');
    expect(strFromU8(parts['03-监护评估.csv']!)).toContain('暂无评估记录');
    expect((await pdfPageTexts(parts['儿童档案-李小明.pdf']!)).join('')).toContain('基本信息');
  });

  it('carries the drawn signature of a pledge signed by one who served', async () => {
    const res = await download('supervisorT2', B1, 'zip');

    const names = Object.keys(unzipSync(res.bytes));
    const image = names.find((name) => name.startsWith('承诺书签名/') && name.includes('郑社工'));
    expect(image).toBeDefined();
    expect([...unzipSync(res.bytes)[image!]!.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });
});

describe('R7 who may not export', () => {
  it.each([
    ['guardianA', 403],
    ['orgAdmin', 403],
    ['volunteer', 404],
    ['supervisorT2', 404],
  ] as const)('refuses %s (%i) and hands out no file', async (who, status) => {
    for (const ext of ['pdf', 'zip'] as const) {
      const res = await download(who, A1, ext);
      expect(res.status).toBe(status);
      expect(res.type).toBe('application/problem+json');
    }
  });

  it('records a refused export of a child the actor may read', async () => {
    await download('guardianA', A1, 'pdf');

    const entries = await h.table.repositories.audit.listByChild(A1, 50);
    expect(entries.some((e) => e.actorId === users.guardianA.id && e.action === 'caseFile.exportPdf' && e.outcome === 'denied')).toBe(true);
  });
});
