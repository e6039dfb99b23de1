import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_RULES } from '../../functions/src/events/rules.js';
import { DEADLINE_SCHEDULE_GROUP_NAME } from '../../infra/lib/deadline-schedules.js';
import { findApiFunction } from './support/api-function-resource.js';
import { synthesizeShouhu, type SynthesizedShouhu } from './support/synthesize-shouhu.js';

type Resources = Record<string, { Type: string; Properties: Record<string, any>; DependsOn?: string[] }>;
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: unknown };

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const getAtt = (id: string, attribute: string) => ({ 'Fn::GetAtt': [id, attribute] });

/** Part 5 of issue 8 in the cloud: what the functions need to schedule one-time deadlines with EventBridge Scheduler. */
describe('the deadline schedules in the synthesized stack', () => {
  let synthesized: SynthesizedShouhu;
  let resources: Resources;
  let groupId: string;
  let roleId: string;
  let queueId: string;
  let busId: string;

  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const statementsOfRole = (id: string): Statement[] =>
    ofType('AWS::IAM::Policy')
      .filter(([, p]) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: id }]))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Statement[]);
  const roleOfFunction = (functionId: string): string => resources[functionId].Properties.Role['Fn::GetAtt'][0];
  const schedulingFunctions = () => [
    findApiFunction(synthesized.template).id,
    ...EVENT_RULES.map((rule) => {
      const [[id]] = ofType('AWS::Lambda::Function').filter(([, f]) => f.Properties.Environment?.Variables?.CONSUMER_NAME === rule.consumer);
      return id;
    }),
  ];

  beforeAll(() => {
    synthesized = synthesizeShouhu({ cloudFormationValidation: false });
    resources = synthesized.template.toJSON().Resources as Resources;
    [[groupId]] = ofType('AWS::Scheduler::ScheduleGroup').filter(([, g]) => g.Properties.Name === DEADLINE_SCHEDULE_GROUP_NAME);
    // The recurring jobs have a scheduler role of their own (job-schedules.test.ts): this one is the deadline group's.
    [[roleId]] = ofType('AWS::IAM::Role').filter(([, r]) => JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes(`"${groupId}"`));
    [[busId]] = ofType('AWS::Events::EventBus');
    const sendsDeadLetters = statementsOfRole(roleId).find((s) => asList(s.Action).includes('sqs:SendMessage'));
    queueId = (sendsDeadLetters?.Resource as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
  });
  afterAll(() => synthesized?.cleanUp());

  it('has one schedule group for the deadlines and no schedule of its own (the functions make one per deadline)', () => {
    expect(ofType('AWS::Scheduler::ScheduleGroup').filter(([, g]) => g.Properties.Name === DEADLINE_SCHEDULE_GROUP_NAME)).toHaveLength(1);
    expect(ofType('AWS::Scheduler::Schedule').filter(([, s]) => s.Properties.GroupName === DEADLINE_SCHEDULE_GROUP_NAME)).toEqual([]);
  });

  it('has a role only EventBridge Scheduler may assume, for schedules of this account and this group', () => {
    expect(resources[roleId].Properties.AssumeRolePolicyDocument.Statement).toEqual([
      {
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Condition: {
          StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          ArnEquals: { 'aws:SourceArn': getAtt(groupId, 'Arn') },
        },
      },
    ]);
  });

  it('lets that role put events on the product bus and dead letters in its queue, and nothing else', () => {
    const grants = statementsOfRole(roleId).flatMap((s) => asList(s.Action).map((action) => ({ action, resource: s.Resource, effect: s.Effect })));

    expect(grants).toEqual([
      { action: 'events:PutEvents', resource: getAtt(busId, 'Arn'), effect: 'Allow' },
      { action: 'sqs:SendMessage', resource: getAtt(queueId, 'Arn'), effect: 'Allow' },
    ]);
    expect(resources[roleId].Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('sends undeliverable deadlines to an encrypted queue that refuses plain HTTP and alarms on its first message', () => {
    expect(resources[queueId].Properties.SqsManagedSseEnabled).toBe(true);
    const [[, queuePolicy]] = ofType('AWS::SQS::QueuePolicy').filter(([, p]) => JSON.stringify(p.Properties.Queues) === JSON.stringify([{ Ref: queueId }]));
    expect(queuePolicy.Properties.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    expect(alarms).toContainEqual(
      expect.objectContaining({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Dimensions: [{ Name: 'QueueName', Value: getAtt(queueId, 'QueueName') }],
        Threshold: 0,
        ComparisonOperator: 'GreaterThanThreshold',
      }),
    );
  });

  describe('the API function and every event consumer', () => {
    it('are told the group, the role, the dead-letter queue and the bus', () => {
      for (const functionId of schedulingFunctions()) {
        expect(resources[functionId].Properties.Environment.Variables).toMatchObject({
          DEADLINE_SCHEDULE_GROUP: DEADLINE_SCHEDULE_GROUP_NAME,
          DEADLINE_SCHEDULER_ROLE_ARN: getAtt(roleId, 'Arn'),
          DEADLINE_DLQ_ARN: getAtt(queueId, 'Arn'),
          EVENT_BUS_NAME: { Ref: busId },
          EVENT_BUS_ARN: getAtt(busId, 'Arn'),
        });
        expect(resources[functionId].DependsOn).toContain(groupId);
      }
    });

    it('may create and delete schedules of the deadline group only, and pass the scheduler role to the scheduler only', () => {
      const groupSchedules = {
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':scheduler:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, `:schedule/${DEADLINE_SCHEDULE_GROUP_NAME}/*`]],
      };
      for (const functionId of schedulingFunctions()) {
        const statements = statementsOfRole(roleOfFunction(functionId)).filter((s) =>
          asList(s.Action).some((action) => action.startsWith('scheduler:') || action.startsWith('iam:')),
        );

        expect(statements).toEqual([
          { Effect: 'Allow', Action: ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'], Resource: groupSchedules },
          {
            Effect: 'Allow',
            Action: 'iam:PassRole',
            Resource: getAtt(roleId, 'Arn'),
            Condition: { StringEquals: { 'iam:PassedToService': 'scheduler.amazonaws.com' } },
          },
        ]);
      }
    });

    it('are the only functions that may: the outbox relay schedules nothing', () => {
      const mayPassRole = ofType('AWS::Lambda::Function')
        .filter(([id]) => statementsOfRole(roleOfFunction(id)).some((s) => asList(s.Action).includes('iam:PassRole')))
        .map(([id]) => id);

      expect(mayPassRole.sort()).toEqual(schedulingFunctions().sort());
    });
  });
});
