import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, sessionTokensFor } from '../../functions/src/api/app.js';
import { mountDevLogin } from '../../functions/src/api/dev-login.js';
import { domainEventSchema } from '../../functions/src/events/domain-events.js';
import { currentPledgeText } from '../../functions/src/domain/pledge-texts.js';
import type { User } from '../../functions/src/domain/user.js';
import { startWechatStub, type WechatStub } from '../support/wechat-stub.js';
import { connectionFrom, startApiHarness, type ApiHarness } from './support/api-harness.js';
import { users } from './support/seed-area.js';

/**
 * Issue 11 part 2: a WeChat user without an account gets a registration ticket from /auth/wechat, applies as a
 * volunteer, and the chosen organization's admin approves (an account bound to the openid: WeChat login now works)
 * or refuses with a reason. Against DynamoDB Local and a local code2Session stub.
 */
let stub: WechatStub;
let h: ApiHarness;
let ip = 0;
let applicant = 0;

/** A second organization, in the other district, with its own admin: related to nothing of org1. */
const otherAdmin: User = {
  id: 'u-org-admin-2',
  name: '蒋北岸',
  role: 'orgAdmin',
  scope: { level: 'district', regionId: 'd2' },
  organizationId: 'org2',
  phone: null,
  wechatOpenId: 'openid-u-org-admin-2',
  pledgeSignedAt: '2026-01-05T01:00:00.000Z',
  pledgeVersion: currentPledgeText().id,
  version: 1,
};

const freshIp = () => `198.51.100.${(ip += 1)}`;

/** A new WeChat user the stub knows, with the code that logs them in. */
function newWechatUser(): { code: string; openId: string } {
  applicant += 1;
  const identity = { code: `code-applicant-${applicant}`, openId: `oAPPLICANT${applicant}x7Kq2` };
  stub.script(identity.code, { kind: 'session', openId: identity.openId });
  return identity;
}

const wechatLogin = (code: string) => h.call('POST', '/api/v1/auth/wechat', { json: { code }, remoteAddress: freshIp() });

async function ticketOfNewUser() {
  const identity = newWechatUser();
  const res = await wechatLogin(identity.code);
  return { ...identity, ticket: res.body.registrationTicket as string };
}

const form = (ticket: string, overrides: Record<string, unknown> = {}) => ({ ticket, name: '林小雨', phone: '13912345678', organizationId: 'org1', ...overrides });
const apply = (json: unknown) => h.call('POST', '/api/v1/volunteer-applications', { json });

async function pendingApplication() {
  const identity = await ticketOfNewUser();
  const res = await apply(form(identity.ticket));
  expect(res.status).toBe(201);
  return { ...identity, application: res.body };
}

const outboxOf = (writes: { added: Record<string, unknown>[] }) => writes.added.filter((item) => item.entity === 'outbox').map((item) => domainEventSchema.parse(item.event));

beforeAll(async () => {
  stub = await startWechatStub();
  h = await startApiHarness({ wechat: { appId: stub.appId, appSecret: stub.appSecret, baseUrl: stub.baseUrl } });
  await h.runtime.repositories.organizations.create({ id: 'org2', name: '北岸启航志愿者协会', districtId: 'd2' });
  await h.runtime.repositories.users.create(otherAdmin);
});

afterAll(async () => {
  await stub.close();
});

