import ExcelJS from 'exceljs';
import { beforeEach, describe, expect, it } from 'vitest';
import { emptyFigures, monthlyFigureKeys, monthlyFigureNames, type MonthlyFigures, type MonthlyReport } from '../../functions/src/domain/monthly-report.js';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { regions, type SeededUser } from './support/seed-area.js';

/**
 * Issue 9, parts 5 and 6 (R4): a region's monthly report with its parts, sent up once by the region's own post
 * (late after its deadline), and downloaded as the 走访情况月度汇报表 in .xlsx and .csv.
 */
let h: ApiHarness;
const MONTH = '2026-02';

function figures(seed: number): MonthlyFigures {
  return { ...emptyFigures(), childrenServed: 10 * seed, visitsDue: 8 * seed, visitsDone: 7 * seed, visitsOnTime: 6 * seed, visitsLate: seed };
}

async function putReports(month = MONTH) {
  const seeds: Record<string, number> = { v1: 1, v2: 2, v3: 3, v4: 4 };
  const byId = new Map(regions.map((region) => [region.id, region]));
  const sumOf = (id: string): number =>
    seeds[id] ?? regions.filter((region) => region.parentId === id).reduce((total, region) => total + sumOf(region.id), 0);
  for (const region of regions) {
    const report: MonthlyReport = {
      month,
      regionId: region.id,
      level: region.level,
      parentId: byId.get(region.id)!.parentId,
      figures: figures(sumOf(region.id)),
      computedAt: '2026-03-01T18:00:00.000Z',
    };
    await h.table.repositories.monthlyReports.put(report);
  }
}

const read = (as: SeededUser, regionId: string, month = MONTH) => h.call('GET', `/api/v1/reports/${regionId}/months/${month}`, { as });
const submit = (as: SeededUser, regionId: string, month = MONTH) => h.call('POST', `/api/v1/reports/${regionId}/months/${month}/submission`, { as });

beforeEach(async () => {
  h = await startApiHarness();
  await putReports();
});

describe('a monthly report', () => {
  it("shows the town's figures and each village's by name, with the town's deadline (16th 00:00 Beijing) and no submission yet", async () => {
    const res = await read('supervisorT1', 't1');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      region: { id: 't1', name: '河口镇', level: 'town' },
      figures: figures(3),
      submits: true,
      deadline: '2026-03-15T16:00:00.000Z',
      submission: null,
      canSubmit: true,
    });
    expect(res.body.parts.map((part: { name: string; figures: MonthlyFigures; submits: boolean }) => [part.name, part.figures.visitsDone, part.submits])).toEqual([
      ['东湾村', 7, false],
      ['西湾村', 14, false],
    ]);
  });

  it('is read by the officers above (who may not send it), refused to other roles (403) and hidden from other areas (404)', async () => {
    expect((await read('districtOfficer', 't1')).body.canSubmit).toBe(false);
    expect((await read('cityOfficer', 'd1')).body).toMatchObject({ canSubmit: false, deadline: '2026-03-19T16:00:00.000Z' });
    expect((await read('directorV1', 't1')).status).toBe(403);
    expect((await read('socialWorkerPledged', 't1')).status).toBe(403);
    expect((await read('supervisorT2', 't1')).status).toBe(404);
    expect((await read('districtOfficer', 'c1')).status).toBe(404);
    expect((await read('supervisorT1', 'nowhere')).status).toBe(404);
  });

  it('refuses a malformed month or year, naming the field, and writes nothing', async () => {
    const writes = await h.writesOf(async () => {
      const bad = await read('supervisorT1', 't1', '2026-13');
      expect([bad.status, bad.body.field]).toEqual([400, 'month']);
      const badSubmit = await submit('supervisorT1', 't1', '202602');
      expect([badSubmit.status, badSubmit.body.field]).toEqual([400, 'month']);
      const badYear = await h.call('GET', '/api/v1/reports/t1/years/26', { as: 'supervisorT1' });
      expect([badYear.status, badYear.body.field]).toEqual([400, 'year']);
    });
    expect(writes).toEqual({ added: [], removedOrChanged: [] });
  });
});

