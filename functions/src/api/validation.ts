import type { Context } from 'hono';
import type { z } from 'zod';
import type { Env } from './context.js';
import { problemKinds, respondWithProblem, type FieldError } from './problem.js';

/**
 * Validation failures at the edge (STYLE.md habit 2): one 400 problem naming the first bad field by its path
 * (`changes.birthDate`, `guardians.0.phone`) and listing every issue; the handler never runs, so nothing is written.
 */
type Issue = z.core.$ZodIssue;

const typeNames: Record<string, string> = {
  string: '字符串',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  object: '对象',
  array: '数组',
  null: 'null',
};

function describeIssue(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `类型不正确，应为${typeNames[issue.expected] ?? issue.expected}`;
    case 'unrecognized_keys':
      return '不允许的字段';
    case 'too_big':
      return issue.origin === 'string' ? `不能超过${String(issue.maximum)}个字符` : `超出上限（${String(issue.maximum)}）`;
    case 'too_small':
      if (issue.origin !== 'string') return `低于下限（${String(issue.minimum)}）`;
      return issue.minimum === 1 ? '不能为空' : `不能少于${String(issue.minimum)}个字符`;
    case 'invalid_format':
      return '格式不正确';
    case 'invalid_value':
      return '取值不在允许范围内';
    case 'invalid_union':
      return '格式不正确';
    case 'not_multiple_of':
      return '取值不正确';
    case 'custom':
      // Our own refinements (text.ts, date-bounds.ts) say what is wrong in Chinese.
      return issue.message;
    default:
      return '不符合要求';
  }
}

function pathOf(segments: readonly PropertyKey[]): string {
  return segments.map(String).join('.');
}

/** An unknown key is reported at its own path, so `changes.nickname` is named rather than `changes`. */
export function fieldErrorsOf(issues: readonly Issue[]): FieldError[] {
  return issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ field: pathOf([...issue.path, key]), message: describeIssue(issue) }))
      : [{ field: pathOf(issue.path) || '(body)', message: describeIssue(issue) }],
  );
}

export function respondToInvalidInput(
  result: { success: true } | { success: false; error: { issues: readonly Issue[] } },
  c: Context<Env>,
): Response | undefined {
  if (result.success) return undefined;
  const errors = fieldErrorsOf(result.error.issues);
  const first = errors[0];
  return respondWithProblem(c, problemKinds.invalidInput, `字段 ${first.field} ${first.message}`, {
    field: first.field,
    errors,
  });
}
