import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runnableSchedules } from '../../functions/src/jobs/job-bodies.js';
import { JOB_LEASE_MS } from '../../functions/src/jobs/run-job.js';
import { JOB_SCHEDULES } from '../../functions/src/jobs/schedules.js';
import { DataTable } from '../../infra/lib/data-table.js';
import { NO_OUTSIDE_CHANNELS } from '../../infra/lib/outside-channel-settings.js';
import { SecureParameters } from '../../infra/lib/secure-parameters.js';
import { JOB_ASYNC_RETRY, JOB_FUNCTION_TIMEOUT, JOB_SCHEDULE_GROUP_NAME, JobSchedules } from '../../infra/lib/job-schedules.js';
import { synthesizeShouhu, type SynthesizedShouhu } from './support/synthesize-shouhu.js';

type Resources = Record<string, { Type: string; Properties: Record<string, any>; DependsOn?: string[] }>;
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const getAtt = (id: string, attribute: string) => ({ 'Fn::GetAtt': [id, attribute] });

function inspect(resources: Resources) {
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const [[groupId]] = ofType('AWS::Scheduler::ScheduleGroup').filter(([, g]) => g.Properties.Name === JOB_SCHEDULE_GROUP_NAME);
  const [[roleId]] = ofType('AWS::IAM::Role').filter(([, r]) => JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes(`"${groupId}"`));
  const [[functionId]] = ofType('AWS::Lambda::Function').filter(([, f]) =>
    String(resources[f.Properties.Role['Fn::GetAtt'][0]].Properties.Description).startsWith('Shouhu recurring jobs'),
  );
  const statementsOfRole = (id: string): Statement[] =>
    ofType('AWS::IAM::Policy')
      .filter(([, p]) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: id }]))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Statement[]);
  const schedules = ofType('AWS::Scheduler::Schedule').filter(([, s]) => s.Properties.GroupName === JOB_SCHEDULE_GROUP_NAME);
  return { ofType, groupId, roleId, functionId, statementsOfRole, schedules };
}

/** Issue 9: every schedule of functions/src/jobs as an EventBridge Scheduler schedule, made from the one definition. */
describe('the job schedules construct, given every schedule of the list', () => {
  let resources: Resources;
  let found: ReturnType<typeof inspect>;

  beforeAll(() => {
    const stack = new Stack(new App(), 'Jobs');
    new JobSchedules(stack, 'Jobs', {
      data: new DataTable(stack, 'Data'),
      schedules: JOB_SCHEDULES,
      secrets: new SecureParameters(stack, 'Secrets'),
      wechatAppId: 'wx-test',
      outsideChannels: NO_OUTSIDE_CHANNELS,
    });
    resources = Template.fromStack(stack).toJSON().Resources as Resources;
    found = inspect(resources);
  });

  it.each(JOB_SCHEDULES.map((s) => [s.job, s] as const))('makes %s at its Beijing time, with its window, retries and dead-letter queue, aimed at the job function', (job, schedule) => {
    // Prepare
    const [[, made]] = found.schedules.filter(([, s]) => s.Properties.Name === `shouhu-${job}`);
    const [queueId] = made.Properties.Target.DeadLetterConfig.Arn['Fn::GetAtt'];
    const expected = {
      reminders: 'cron(0 8 * * ? *)',
      'monthly-rollup': 'cron(0 2 1 * ? *)',
      'submission-reminders': 'cron(0 9 15,19 * ? *)',
    }[job];
    // Assess
    expect(made.Properties).toEqual({
      Name: `shouhu-${job}`,
      GroupName: JOB_SCHEDULE_GROUP_NAME,
      Description: schedule.description,
      ScheduleExpression: expected,
      ScheduleExpressionTimezone: 'Asia/Shanghai',
      FlexibleTimeWindow: { Mode: 'FLEXIBLE', MaximumWindowInMinutes: schedule.flexibleWindowMinutes },
      State: 'ENABLED',
      Target: {
        Arn: getAtt(found.functionId, 'Arn'),
        RoleArn: getAtt(found.roleId, 'Arn'),
        Input: JSON.stringify({ job, scheduledTime: '<aws.scheduler.scheduled-time>' }),
        RetryPolicy: { MaximumRetryAttempts: schedule.retry.maxAttempts, MaximumEventAgeInSeconds: schedule.retry.maxEventAgeSeconds },
        DeadLetterConfig: { Arn: getAtt(queueId, 'Arn') },
      },
    });
    expect(resources[queueId].Properties.SqsManagedSseEnabled).toBe(true);
    expect(made.DependsOn).toContain(found.groupId);
  });

  it('makes one schedule per entry and no other', () => {
    expect(found.schedules.map(([, s]) => s.Properties.Name).sort()).toEqual(JOB_SCHEDULES.map((s) => `shouhu-${s.job}`).sort());
  });

  it('lets the scheduler role, which only this group\'s schedules may assume, invoke the job function and send dead letters, and nothing else', () => {
    const [[, role]] = found.ofType('AWS::IAM::Role').filter(([id]) => id === found.roleId);
    expect(role.Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: {
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          ArnEquals: { 'aws:SourceArn': getAtt(found.groupId, 'Arn') },
        },
      },
    ]);
    const [[, schedule]] = found.schedules;
    const [queueId] = schedule.Properties.Target.DeadLetterConfig.Arn['Fn::GetAtt'];
    const grants = found.statementsOfRole(found.roleId).flatMap((s) => asList(s.Action).map((action) => ({ action, resource: s.Resource })));
    expect(grants).toEqual([
      { action: 'lambda:InvokeFunction', resource: getAtt(found.functionId, 'Arn') },
      { action: 'sqs:SendMessage', resource: getAtt(queueId, 'Arn') },
    ]);
  });

  it('gives the job function a timeout under the run\'s lease, Lambda\'s retries of a failed run and the same dead-letter queue', () => {
    const fn = resources[found.functionId].Properties;
    expect(fn.Timeout).toBe(JOB_FUNCTION_TIMEOUT.toSeconds());
    expect(fn.Timeout * 1_000).toBeLessThan(JOB_LEASE_MS);
    const [[, schedule]] = found.schedules;
    expect(fn.DeadLetterConfig).toEqual({ TargetArn: schedule.Properties.Target.DeadLetterConfig.Arn });
    const [[, invokeConfig]] = found.ofType('AWS::Lambda::EventInvokeConfig');
    expect(invokeConfig.Properties).toMatchObject({
      FunctionName: { Ref: found.functionId },
      MaximumRetryAttempts: JOB_ASYNC_RETRY.retryAttempts,
      MaximumEventAgeInSeconds: JOB_ASYNC_RETRY.maxEventAge.toSeconds(),
    });
  });
});

