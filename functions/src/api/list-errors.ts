import { DomainError } from '../domain/errors.js';
import { InvalidInputError } from './errors.js';

/** The store reports an undecodable cursor as a rule error on `cursor`; to the client it is bad input (400). */
export function rethrowCursorError(error: unknown): never {
  if (error instanceof DomainError && error.field === 'cursor') throw new InvalidInputError(error.message, 'cursor');
  throw error;
}
