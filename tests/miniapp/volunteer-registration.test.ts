import { describe, expect, it } from 'vitest';
import { createApiClient, registrationTicketOf, type HttpRequest } from '../../miniapp/src/api/index.js';
import { emptyVolunteerForm, isVolunteerField, parseVolunteerForm, volunteerFormErrors } from '../../miniapp/src/lib/volunteer-form.js';

/** Issue 11 part 2 in the mini-program: the not-registered answer's ticket, the applicant's calls, the form's checks. */
function clientAnswering(status: number, body: unknown, token: string | null = 'tok-1') {
  const sent: HttpRequest[] = [];
  const client = createApiClient({
    baseUrl: '',
    getToken: () => token,
    request: async (request) => {
      sent.push(request);
      return { status, headers: { 'content-type': 'application/problem+json' }, data: JSON.stringify(body) };
    },
  });
  return { client, sent };
}

describe('the volunteer calls of the API client', () => {
  it('keeps the ticket of a not-registered answer, and only of that kind of answer', async () => {
    const notRegistered = { type: 'urn:shouhu:problem:not-registered', title: '尚未注册', status: 403, detail: '…', registrationTicket: 'tkt_abc-123' };
    const forbidden = { type: 'urn:shouhu:problem:forbidden', title: '无权', status: 403, registrationTicket: 'tkt_abc-123' };

    const refused = await clientAnswering(403, notRegistered).client.wechatLogin('code-1').catch((e: unknown) => e);
    const other = await clientAnswering(403, forbidden).client.wechatLogin('code-1').catch((e: unknown) => e);

    expect(registrationTicketOf(refused)).toBe('tkt_abc-123');
    expect(registrationTicketOf(other)).toBeNull();
    expect(registrationTicketOf(new Error('x'))).toBeNull();
  });

  it('applies and reads the status without a token, the ticket in the body, never in the address', async () => {
    const { client, sent } = clientAnswering(200, { id: 'a1', status: 'pending' });

    await client.applyAsVolunteer({ ticket: 'tkt_1', name: '林小雨', phone: '13912345678', organizationId: 'org1' });
    await client.myVolunteerApplication('tkt_1');

    expect(sent.map((r) => [r.method, r.url])).toEqual([
      ['POST', '/api/v1/volunteer-applications'],
      ['POST', '/api/v1/volunteer-applications/status'],
    ]);
    expect(sent.every((r) => r.headers.Authorization === undefined && !r.url.includes('tkt_1'))).toBe(true);
    expect(JSON.parse(sent[1].body!)).toEqual({ ticket: 'tkt_1' });
  });

  it('reviews with the version read, as the signed-in admin', async () => {
    const { client, sent } = clientAnswering(200, { id: 'a/1', status: 'refused' });

    await client.approveVolunteerApplication('a/1', 3);
    await client.refuseVolunteerApplication('a/1', 3, '名额已满');
    await client.approveVolunteerApplication('a1', 4, 't1');

    expect(sent.map((r) => r.url)).toEqual([
      '/api/v1/volunteer-applications/a%2F1/approval',
      '/api/v1/volunteer-applications/a%2F1/refusal',
      '/api/v1/volunteer-applications/a1/approval',
    ]);
    expect(JSON.parse(sent[0].body!)).toEqual({ version: 3, townId: null });
    expect(JSON.parse(sent[2].body!)).toEqual({ version: 4, townId: 't1' });
    expect(sent[0].headers.Authorization).toBe('Bearer tok-1');
    expect(JSON.parse(sent[1].body!)).toEqual({ version: 3, reason: '名额已满' });
  });
});

describe('the volunteer form', () => {
  it('names each missing or wrong field before anything is sent', () => {
    expect(volunteerFormErrors(emptyVolunteerForm())).toEqual({ name: '请填写姓名', phone: '请填写11位手机号', organizationId: '请选择要加入的社会组织' });
    expect(volunteerFormErrors({ name: ' 林小雨 ', phone: '1391234567', organizationId: 'org1' })).toEqual({ phone: '请填写11位手机号' });
    expect(volunteerFormErrors({ name: '林小雨', phone: '13912345678', organizationId: 'org1' })).toEqual({});
  });

  it('takes back a kept draft only when it is whole, and knows the fields the server may name', () => {
    expect(parseVolunteerForm({ name: '林', phone: '139', organizationId: '' })).toEqual({ name: '林', phone: '139', organizationId: '' });
    expect(parseVolunteerForm({ name: '林', phone: 139 })).toBeNull();
    expect([isVolunteerField('phone'), isVolunteerField('ticket'), isVolunteerField(undefined)]).toEqual([true, false, false]);
  });
});
