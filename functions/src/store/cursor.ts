import { z } from 'zod';
import { RuleViolationError } from '../domain/errors.js';

/**
 * A page cursor is opaque to clients: base64url of JSON holding DynamoDB's LastEvaluatedKey (and, for a city, which
 * district the page stopped in). Anything that does not decode to that shape is the client's mistake.
 */
const storedKeySchema = z.record(z.string(), z.string());
export type StoredKey = z.infer<typeof storedKeySchema>;

export const cursorSchema = z
  .object({
    /** Index of the district (in id order) a city-wide list stopped in. */
    d: z.number().int().nonnegative().optional(),
    /** Where to start inside that partition; null to start at its beginning. */
    k: storedKeySchema.nullable(),
  })
  .strict();
export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeCursor(text: string | null | undefined): Cursor | null {
  if (text === null || text === undefined || text === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const result = cursorSchema.safeParse(parsed);
  if (!result.success) throw invalidCursor();
  return result.data;
}

export function invalidCursor(): RuleViolationError {
  return new RuleViolationError('分页游标无效，请从第一页重新开始', 'cursor');
}