describe('an unknown WeChat user gets a registration ticket', () => {
  it('answers /auth/wechat with 403 not-registered and a ticket that does not show the openid, writing nothing', async () => {
    const identity = newWechatUser();

    const writes = await h.writesOf(async () => {
      const res = await wechatLogin(identity.code);
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.body.type).toBe('urn:shouhu:problem:not-registered');
      expect(res.body.registrationTicket).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      expect(res.text).not.toContain(identity.openId);
      expect(Buffer.from(res.body.registrationTicket, 'base64url').toString('latin1')).not.toContain(identity.openId);
      expect(res.text).not.toContain('token');
    });

    expect(writes.added).toEqual([]);
    expect(writes.removedOrChanged).toEqual([]);
  });

  it('refuses a forged or expired ticket with 401 naming the ticket, and a malformed one with 400, writing nothing', async () => {
    const { ticket } = await ticketOfNewUser();
    const flipped = `${ticket.slice(0, 20)}${ticket[20] === 'A' ? 'B' : 'A'}${ticket.slice(21)}`;
    const statuses: [number, string | undefined][] = [];

    const writes = await h.writesOf(async () => {
      for (const bad of [flipped, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'not a ticket!']) {
        const res = await apply(form(bad));
        statuses.push([res.status, res.body.field]);
      }
      h.advanceSeconds(31 * 60);
      const expired = await apply(form(ticket));
      statuses.push([expired.status, expired.body.field]);
      expect(expired.body.detail).toContain('过期');
      h.advanceSeconds(-31 * 60);
    });

    expect(statuses).toEqual([
      [401, 'ticket'],
      [401, 'ticket'],
      [400, 'ticket'],
      [401, 'ticket'],
    ]);
    expect(writes.added).toEqual([]);
  });
});

describe('POST /api/v1/volunteer-applications', () => {
  it.each([
    ['phone', { phone: '1234' }],
    ['name', { name: '   ' }],
    ['organizationId', { organizationId: 'org 1' }],
    ['extra', { extra: 'x' }],
  ])('refuses bad %s with 400 naming it, writing nothing', async (field, overrides) => {
    const { ticket } = await ticketOfNewUser();

    const writes = await h.writesOf(async () => {
      const res = await apply(form(ticket, overrides));
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.stringify(res.body)).toContain(field);
    });

    expect(writes.added).toEqual([]);
  });

  it('refuses an organization that does not exist with 422 naming it', async () => {
    const { ticket } = await ticketOfNewUser();
    const res = await apply(form(ticket, { organizationId: 'org-nowhere' }));
    expect(res.status).toBe(422);
    expect(res.body.field).toBe('organizationId');
  });

  it('stores one pending application per WeChat user, with VolunteerApplied in the outbox (ids only); a retry answers the same', async () => {
    const { ticket } = await ticketOfNewUser();

    let first: { status: number; body: any } = { status: 0, body: null };
    const writes = await h.writesOf(async () => {
      first = await apply(form(ticket));
    });
    const again = await h.writesOf(async () => {
      const retry = await apply(form(ticket, { name: '林小雪' }));
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
    });

    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ name: '林小雨', phone: '13912345678', organizationName: '江城阳光社工服务中心', status: 'pending', statusName: '审核中' });
    expect(JSON.stringify(first.body)).not.toContain('openid');
    expect(writes.added.filter((item) => item.entity === 'volunteerApplication')).toHaveLength(1);
    const events = outboxOf(writes);
    expect(events.map((e) => [e.detailType, e.detail])).toEqual([['VolunteerApplied', { applicationId: first.body.id, organizationId: 'org1' }]]);
    expect(JSON.stringify(events)).not.toMatch(/林小雨|13912345678/);
    expect(again.added).toEqual([]);
  });

  it("tells the organization's inbox once, which its admin reads, and not another organization's", async () => {
    const writes = await h.writesOf(pendingApplication);
    await h.drainEvents();
    const tokenOther = (await sessionTokensFor(h.deps).issue(otherAdmin)).token;

    const inbox = await h.call('GET', '/api/v1/inbox', { as: 'orgAdmin' });
    const other = await h.call('GET', '/api/v1/inbox', { token: tokenOther });
    const told = inbox.body.items.filter((item: { kind: string }) => item.kind === 'volunteerApplied');

    expect(told.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(told)).not.toMatch(/林小雨|13912345678/);
    expect(other.body.items.filter((item: { kind: string }) => item.kind === 'volunteerApplied')).toEqual([]);
    // EventBridge delivers at least once: the same events again tell nobody twice.
    await h.deliverAgain(outboxOf(writes));
    const again = await h.call('GET', '/api/v1/inbox', { as: 'orgAdmin' });
    expect(again.body.items.filter((item: { kind: string }) => item.kind === 'volunteerApplied')).toHaveLength(told.length);
  });

  it('shows the applicant their status with the ticket, and 404 before they applied', async () => {
    const { ticket } = await ticketOfNewUser();
    const before = await h.call('POST', '/api/v1/volunteer-applications/status', { json: { ticket } });
    await apply(form(ticket));
    const after = await h.call('POST', '/api/v1/volunteer-applications/status', { json: { ticket } });

    expect(before.status).toBe(404);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: 'pending', statusName: '审核中', refusalReason: null });
  });

  it('lists the organizations to choose from by name, without logging in', async () => {
    const res = await h.call('GET', '/api/v1/volunteer-applications/organizations');
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: 'org2', name: '北岸启航志愿者协会' },
      { id: 'org1', name: '江城阳光社工服务中心' },
    ]);
  });
});

