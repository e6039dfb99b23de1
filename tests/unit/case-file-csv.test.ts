import { describe, expect, it } from 'vitest';
import { sectionCsvOf } from '../../functions/src/api/case-file-export/case-file-zip.js';
import { sectionOf } from '../../functions/src/domain/case-file.js';

/** R7: each section of a child's file as a CSV a cadre's spreadsheet opens: Chinese headers, text quoted where needed. */
describe('a case-file section as CSV', () => {
  it('quotes commas, quotes and line breaks, and keeps each value under its header', () => {
    const section = sectionOf('concerns', [
      { fields: [{ label: '问题类型', value: '疏于照料、欺凌' }, { label: '情况描述', value: '晚上独自在家, 邻居说"常哭"\n已报告' }] },
      { fields: [{ label: '情况描述', value: '无' }] },
    ]);

    const csv = sectionCsvOf(section);

    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['问题类型,情况描述', '疏于照料、欺凌,"晚上独自在家, 邻居说""常哭""\n已报告"', ',无', '']);
  });

  it('says an empty section in words (暂无评估记录)', () => {
    expect(sectionCsvOf(sectionOf('assessments', [])).slice(1)).toBe('说明\r\n暂无评估记录\r\n');
  });
});
