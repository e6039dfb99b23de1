import { beforeAll, describe, expect, it } from 'vitest';
import { channelConfigFrom } from '../../functions/src/notify/channel-config.js';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';

/**
 * /api/v1/me/subscriptions: the mini-program reports what wx.requestSubscribeMessage answered, and the page reads
 * back which consent the user has (一次性 N 条 / 长期订阅 / 未开启). Only configured templates exist.
 */
let h: ApiHarness;
let off: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness({
    channels: channelConfigFrom({ SHOUHU_WECHAT_TEMPLATE_REMINDER: 'tmpl-reminder', SHOUHU_WECHAT_TEMPLATE_DIGEST: 'tmpl-digest' }),
  });
  off = await startApiHarness();
});

const report = (answers: unknown) => ({ json: { answers } });

describe('a user’s subscription-message consents', () => {
  it('start with none', async () => {
    const res = await h.call('GET', '/api/v1/me/subscriptions', { as: 'guardianA' });

    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.templates).toEqual([
      { purpose: 'reminder', templateId: 'tmpl-reminder', kind: 'oneTime', oneTimeLeft: 0, longTerm: false },
      { purpose: 'digest', templateId: 'tmpl-digest', kind: 'longTerm', oneTimeLeft: 0, longTerm: false },
    ]);
  });

  it('count one message per one-time accept, and keep the long-term one until it is turned off', async () => {
    const who = { as: 'supervisorT1' as const };
    await h.call('POST', '/api/v1/me/subscriptions', { ...who, ...report([{ templateId: 'tmpl-reminder', answer: 'accept' }]) });
    await h.call('POST', '/api/v1/me/subscriptions', { ...who, ...report([{ templateId: 'tmpl-reminder', answer: 'reject' }]) });
    const both = await h.call('POST', '/api/v1/me/subscriptions', {
      ...who,
      ...report([
        { templateId: 'tmpl-reminder', answer: 'accept' },
        { templateId: 'tmpl-digest', answer: 'accept' },
      ]),
    });
    const turnedOff = await h.call('POST', '/api/v1/me/subscriptions', { ...who, ...report([{ templateId: 'tmpl-digest', answer: 'reject' }]) });

    expect(both.status).toBe(200);
    expect(both.body.templates.map((t: { oneTimeLeft: number; longTerm: boolean }) => [t.oneTimeLeft, t.longTerm])).toEqual([
      [2, false],
      [0, true],
    ]);
    expect(turnedOff.body.templates[1].longTerm).toBe(false);
    // Another user's consents are theirs alone.
    expect((await h.call('GET', '/api/v1/me/subscriptions', { as: 'guardianB' })).body.templates[0].oneTimeLeft).toBe(0);
  });

  it('refuse a template this deployment did not configure, naming it, and write nothing', async () => {
    const writes = await h.writesOf(async () => {
      const res = await h.call('POST', '/api/v1/me/subscriptions', {
        as: 'guardianA',
        ...report([
          { templateId: 'tmpl-reminder', answer: 'accept' },
          { templateId: 'tmpl-other', answer: 'accept' },
        ]),
      });
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.field).toBe('answers.1.templateId');
    });

    expect(writes).toEqual({ added: [], removedOrChanged: [] });
  });

  it('refuse an answer WeChat does not give, and more than three templates', async () => {
    const wrong = await h.call('POST', '/api/v1/me/subscriptions', { as: 'guardianA', ...report([{ templateId: 'tmpl-reminder', answer: 'yes' }]) });
    const many = await h.call('POST', '/api/v1/me/subscriptions', {
      as: 'guardianA',
      ...report(Array(4).fill({ templateId: 'tmpl-reminder', answer: 'accept' })),
    });

    expect([wrong.status, wrong.body.field]).toEqual([400, 'answers.0.answer']);
    expect([many.status, many.body.field]).toEqual([400, 'answers']);
  });

  it('need a signed-in user', async () => {
    expect((await h.call('GET', '/api/v1/me/subscriptions')).status).toBe(401);
  });

  it('are an empty list, and every report refused, when no template is configured', async () => {
    const status = await off.call('GET', '/api/v1/me/subscriptions', { as: 'guardianA' });
    const reported = await off.call('POST', '/api/v1/me/subscriptions', { as: 'guardianA', ...report([{ templateId: 'tmpl-reminder', answer: 'accept' }]) });

    expect(status.body).toEqual({ templates: [] });
    expect(reported.status).toBe(400);
  });
});