describe('review by the organization admin', () => {
  it('lists pending applications to their organization admin only, phones masked', async () => {
    const { application } = await pendingApplication();
    const tokenOther = (await sessionTokensFor(h.deps).issue(otherAdmin)).token;

    const mine = await h.call('GET', '/api/v1/volunteer-applications/pending', { as: 'orgAdmin' });
    const other = await h.call('GET', '/api/v1/volunteer-applications/pending', { token: tokenOther });
    const director = await h.call('GET', '/api/v1/volunteer-applications/pending', { as: 'directorV1' });

    expect(mine.status).toBe(200);
    const row = mine.body.items.find((item: { id: string }) => item.id === application.id);
    expect(row).toMatchObject({ name: '林小雨', phoneMasked: '139****5678', statusName: '审核中', version: 1 });
    expect(mine.text).not.toContain('13912345678');
    expect(other.body.items.map((item: { id: string }) => item.id)).not.toContain(application.id);
    expect(director.status).toBe(403);
  });

  it("refuses another organization's admin (404) and other roles (403), writing nothing but the refusal's audit", async () => {
    const { application } = await pendingApplication();
    const tokenOther = (await sessionTokensFor(h.deps).issue(otherAdmin)).token;
    const path = `/api/v1/volunteer-applications/${application.id}/approval`;

    const writes = await h.writesOf(async () => {
      expect((await h.call('POST', path, { token: tokenOther, json: { version: 1 } })).status).toBe(404);
      expect((await h.call('POST', path, { as: 'districtOfficer', json: { version: 1 } })).status).toBe(403);
      expect((await h.call('POST', path.replace('approval', 'refusal'), { as: 'volunteer', json: { version: 1, reason: '不合适' } })).status).toBe(403);
    });

    expect(writes.added.map((item) => item.entity)).toEqual(['audit', 'audit', 'audit']);
    expect(writes.removedOrChanged).toEqual([]);
  });

  it('refusal needs a reason (400 naming it, nothing written)', async () => {
    const { application } = await pendingApplication();
    const writes = await h.writesOf(async () => {
      const res = await h.call('POST', `/api/v1/volunteer-applications/${application.id}/refusal`, { as: 'orgAdmin', json: { version: 1 } });
      expect(res.status).toBe(400);
      expect(res.body.field).toBe('reason');
    });
    expect(writes.added).toEqual([]);
  });

  it('approve and refuse racing on one version: one wins, the other is 409', async () => {
    const { application, ticket } = await pendingApplication();
    const base = `/api/v1/volunteer-applications/${application.id}`;

    const answers = await Promise.all([
      h.call('POST', `${base}/approval`, { as: 'orgAdmin', json: { version: 1 } }),
      h.call('POST', `${base}/refusal`, { as: 'orgAdmin', json: { version: 1, reason: '名额已满' } }),
    ]);

    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const status = await h.call('POST', '/api/v1/volunteer-applications/status', { json: { ticket } });
    const winner = answers.find((a) => a.status === 200)!;
    expect(status.body.status).toBe(winner.body.status);
  });

  it('a refusal is shown to the applicant with its reason and records VolunteerRefused', async () => {
    const { application, ticket, code } = await pendingApplication();

    const writes = await h.writesOf(async () => {
      const res = await h.call('POST', `/api/v1/volunteer-applications/${application.id}/refusal`, { as: 'orgAdmin', json: { version: 1, reason: '暂不招募' } });
      expect(res.status).toBe(200);
    });
    const status = await h.call('POST', '/api/v1/volunteer-applications/status', { json: { ticket } });
    const login = await wechatLogin(code);

    expect(status.body).toMatchObject({ status: 'refused', statusName: '未通过', refusalReason: '暂不招募' });
    expect(outboxOf(writes).map((e) => [e.detailType, e.detail])).toEqual([['VolunteerRefused', { applicationId: application.id, organizationId: 'org1' }]]);
    expect(writes.added.some((item) => item.entity === 'user')).toBe(false);
    expect(login.body.type).toBe('urn:shouhu:problem:not-registered');
  });

  it('an approval creates the volunteer account in one transaction with VolunteerApproved; WeChat login then opens it', async () => {
    const { application, ticket, code } = await pendingApplication();

    const writes = await h.writesOf(async () => {
      const res = await h.call('POST', `/api/v1/volunteer-applications/${application.id}/approval`, { as: 'orgAdmin', json: { version: 1, townId: 't2' } });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'approved', statusName: '已通过', version: 2 });
    });
    const account = writes.added.find((item) => item.entity === 'user')!;
    const login = await wechatLogin(code);
    const me = await h.call('GET', '/api/v1/me', { token: login.body.token });
    const childList = await h.call('GET', '/api/v1/children', { token: login.body.token });
    const status = await h.call('POST', '/api/v1/volunteer-applications/status', { json: { ticket } });

    expect(account).toMatchObject({
      role: 'volunteer',
      name: '林小雨',
      phone: '13912345678',
      organizationId: 'org1',
      scope: { level: 'town', regionId: 't2' },
      pledgeSignedAt: null,
    });
    expect(outboxOf(writes).map((e) => [e.detailType, e.detail])).toEqual([
      ['VolunteerApproved', { applicationId: application.id, organizationId: 'org1', userId: account.id }],
    ]);
    expect(login.status).toBe(200);
    expect(login.body.user).toMatchObject({ id: account.id, role: 'volunteer', roleName: '志愿者', organizationId: 'org1' });
    expect(me.body).toMatchObject({ pledgeSigned: false, pledgeRequired: true });
    // Volunteers never see children's records (ARCHITECTURE.md).
    expect(childList.status).toBe(403);
    expect(status.body.statusName).toBe('已通过');
  });

  it('refuses a town outside the admin’s district (422 naming it, nothing written)', async () => {
    const { application } = await pendingApplication();
    const writes = await h.writesOf(async () => {
      const res = await h.call('POST', `/api/v1/volunteer-applications/${application.id}/approval`, { as: 'orgAdmin', json: { version: 1, townId: 't3' } });
      expect(res.status).toBe(422);
      expect(res.body.field).toBe('townId');
    });
    expect(writes.added).toEqual([]);
  });
});