describe('the job schedules in the synthesized stack', () => {
  let synthesized: SynthesizedShouhu;
  let resources: Resources;
  let found: ReturnType<typeof inspect>;
  const saved = { ...process.env };
  beforeAll(() => {
    // As an operator synthesizes with the digest template chosen in the WeChat console.
    Object.assign(process.env, { SHOUHU_WECHAT_TEMPLATE_DIGEST: 'tmpl-digest-prod', WECHAT_APP_ID: 'wx0123456789abcdef' });
    synthesized = synthesizeShouhu({ cloudFormationValidation: false });
    resources = synthesized.template.toJSON().Resources as Resources;
    found = inspect(resources);
  });
  afterAll(() => {
    process.env = saved;
    synthesized?.cleanUp();
  });

  it('schedules exactly the jobs whose bodies are built', () => {
    expect(found.schedules.map(([, s]) => s.Properties.Name).sort()).toEqual(runnableSchedules().map((s) => `shouhu-${s.job}`).sort());
  });

  it('gives the job function the outside channels as the API function has them, its secrets by parameter name only', () => {
    const jobVariables = resources[found.functionId].Properties.Environment.Variables as Record<string, unknown>;
    const [[, api]] = found
      .ofType('AWS::Lambda::Function')
      .filter(([, f]) => String(resources[f.Properties.Role['Fn::GetAtt'][0]].Properties.Description).startsWith('Shouhu API function'));
    const apiVariables = api.Properties.Environment.Variables as Record<string, unknown>;
    expect(jobVariables).toMatchObject({
      WECHAT_APP_ID: 'wx0123456789abcdef',
      WECHAT_APP_SECRET_PARAMETER: '/ShouhuStack/wechat-app-secret',
      SHOUHU_WECOM_ROBOT_KEYS_PARAMETER: '/ShouhuStack/wecom-robot-keys',
      SHOUHU_WECHAT_TEMPLATE_DIGEST: 'tmpl-digest-prod',
    });
    for (const name of ['WECHAT_APP_ID', 'WECHAT_APP_SECRET_PARAMETER', 'SHOUHU_WECHAT_TEMPLATE_DIGEST']) expect(jobVariables[name]).toEqual(apiVariables[name]);
    expect(Object.keys(jobVariables)).not.toEqual(expect.arrayContaining(['WECHAT_APP_SECRET']));
    expect(Object.keys(jobVariables).filter((name) => name === 'SHOUHU_WECOM_ROBOT_KEYS' || name === 'SESSION_SECRET_PARAMETER')).toEqual([]);
    const jobRole = resources[found.functionId].Properties.Role['Fn::GetAtt'][0] as string;
    const ssmGrants = found.statementsOfRole(jobRole).filter((s) => asList(s.Action).includes('ssm:GetParameters'));
    expect(JSON.stringify(ssmGrants)).toContain('wechat-app-secret');
    expect(JSON.stringify(ssmGrants)).toContain('wecom-robot-keys');
    expect(JSON.stringify(ssmGrants)).not.toContain('session-secret');
  });
});
