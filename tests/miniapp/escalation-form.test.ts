import { describe, expect, it } from 'vitest';
import { escalationInputSchema } from '../../functions/src/domain/escalation.js';
import { fieldErrorsOf } from '../../functions/src/api/validation.js';
import {
  emptyEscalationForm,
  ESCALATION_TEXT_MAX,
  escalationFieldOf,
  parseEscalationForm,
  toEscalationInput,
  validateEscalationForm,
  type EscalationForm,
} from '../../miniapp/src/lib/escalation-form.js';
import { fieldMessageOf } from '../../miniapp/src/lib/field-message.js';
import { createFormDraftStore } from '../../miniapp/src/lib/form-draft.js';
import { fakeStorage } from '../support/fake-storage.js';

/** Issue 8, part 4 (R6): the handling form says what is missing before sending, and sends what the server accepts. */
function filled(change: Partial<EscalationForm> = {}): EscalationForm {
  return {
    problem: '父亲服刑，奶奶年迈多病，孩子常常一个人在家。',
    tried: '社工每周上门两次；村里联系了邻居照看。',
    helpNeeded: '协调落实事实无人抚养儿童的认定和补贴。',
    urgent: false,
    ...change,
  };
}

describe('the handling form (疑难个案处置表)', () => {
  it('says, for an untouched form, each thing that is missing next to its field, in Chinese', () => {
    const errors = validateEscalationForm(emptyEscalationForm);

    expect(Object.keys(errors).sort()).toEqual(['helpNeeded', 'problem', 'tried', 'urgent']);
    expect(errors.urgent).toBe('请选择是否紧急');
    expect(Object.values(errors).join('')).not.toMatch(/[A-Za-z]/);
  });

  it('refuses text of blanks only, as the server does', () => {
    expect(escalationInputSchema.safeParse(toEscalationInput(filled({ tried: ' \u3000\n ' }))).success).toBe(false);
    expect(validateEscalationForm(filled({ tried: ' \u3000\n ' }))).toEqual({ tried: '请写下已经采取的措施；还没有采取的话写“暂无”' });
  });

  it('asks whether it is urgent rather than assuming "no", and sends the answer given', () => {
    expect(validateEscalationForm(filled({ urgent: null })).urgent).toBeDefined();
    expect(escalationInputSchema.parse(toEscalationInput(filled({ urgent: false })))).toMatchObject({ urgent: false });
    expect(escalationInputSchema.parse(toEscalationInput(filled({ urgent: true })))).toMatchObject({ urgent: true });
  });

  it('stops each text at the server’s own limit, counting characters as the server does', () => {
    const longest = filled({ problem: '难'.repeat(ESCALATION_TEXT_MAX), tried: '𠀀'.repeat(ESCALATION_TEXT_MAX) });
    expect(validateEscalationForm(longest)).toEqual({});
    expect(escalationInputSchema.safeParse(toEscalationInput(longest)).success).toBe(true);

    const tooLong = filled({ helpNeeded: '难'.repeat(ESCALATION_TEXT_MAX + 1) });
    expect(escalationInputSchema.safeParse(toEscalationInput(tooLong)).success).toBe(false);
    expect(validateEscalationForm(tooLong).helpNeeded).toBe('不能超过1000个字');
  });

  it('keeps a draft with its key across a restart, and drops a stored draft that is not whole', () => {
    const storage = fakeStorage();
    const store = createFormDraftStore(storage, 'test.escalation', parseEscalationForm);
    store.save('u1', 'child-1', { key: 'key-12345678', form: filled({ urgent: null }), savedAt: '2026-11-30T06:00:00Z' });

    const reopened = createFormDraftStore(storage, 'test.escalation', parseEscalationForm);
    expect(reopened.load('u1', 'child-1')).toEqual({ key: 'key-12345678', form: filled({ urgent: null }), savedAt: '2026-11-30T06:00:00Z' });
    expect(reopened.load('u1', 'child-2')).toBeNull();

    storage.set('test.escalation.u1.child-3', { key: 'k', savedAt: 'x', form: { problem: '有', tried: 3, helpNeeded: '', urgent: null } });
    storage.set('test.escalation.u1.child-4', { key: 'k', savedAt: 'x', form: { ...filled(), urgent: 'yes' } });
    expect(reopened.load('u1', 'child-3')).toBeNull();
    expect(reopened.load('u1', 'child-4')).toBeNull();
  });
});

describe("the server's refusal of a field", () => {
  it('is said next to the field it names, without the field’s code name', () => {
    const result = escalationInputSchema.safeParse({ ...toEscalationInput(filled()), tried: '\u200B\u200B' });
    expect(result.success).toBe(false);
    const [first] = fieldErrorsOf(result.error!.issues);
    // As validation.ts words the problem of a whole request.
    const problem = { status: 400, title: '请求参数有误', field: first.field, detail: `字段 ${first.field} ${first.message}` };

    expect(escalationFieldOf(problem.field)).toBe('tried');
    expect(fieldMessageOf(problem)).toBe('不能只有空格或不可见字符');
  });

  it('is about the form as a whole when it names no field of the form (the key, the child)', () => {
    expect(escalationFieldOf('Idempotency-Key')).toBeNull();
    expect(escalationFieldOf('id')).toBeNull();
    expect(escalationFieldOf(undefined)).toBeNull();
    expect(escalationFieldOf('helpNeeded')).toBe('helpNeeded');
    expect(fieldMessageOf({ title: '该儿童已结案，不能提请疑难个案' })).toBe('该儿童已结案，不能提请疑难个案');
  });
});
