import { describe, expect, it } from 'vitest';
import { contactPhoneSchema, DESCRIPTION_MAX, publicConcernInputSchema, staffConcernInputSchema } from '../../functions/src/domain/concern.js';
import {
  initialReportForm,
  parseReportForm,
  reportFieldOf,
  reportTextLimits,
  toPublicConcernInput,
  toStaffConcernInput,
  validateReportForm,
  type ConcernReportForm,
} from '../../miniapp/src/lib/concern-report-form.js';
import { createFormDraftStore } from '../../miniapp/src/lib/form-draft.js';
import type { PlacePath } from '../../miniapp/src/lib/place-path.js';
import { fakeStorage } from '../support/fake-storage.js';

/** Issue 8, part 1: the report form says what is missing before sending, and sends what the server accepts. */
const village: PlacePath = [
  { id: 'demo-city', name: '上海市', level: 'city' },
  { id: 'demo-district', name: '松江区', level: 'district' },
  { id: 'demo-town-yexie', name: '叶榭镇', level: 'town' },
  { id: 'demo-village-jinglingqiao', name: '井凌桥村', level: 'village' },
];

function filledPublicForm(change: Partial<ConcernReportForm> = {}): ConcernReportForm {
  return {
    ...initialReportForm('public'),
    childDescription: '男孩，七八岁，穿红色上衣',
    place: village,
    kinds: ['leftAloneAtHome', 'drowningRisk'],
    urgent: true,
    description: '孩子一个人在河边玩了一下午，没有大人',
    ...change,
  };
}

describe('the public report form (issue 8, part 1)', () => {
  it('says, for an untouched form, each thing that is missing next to its field', () => {
    const errors = validateReportForm(initialReportForm('public'), 'public');

    expect(Object.keys(errors).sort()).toEqual(['child', 'description', 'kinds', 'place', 'urgent']);
    expect(errors.urgent).toBe('请选择孩子现在是否有危险');
  });

  it('asks for a village, not only a town', () => {
    expect(validateReportForm(filledPublicForm({ place: village.slice(0, 3) }), 'public').place).toBe('请选择孩子所在的村（社区）');
  });

  it('sends what the server accepts: the child described, never an id, and name and phone as null when left empty (anonymous)', () => {
    const form = filledPublicForm({ reporterName: '  ', reporterPhone: '' });
    expect(validateReportForm(form, 'public')).toEqual({});

    const input = toPublicConcernInput(form);

    expect(publicConcernInputSchema.parse(input)).toMatchObject({
      childDescription: '男孩，七八岁，穿红色上衣',
      villageId: 'demo-village-jinglingqiao',
      kinds: ['leftAloneAtHome', 'drowningRisk'],
      urgent: true,
      reporterName: null,
      reporterPhone: null,
    });
    expect(JSON.stringify(input)).not.toContain('childId');
  });

  it.each([
    ['13800138000', true],
    ['021-57801234', true],
    ['+8613800138000', true],
    ['1380', false],
    ['138 0013 8000', false],
    ['电话13800138000', false],
  ])('judges the phone %s as the server does (%s)', (phone, valid) => {
    expect(contactPhoneSchema.safeParse(phone).success).toBe(valid);
    expect(validateReportForm(filledPublicForm({ reporterPhone: phone }), 'public').reporterPhone === undefined).toBe(valid);
  });

  it('stops each field at the server’s own limit', () => {
    expect(reportTextLimits.description).toBe(DESCRIPTION_MAX);
    const longest = filledPublicForm({
      childDescription: '童'.repeat(reportTextLimits.childDescription),
      description: '情'.repeat(reportTextLimits.description),
      reporterName: '王'.repeat(reportTextLimits.reporterName),
      reporterPhone: `1${'3'.repeat(reportTextLimits.reporterPhone - 1)}`,
    });
    expect(publicConcernInputSchema.safeParse(toPublicConcernInput(longest)).success).toBe(true);
    const over = { ...toPublicConcernInput(longest), childDescription: '童'.repeat(reportTextLimits.childDescription + 1) };
    expect(publicConcernInputSchema.safeParse(over).success).toBe(false);
  });
});

describe('the signed-in report form (issue 8, part 1)', () => {
  const child = { id: 'demo-child-001', name: '张小明', villageName: '井凌桥村' };

  it('asks which child, and for a child of the list needs no place: the child’s village is where it goes', () => {
    expect(validateReportForm(initialReportForm('signedIn'), 'signedIn').child).toBe('请选择是哪个孩子');
    const form: ConcernReportForm = { ...initialReportForm('signedIn', child), kinds: ['neglect'], urgent: false, description: '连续三天没人做饭' };
    expect(validateReportForm(form, 'signedIn')).toEqual({});

    expect(staffConcernInputSchema.parse(toStaffConcernInput(form))).toMatchObject({
      child: { kind: 'known', childId: 'demo-child-001' },
      villageId: null,
      urgent: false,
    });
  });

  it('for a child not in the list, needs a description and a village, and sends them', () => {
    const form: ConcernReportForm = { ...initialReportForm('signedIn'), childChoice: 'unknown', kinds: ['bullying'], urgent: false, description: '放学路上被高年级学生拦住' };
    expect(Object.keys(validateReportForm(form, 'signedIn')).sort()).toEqual(['child', 'place']);

    const described = { ...form, childDescription: '四年级女生', place: village };
    expect(staffConcernInputSchema.parse(toStaffConcernInput(described))).toMatchObject({
      child: { kind: 'unknown', description: '四年级女生' },
      villageId: 'demo-village-jinglingqiao',
    });
  });

  it('starts a volunteer, who reads no child records, at describing the child, even from a preset', () => {
    expect(initialReportForm('signedIn', child, false)).toMatchObject({ childChoice: 'unknown', child: null });
    expect(initialReportForm('public', child)).toMatchObject({ childChoice: 'unknown', child: null });
  });
});

describe('a report form’s draft and the server’s problems', () => {
  it('keeps the form and its key across a restart, per user and child, and is gone once cleared', () => {
    const storage = fakeStorage();
    const draft = { key: 'report-key-1', form: filledPublicForm(), savedAt: '2026-11-23T02:00:00Z' };
    createFormDraftStore(storage, 'shouhu.concernDraft', parseReportForm).save('public', 'new', draft);

    const store = createFormDraftStore(storage, 'shouhu.concernDraft', parseReportForm);
    expect(store.load('public', 'new')).toEqual(draft);
    expect(store.load('dir-1', 'new')).toBeNull();
    store.clear('public', 'new');
    expect(store.load('public', 'new')).toBeNull();
  });

  it.each([
    ['no kinds list', { ...filledPublicForm(), kinds: 'neglect' }],
    ['urgent as text', { ...filledPublicForm(), urgent: 'yes' }],
    ['a description missing', { ...filledPublicForm(), description: undefined }],
  ])('takes a stored form with %s for no draft', (_, form) => {
    expect(parseReportForm(form as unknown as Record<string, unknown>)).toBeNull();
  });

  it.each([
    ['childDescription', 'child'],
    ['child.description', 'child'],
    ['villageId', 'place'],
    ['kinds.0', 'kinds'],
    ['description', 'description'],
    ['reporterName', 'reporterPhone'],
    ['Idempotency-Key', null],
    [undefined, null],
  ])('puts a server problem about %s at the form’s %s', (field, expected) => {
    expect(reportFieldOf(field)).toBe(expected);
  });
});