describe('sending the report up (R4)', () => {
  it('by the town supervisor: the figures as they stood, who, when, on time; kept with an audit entry; a second time is a 409', async () => {
    const writes = await h.writesOf(async () => {
      const res = await submit('supervisorT1', 't1');
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        month: MONTH,
        regionId: 't1',
        deadline: '2026-03-15T16:00:00.000Z',
        submission: { submittedAt: '2026-03-10T02:00:00.000Z', submittedByName: '孙河口', late: false },
      });
    });
    const stored = await h.table.repositories.reportSubmissions.get('t1', MONTH);
    expect(stored).toMatchObject({ figures: figures(3), submittedBy: { id: 'u-supervisor-t1', name: '孙河口' }, parentId: 'd1', late: false });
    expect(writes.added.map((item) => [item.entity, item.action ?? null])).toEqual(
      expect.arrayContaining([
        ['reportSubmission', null],
        ['audit', 'report.submit'],
      ]),
    );
    expect(writes.added).toHaveLength(2);

    // A later roll-up that changes the report does not change what was sent.
    await h.table.repositories.monthlyReports.put({ month: MONTH, regionId: 't1', level: 'town', parentId: 'd1', figures: figures(99), computedAt: '2026-03-11T00:00:00.000Z' });
    const again = await submit('supervisorT1', 't1');
    expect([again.status, again.body.detail]).toEqual([409, '该月的汇报已提交，不能重复提交']);
    expect((await h.table.repositories.reportSubmissions.get('t1', MONTH))?.figures).toEqual(figures(3));
    expect((await read('supervisorT1', 't1')).body).toMatchObject({ submission: { submittedByName: '孙河口', late: false } });
  });

  it('after the deadline it is kept as late; the district sees which towns sent, when, and which late', async () => {
    await submit('supervisorT1', 't1');
    h.setNow('2026-03-15T16:00:00.000Z');
    expect((await submit('supervisorT2', 't2')).body.submission.late).toBe(true);

    const district = await read('districtOfficer', 'd1');
    expect(district.body.parts.map((part: { name: string; submission: unknown }) => [part.name, part.submission])).toEqual([
      ['河口镇', { submittedAt: '2026-03-10T02:00:00.000Z', submittedByName: '孙河口', late: false }],
      ['山前镇', { submittedAt: '2026-03-15T16:00:00.000Z', submittedByName: '周山前', late: true }],
    ]);
    expect((await submit('districtOfficer', 'd1')).body.submission).toMatchObject({ submittedByName: '褚区局', late: false });
    expect((await read('cityOfficer', 'c1')).body.parts.map((part: { name: string; submission: { late: boolean } | null }) => [part.name, part.submission?.late ?? null])).toEqual([
      ['临江区', false],
      ['北岸区', null],
    ]);
  });

  it('is refused to the levels above (403) and to another town (404), writing nothing but the refusal', async () => {
    const writes = await h.writesOf(async () => {
      expect((await submit('districtOfficer', 't1')).status).toBe(403);
      expect((await submit('cityOfficer', 'd1')).status).toBe(403);
      expect((await submit('cityOfficer', 'c1')).status).toBe(403);
      expect((await submit('supervisorT1', 'v1')).status).toBe(403);
      expect((await submit('supervisorT2', 't1')).status).toBe(404);
    });
    expect(writes.added.map((item) => [item.entity, item.outcome])).toEqual(Array(5).fill(['audit', 'denied']));
    expect(await h.table.repositories.reportSubmissions.get('t1', MONTH)).toBeNull();
  });

  it('is refused (409, in words) for a month the roll-up has not made yet', async () => {
    const res = await submit('supervisorT1', 't1', '2026-03');
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ field: 'month', detail: '2026-03 的月度汇报尚未生成（每月 1 日汇总上月数据），暂不能提交' });
  });
});

describe('the year of a region and its parts (赛马比拼)', () => {
  it("gives each town's figures month by month, null where there is no report", async () => {
    await putReports('2026-01');
    const res = await h.call('GET', '/api/v1/reports/d1/years/2026', { as: 'districtOfficer' });
    expect(res.status).toBe(200);
    expect(res.body.months).toHaveLength(12);
    expect(res.body.parts.map((part: { name: string; figures: (MonthlyFigures | null)[] }) => [part.name, part.figures.slice(0, 3).map((f) => f?.visitsDone ?? null)])).toEqual([
      ['河口镇', [21, 21, null]],
      ['山前镇', [21, 21, null]],
    ]);
    expect(res.body.totals[1].visitsDone).toBe(42);
  });
});

describe('the 走访情况月度汇报表 download', () => {
  it('as .xlsx: the title, the region and month, Chinese headers in order, one row per village and 合计', async () => {
    await submit('supervisorT1', 't1');
    const res = await h.app.request(`/api/v1/reports/t1/months/${MONTH}/export?format=xlsx`, { headers: { authorization: `Bearer ${await h.tokenFor('supervisorT1')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('走访情况月度汇报表-河口镇-2026-02.xlsx'));

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A1').value).toBe('走访情况月度汇报表');
    expect(sheet.getCell('A2').value).toBe('河口镇  2026年2月');
    expect(String(sheet.getCell('A3').value)).toContain('已提交：2026-03-10 10:00，孙河口');
    expect((sheet.getRow(4).values as unknown[]).slice(1)).toEqual(['村（居）', ...monthlyFigureKeys.map((key) => monthlyFigureNames[key])]);
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    // The last column is R5's activities held (issue 11 part 4).
    expect(row(5)).toEqual(['东湾村', 10, 0, 0, 0, 8, 7, 6, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(row(6)[0]).toBe('西湾村');
    expect(row(7)).toEqual(['合计', 30, 0, 0, 0, 24, 21, 18, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("as .csv with a UTF-8 byte-order mark; a district's has its towns' submission column", async () => {
    await submit('supervisorT1', 't1');
    const res = await h.app.request(`/api/v1/reports/d1/months/${MONTH}/export?format=csv`, { headers: { authorization: `Bearer ${await h.tokenFor('districtOfficer')}` } });
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('走访情况月度汇报表');
    expect(lines[3]).toBe(['镇（街道）', ...monthlyFigureKeys.map((key) => monthlyFigureNames[key]), '提交情况'].join(','));
    expect(lines[4]).toMatch(/^河口镇,30,.*,已提交 2026-03-10 10:00 孙河口$/);
    expect(lines[5]).toMatch(/^山前镇,30,.*,未提交$/);
    expect(lines[6]).toMatch(/^合计,60,/);
  });

  it('refuses an unknown format, naming it', async () => {
    const res = await h.call('GET', `/api/v1/reports/t1/months/${MONTH}/export?format=pdf`, { as: 'supervisorT1' });
    expect([res.status, res.body.field]).toEqual([400, 'format']);
  });
});
