import { DomainError, ForbiddenError } from '../domain/errors.js';
import type { FieldError } from './problem.js';

/** Input that is well-typed for the schema but unusable, e.g. a cursor that does not decode. Answered 400. */
export class InvalidInputError extends DomainError {
  readonly code = 'INVALID_INPUT';
}

/** API3: a patch touching fields the role may not set is refused whole, naming the first field and listing all. */
export class ForbiddenFieldsError extends ForbiddenError {
  readonly errors: FieldError[];
  constructor(fields: string[]) {
    super(`当前角色无权修改：${fields.join('、')}`, fields[0]);
    this.errors = fields.map((field) => ({ field, message: '当前角色无权修改此字段' }));
  }
}
