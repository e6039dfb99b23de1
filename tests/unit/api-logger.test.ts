import { describe, expect, it } from 'vitest';
import { createLogger, FILTERED, redact } from '../../functions/src/api/logger.js';

function captureLogger() {
  const lines: string[] = [];
  const logger = createLogger({ write: (line) => lines.push(line), clock: () => new Date('2026-03-10T02:00:00Z') });
  return { logger, lines };
}

describe('logger redaction (Primero: sensitive parameters are filtered, the test asserts [FILTERED])', () => {
  it('replaces personal-data and secret keys at any depth and keeps the rest', () => {
    // Prepare
    const { logger, lines } = captureLogger();

    // Act
    logger.info('child saved', {
      childId: 'c-1',
      name: '李小明',
      idNumber: '310117201605011234',
      child: { address: '井凌桥村3组12号', guardians: [{ name: '李大山', phone: '13800001111' }], riskLevel: 'red' },
      code: '081abcDEF',
      session_key: 'tiihtNczf5v6AKRyjwEUhQ==',
      sessionKey: 'again',
      token: 'eyJhbGciOi.x.y',
      Authorization: 'Bearer eyJ',
      openid: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M',
      appSecret: 'secret-value',
    });

    // Assess
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]);
    expect(entry).toMatchObject({
      level: 'info',
      message: 'child saved',
      time: '2026-03-10T02:00:00.000Z',
      childId: 'c-1',
      name: FILTERED,
      idNumber: FILTERED,
      child: { address: FILTERED, guardians: FILTERED, riskLevel: 'red' },
      code: FILTERED,
      session_key: FILTERED,
      sessionKey: FILTERED,
      token: FILTERED,
      Authorization: FILTERED,
      openid: FILTERED,
      appSecret: FILTERED,
    });
    for (const secret of ['李小明', '310117201605011234', '13800001111', '081abcDEF', 'tiihtNczf5v6AKRyjwEUhQ==', 'secret-value']) {
      expect(lines[0]).not.toContain(secret);
    }
  });

  it('scrubs phone and ID numbers that slipped into free text, in messages and error messages', () => {
    const { logger, lines } = captureLogger();

    logger.error('lookup for 13800001111 failed', {
      error: new Error('no record for 31011720160501123X'),
      note: 'call 13912345678 tomorrow',
    });

    const entry = JSON.parse(lines[0]);
    expect(entry.message).toBe(`lookup for ${FILTERED} failed`);
    expect(entry.error.errorName).toBe('Error');
    expect(entry.error.message).toBe(`no record for ${FILTERED}`);
    expect(entry.note).toBe(`call ${FILTERED} tomorrow`);
    expect(lines[0]).not.toMatch(/1380000|1391234|3101172016/);
  });

  it('keeps ids and numbers that are not personal data, and survives cycles', () => {
    const cyclic: Record<string, unknown> = { requestId: 'r-1', status: 404, durationMs: 12 };
    cyclic.self = cyclic;

    expect(redact(cyclic)).toEqual({ requestId: 'r-1', status: 404, durationMs: 12, self: '[Circular]' });
  });
});
