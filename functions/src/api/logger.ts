/**
 * Structured JSON logs that never carry personal data or secrets (RELIABILITY.md: Primero filters sensitive
 * parameters and asserts `[FILTERED]`; ASVS: sensitive data never in logs). Redaction is by key, at any depth,
 * plus a scrub of values shaped like a mainland phone or ID number in free text.
 */
export type LogFields = Record<string, unknown>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export const FILTERED = '[FILTERED]';

/** Compared after lower-casing and dropping `_` and `-`, so `session_key` and `sessionKey` both match. */
const sensitiveKeys = new Set([
  'name',
  'phone',
  'idnumber',
  'address',
  'guardians',
  'guardianname',
  'code',
  'jscode',
  'token',
  'accesstoken',
  'authorization',
  'cookie',
  'sessionkey',
  'secret',
  'appsecret',
  'sessionsecret',
  'password',
  'openid',
  'wechatopenid',
  'unionid',
]);

const phonePattern = /(?<!\d)1\d{10}(?!\d)/g;
const idNumberPattern = /(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])/g;

function isSensitiveKey(key: string): boolean {
  return sensitiveKeys.has(key.toLowerCase().replace(/[_-]/g, ''));
}

function scrubText(text: string): string {
  return text.replace(idNumberPattern, FILTERED).replace(phonePattern, FILTERED);
}

/** Returns a copy safe to write: sensitive keys replaced, errors reduced to name/message/stack, cycles cut. */
export function redact(value: unknown, seen: WeakSet<object> = new WeakSet()): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[Circular]';
  seen.add(value);
  if (value instanceof Error) {
    return {
      errorName: value.name,
      message: scrubText(value.message),
      stack: value.stack ? scrubText(value.stack) : undefined,
    };
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, seen));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    copy[key] = isSensitiveKey(key) ? FILTERED : redact(item, seen);
  }
  return copy;
}

export interface LoggerOptions {
  /** Where each JSON line goes; stdout by default (CloudWatch in Lambda). */
  write?: (line: string) => void;
  /** Fields on every line, e.g. the service name. */
  base?: LogFields;
  clock?: () => Date;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`));
  const clock = options.clock ?? (() => new Date());
  const base = options.base ?? {};
  const emit = (level: 'info' | 'warn' | 'error', message: string, fields: LogFields = {}) => {
    const entry = redact({ ...base, ...fields }) as LogFields;
    write(JSON.stringify({ level, time: clock().toISOString(), message: scrubText(message), ...entry }));
  };
  return {
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
  };
}
