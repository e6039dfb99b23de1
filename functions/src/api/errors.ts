import { DomainError } from '../domain/errors.js';

export { ForbiddenFieldsError } from '../domain/errors.js';

/** Input that is well-typed for the schema but unusable, e.g. a cursor that does not decode. Answered 400. */
export class InvalidInputError extends DomainError {
  readonly code = 'INVALID_INPUT';
}
