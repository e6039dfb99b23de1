import { InvalidInputError } from './errors.js';

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

/** The Idempotency-Key header of a check-in, named as the client spells it when it is missing or malformed. */
export function parseIdempotencyKey(header: string | undefined): string {
  if (header === undefined || header === '') {
    throw new InvalidInputError('请求须带 Idempotency-Key 请求头（8–64 位字母、数字、“-”或“_”）', 'Idempotency-Key');
  }
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw new InvalidInputError('Idempotency-Key 须为 8–64 位字母、数字、“-”或“_”', 'Idempotency-Key');
  }
  return header;
}
