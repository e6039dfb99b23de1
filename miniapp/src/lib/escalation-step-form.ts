import type { EscalationStepRequest } from '../api/escalation-types';
import type { CaseStep } from './escalation-words';

/**
 * A level's step on a difficult case (issue 8, R6): acknowledging is one tap; resolving says what was done, raising
 * why this level cannot solve it. Checked as escalation-lifecycle.ts checks it (a note of blanks only is none).
 */

/** The server's limit (escalation-lifecycle.ts: note 1000). */
export const caseNoteLimit = 1000;

/** Whether the step asks for a note before it can be sent. */
export function needsNote(step: CaseStep): boolean {
  return step !== 'acknowledge';
}

/** The note's label and an example, per step. */
export function noteFieldOf(step: CaseStep): { label: string; placeholder: string } {
  if (step === 'resolve') {
    return { label: '处理结果（必填）：做了什么，结果如何', placeholder: '如：已协调镇卫生院安排每月上门复诊，孩子由姑姑接回照看，村里每周回访' };
  }
  return { label: '上报原因（必填）：本级为什么解决不了', placeholder: '如：孩子需要长期住院治疗，费用超出镇里能救助的范围，需要区里协调医疗救助' };
}

/** What is missing for this step, in words; null when it can be sent. */
export function caseStepProblemOf(step: CaseStep, note: string): string | null {
  if (!needsNote(step) || note.trim() !== '') return null;
  return step === 'resolve' ? '请写下处理结果：做了什么，结果如何' : '请写下上报原因：本级为什么解决不了';
}

/** Acknowledging sends no note: the one-tap step has no field for it. */
export function toCaseStepRequest(step: CaseStep, note: string, version: number): EscalationStepRequest {
  return { action: step, note: needsNote(step) ? note : '', version };
}
