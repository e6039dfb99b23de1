import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createRuntime } from '../../functions/src/compose/runtime.js';
import { addDays } from '../../functions/src/domain/calendar.js';
import { receiveConcern } from '../../functions/src/domain/concern.js';
import type { InboxMessage } from '../../functions/src/domain/inbox.js';
import { SUPERVISOR_OVERDUE_AFTER_DAYS } from '../../functions/src/domain/supervisor-digest.js';
import { localOutsideChannels } from '../../functions/src/local/local-outside-channels.js';
import { createDocumentClient } from '../../functions/src/store/client.js';
import { startApiHarness, type ApiHarness } from '../api/support/api-harness.js';
import { children, users } from '../api/support/seed-area.js';
import { AFTER_VISIT, contactBody, homeVisitBody, postAnswer, postCheckIn } from '../api/support/visits.js';
import { setLambdaEnvironment } from '../events/support/lambda-environment.js';
import { makeChild, storeChild, team } from '../store/fixtures.js';
import { countReads } from '../support/read-counter.js';
import { startMessageStub, type MessageStub } from '../support/wechat-message-stub.js';

/**
 * The rest of issue 9's reminder sweep, run as EventBridge Scheduler runs it: the job Lambda invoked with
 * `{ job, scheduledTime }`, on the API tests' area in DynamoDB Local, with the outside channels configured as the
 * stack configures them (template ids in the environment, the AppSecret and the robot keys by the names of their
 * SecureString parameters; SSM has no local engine, so it is mocked) and pointed at the local WeChat/WeCom stub.
 *
 * The area on the day: in town t1 (河口镇) a visit of child a1 waiting for guardian A, another disputed by them, a
 * visit of c1 (whose guardian has no account) waiting, the child a2 without a team, one concern report not yet
 * acknowledged; in town t2 (山前镇) a visit of b1 waiting for guardian B. All recorded on 2 April, more than the
 * district's three days before the run of 10 April.
 */
const ssm = mockClient(SSMClient);
const TEMPLATE = 'tmpl-digest';
const ROBOT_T1 = '693a91f6-7f9c-4bc4-97a0-0ec2eefa5899';
const APP_SECRET_PARAMETER = '/ShouhuStack/wechat-app-secret';
const ROBOT_KEYS_PARAMETER = '/ShouhuStack/wecom-robot-keys';
/** 08:00 on 10 April 2026 in Beijing, as the schedule names it. */
const scheduledTime = '2026-04-10T00:00:00Z';
const today = '2026-04-10';

let h: ApiHarness;
let stub: MessageStub;
let restoreEnvironment: () => void;
let handler: (event: unknown) => Promise<void>;
let channelEnv: Record<string, string>;

const inboxOf = (userId: string): Promise<InboxMessage[]> => h.table.repositories.inbox.list([{ kind: 'user', userId }], 50);