describe('dev WeChat identities on the local server (H5 has no wx.login)', () => {
  it('gives a fresh dev identity a ticket to apply with, and logs it in once approved; only dev-openid- ids', async () => {
    const demo = createApp({ ...h.deps, mount: (app) => mountDevLogin(app, h.deps, { demoUserIds: [] }) });
    const post = async (path: string, body?: unknown) => {
      const res = await demo.request(
        path,
        { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) },
        connectionFrom(freshIp()),
      );
      return { status: res.status, body: (await res.json()) as any };
    };

    const identity = await post('/api/v1/auth/dev/wechat-identity');
    const before = await post('/api/v1/auth/dev/wechat', { openId: identity.body.openId });
    const applied = await post('/api/v1/volunteer-applications', form(identity.body.registrationTicket));
    await h.call('POST', `/api/v1/volunteer-applications/${applied.body.id}/approval`, { as: 'orgAdmin', json: { version: 1 } });
    const after = await post('/api/v1/auth/dev/wechat', { openId: identity.body.openId });
    const seeded = await post('/api/v1/auth/dev/wechat', { openId: users.orgAdmin.wechatOpenId });

    expect(identity.status).toBe(201);
    expect(identity.body.openId).toMatch(/^dev-openid-[A-Za-z0-9]+$/);
    expect(before.status).toBe(403);
    expect(before.body.type).toBe('urn:shouhu:problem:not-registered');
    expect(applied.status).toBe(201);
    expect(after.status).toBe(200);
    expect(after.body.user).toMatchObject({ role: 'volunteer', scope: null, organizationId: 'org1' });
    expect(seeded.status).toBe(400);
  });
});