async function checkIn(as: Parameters<typeof postCheckIn>[1], childId: string, body: unknown): Promise<{ id: string; version: number }> {
  const res = await postCheckIn(h, as, childId, body);
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

beforeAll(async () => {
  h = await startApiHarness();
  h.setNow(AFTER_VISIT);
  await checkIn('socialWorkerPledged', children.a1.id, homeVisitBody());
  const disputed = await checkIn('directorV1', children.a1.id, contactBody());
  expect((await postAnswer(h, 'guardianA', children.a1.id, disputed.id, { decision: 'dispute', reasons: ['notVisited'], version: disputed.version })).status).toBe(200);
  await checkIn('directorV2', children.c1.id, contactBody({ participantIds: [users.directorV2.id] }));
  await checkIn('directorV3', children.b1.id, contactBody({ participantIds: [users.directorV3.id] }));
  const concern = receiveConcern(
    {
      id: 'concern-sweep-1',
      channel: 'public',
      child: { kind: 'unknown', description: '约8岁的男孩' },
      path: { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' },
      location: null,
      kinds: ['leftAloneAtHome'],
      urgent: false,
      description: '连续三晚独自在家',
      reporter: { userId: null, name: null, phone: null },
    },
    new Date(AFTER_VISIT),
  );
  await h.table.repositories.concerns.create({ concern, trackingHash: null, audit: null, events: [] });

  stub = await startMessageStub();
  stub.addRobot(ROBOT_T1);
  // Who accepted the long-term digest template: in WeChat (the stub) and as the mini-program reported it (the table).
  for (const user of [users.supervisorT1, users.directorV1, users.guardianA, users.guardianB]) {
    stub.grantLongTerm(user.wechatOpenId!, TEMPLATE);
    await h.table.repositories.consents.record(user.id, [{ templateId: TEMPLATE, kind: 'longTerm', answer: 'accept' }], new Date(AFTER_VISIT));
  }

  ssm.on(GetParametersCommand).resolves({
    Parameters: [
      { Name: APP_SECRET_PARAMETER, Value: stub.appSecret },
      { Name: ROBOT_KEYS_PARAMETER, Value: JSON.stringify({ t1: ROBOT_T1 }) },
    ],
  });
  channelEnv = {
    SHOUHU_WECHAT_TEMPLATE_DIGEST: TEMPLATE,
    WECHAT_APP_ID: stub.appId,
    WECHAT_API_BASE: stub.baseUrl,
    WECOM_API_BASE: stub.baseUrl,
  };
  restoreEnvironment = setLambdaEnvironment(h.table, {
    ...channelEnv,
    WECHAT_APP_SECRET_PARAMETER: APP_SECRET_PARAMETER,
    SHOUHU_WECOM_ROBOT_KEYS_PARAMETER: ROBOT_KEYS_PARAMETER,
  });
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  ({ handler } = await import('../../functions/src/lambda/scheduled-job.js'));
});

afterAll(async () => {
  vi.restoreAllMocks();
  restoreEnvironment?.();
  ssm.restore();
  await stub?.close();
});

/** A runtime of the job's own on the same table and channels, as a retry after a crash would have. */
function jobBodyWith(client = h.table.client) {
  const outside = localOutsideChannels({ ...channelEnv, WECHAT_APP_SECRET: stub.appSecret, SHOUHU_WECOM_ROBOT_KEYS: JSON.stringify({ t1: ROBOT_T1 }) });
  return createRuntime({ tableName: h.table.tableName, client, outside }).jobRunner.bodies.reminders!;
}

describe('the reminders job through its Lambda entry, outside channels configured', () => {
  it('gives each supervisor and each guardian with something waiting exactly one digest, in counts that agree with their lists', async () => {
    // Act
    await handler({ job: 'reminders', scheduledTime });

    // Assess: the supervisor of t1, counted as their own lists count.
    h.setNow(scheduledTime);
    const t1 = await inboxOf(users.supervisorT1.id);
    expect(t1).toHaveLength(1);
    const entries = await h.table.repositories.obligations.listDueInTownUntil('t1', addDays(today, 3));
    const overdueLong = entries.filter((entry) => entry.obligation.dueDate < addDays(today, -SUPERVISOR_OVERDUE_AFTER_DAYS)).length;
    const attention = async (state: string) =>
      ((await h.call('GET', `/api/v1/towns/t1/visits/attention?state=${state}`, { as: 'supervisorT1' })).body as { items: unknown[] }).items.length;
    expect(t1[0]).toMatchObject({
      kind: 'supervisorDigest',
      childId: null,
      readAt: null,
      digest: {
        date: today,
        overdueLong,
        overdueAfterDays: 7,
        withoutTeam: 1,
        disputed: await attention('disputed'),
        unconfirmed: await attention('unconfirmed'),
        unconfirmedAfterDays: 3,
        unacknowledgedConcerns: 1,
      },
    });
    expect(t1[0].digest).toMatchObject({ disputed: 1, unconfirmed: 2 });
    // t2's supervisor: b1's visit left unconfirmed, nothing else.
    expect((await inboxOf(users.supervisorT2.id)).map((m) => m.digest)).toEqual([
      expect.objectContaining({ withoutTeam: 0, disputed: 0, unconfirmed: 1, unacknowledgedConcerns: 0 }),
    ]);
    // Each guardian: their own visits waiting (guardian A's disputed one is answered).
    for (const guardian of [users.guardianA, users.guardianB]) {
      const messages = await inboxOf(guardian.id);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ kind: 'guardianDigest', digest: { date: today, awaitingAnswer: 1 } });
    }
    const run = await h.table.repositories.jobRuns.get({ job: 'reminders', scheduledTime: new Date(scheduledTime) });
    expect(run).toMatchObject({ status: 'done', outcome: { supervisors: 2, guardians: 2 } });
  });

  it('sends each consenting reader with an openid one WeChat message and t1 one robot message, with counts and no child named', async () => {
    // Every consenting reader who got a digest, once; t2's supervisor has an openid but no consent.
    const digestOpenIds: string[] = [];
    for (const user of [users.supervisorT1, users.directorV1, users.guardianA, users.guardianB]) {
      if ((await inboxOf(user.id)).length > 0) digestOpenIds.push(user.wechatOpenId!);
    }
    expect(stub.delivered.map((message) => message.touser).sort()).toEqual(digestOpenIds.sort());
    expect(digestOpenIds).toEqual(expect.arrayContaining([users.supervisorT1.wechatOpenId, users.guardianA.wechatOpenId, users.guardianB.wechatOpenId]));
    for (const message of stub.delivered) {
      expect(message).toMatchObject({ template_id: TEMPLATE, page: 'pages/inbox/index' });
      expect(Object.keys(message.data)).toEqual(['thing1', 'thing2', 'time3']);
    }
    const supervisorMessage = stub.delivered.find((m) => m.touser === users.supervisorT1.wechatOpenId)!;
    expect(supervisorMessage.data.thing1.value).toBe('今日督导提醒');
    expect(supervisorMessage.data.thing2.value).toContain('异议1条');
    expect(stub.robotRequests).toHaveLength(1);
    const robot = stub.robotRequests[0];
    expect(robot).toMatchObject({ key: ROBOT_T1, answer: 0, body: { msgtype: 'text' } });
    expect(robot.body.text!.content).toContain('河口镇 2026-04-10 今日待办');
    expect(robot.body.text!.content).toContain('1 条走访监护人有异议');
    const everythingSent = JSON.stringify([stub.delivered, stub.robotRequests]);
    for (const name of Object.values(children).map((c) => c.name)) expect(everythingSent).not.toContain(name);
  });

  it('delivers and sends nothing new on a second firing of the day, nor when a crashed run’s body runs again', async () => {
    // Prepare
    const sent = { subscribe: stub.subscribeRequests.length, robot: stub.robotRequests.length, token: stub.tokenRequests.length };
    const inboxes = await Promise.all(Object.values(users).map((u) => inboxOf(u.id)));
    // Act
    await handler({ job: 'reminders', scheduledTime });
    const again = await jobBodyWith()({ kind: 'day', date: today }, new Date(scheduledTime));
    // Assess
    expect(again).toMatchObject({ delivered: 0, wechatSent: 0, robotSent: 0, supervisors: 2, guardians: 2 });
    expect(stub.subscribeRequests).toHaveLength(sent.subscribe);
    expect(stub.robotRequests).toHaveLength(sent.robot);
    expect(await Promise.all(Object.values(users).map((u) => inboxOf(u.id)))).toEqual(inboxes);
  });

  it('reads no more when the towns have more children with nothing due: the reads follow what is due, not the children', async () => {
    // Prepare: a client of its own that counts what it reads.
    const client = createDocumentClient({ endpoint: inject('dynamoEndpoint') });
    const reads = countReads(client);
    const body = jobBodyWith(client);
    await body({ kind: 'day', date: today }, new Date(scheduledTime));
    const before = reads.count();
    // 40 children with a team, registered the day before: their first visits fall due in a month.
    for (let i = 0; i < 40; i += 1) {
      const registered = '2026-04-09T02:00:00.000Z';
      await storeChild(
        h.table.repositories,
        makeChild(`quiet-${i}`, {
          villageId: i % 2 === 0 ? 'v1' : 'v3',
          team: team(users.socialWorkerPledged.id, i % 2 === 0 ? users.supervisorT1.id : users.supervisorT2.id, users.directorV1.id),
          registeredOn: '2026-04-09',
          createdAt: registered,
          updatedAt: registered,
        }),
      );
    }
    reads.reset();
    // Act
    await body({ kind: 'day', date: today }, new Date(scheduledTime));
    // Assess
    expect(before.calls).toBeGreaterThan(0);
    expect(reads.count()).toEqual(before);
  });
});
