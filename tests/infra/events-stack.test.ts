import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_SOURCE } from '../../functions/src/events/domain-events.js';
import { OUTBOX_STREAM_MAX_RECORD_AGE_MINUTES, OUTBOX_SWEEP } from '../../functions/src/events/outbox-sweep.js';
import { DISTRICT_WALK, EVENT_RULES } from '../../functions/src/events/rules.js';
import { PROCESSED_EVENT_TTL_SECONDS } from '../../functions/src/store/processed-events.js';
import { synthesizeShouhu, type SynthesizedShouhu } from './support/synthesize-shouhu.js';

type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);
const getAtt = (id: string, attribute: string) => ({ 'Fn::GetAtt': [id, attribute] });

/** The product's events in the synthesized stack: bus, relay, rules from rules.ts, dead-letter queues and alarms. */
describe('the events in the synthesized stack', () => {
  let synthesized: SynthesizedShouhu;
  let resources: Resources;
  let tableId: string;
  let busId: string;
  let relayId: string;

  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const functionWith = (variable: string, value?: string) =>
    ofType('AWS::Lambda::Function').filter(([, f]) => {
      const actual = f.Properties.Environment?.Variables?.[variable];
      return actual !== undefined && (value === undefined || actual === value);
    });
  const statementsOfFunction = (functionId: string): Statement[] => {
    const roleId = resources[functionId].Properties.Role['Fn::GetAtt'][0];
    return ofType('AWS::IAM::Policy')
      .filter(([, p]) => JSON.stringify(p.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
      .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as Statement[]);
  };
  const grantsOf = (functionId: string) =>
    statementsOfFunction(functionId).flatMap((s) => asList(s.Action).map((action) => `${action} on ${JSON.stringify(s.Resource)}`));

  beforeAll(() => {
    synthesized = synthesizeShouhu({ cloudFormationValidation: false });
    resources = synthesized.template.toJSON().Resources as Resources;
    [[tableId]] = ofType('AWS::DynamoDB::Table');
    [[busId]] = ofType('AWS::Events::EventBus');
    // The one function the table's stream feeds (others know the bus too: they schedule deadlines onto it).
    const [[, streamMapping]] = ofType('AWS::Lambda::EventSourceMapping');
    relayId = streamMapping.Properties.FunctionName.Ref;
  });
  afterAll(() => synthesized?.cleanUp());

  it('has one bus of its own, whose name the relay gets', () => {
    synthesized.template.resourceCountIs('AWS::Events::EventBus', 1);
    expect(resources[relayId].Properties.Environment.Variables).toMatchObject({ EVENT_BUS_NAME: { Ref: busId }, TABLE_NAME: { Ref: tableId } });
  });

  it('streams the table with new images', () => {
    expect(resources[tableId].Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
  });

  describe('the relay', () => {
    it('is fed by the stream, filtered to outbox inserts, with partial batch responses, split batches and bounded retries', () => {
      const mappings = ofType('AWS::Lambda::EventSourceMapping');
      expect(mappings).toHaveLength(1);
      const [[, mapping]] = mappings;

      expect(mapping.Properties).toMatchObject({
        EventSourceArn: getAtt(tableId, 'StreamArn'),
        FunctionName: { Ref: relayId },
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        StartingPosition: 'TRIM_HORIZON',
        MaximumRecordAgeInSeconds: OUTBOX_STREAM_MAX_RECORD_AGE_MINUTES * 60,
      });
      expect(mapping.Properties.MaximumRetryAttempts).toBeGreaterThan(0);
      expect(mapping.Properties.MaximumRetryAttempts).toBeLessThanOrEqual(10);
      expect(mapping.Properties.FilterCriteria.Filters.map((f: { Pattern: string }) => JSON.parse(f.Pattern))).toEqual([
        { eventName: ['INSERT'], dynamodb: { NewImage: { entity: { S: ['outbox'] } } } },
      ]);
      const onFailure = mapping.Properties.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0];
      expect(resources[onFailure].Type).toBe('AWS::SQS::Queue');
    });

    it('sweeps on a schedule what the stream gave up on, after the stream stops retrying it', () => {
      const schedules = ofType('AWS::Events::Rule').filter(([, r]) => r.Properties.ScheduleExpression);
      expect(schedules.map(([, r]) => r.Properties.ScheduleExpression)).toEqual([`rate(${OUTBOX_SWEEP.everyMinutes} minutes)`]);
      expect(schedules[0][1].Properties.Targets.map((t: { Arn: unknown }) => t.Arn)).toEqual([getAtt(relayId, 'Arn')]);
      expect(OUTBOX_SWEEP.olderThanMinutes).toBeGreaterThan(OUTBOX_STREAM_MAX_RECORD_AGE_MINUTES);
    });

    it('may put events on its bus only, and read and mark outbox items, and nothing else in the table', () => {
      const tableArn = JSON.stringify(getAtt(tableId, 'Arn'));
      const streamArn = JSON.stringify(getAtt(tableId, 'StreamArn'));
      const gsi1 = JSON.stringify({ 'Fn::Join': ['', [getAtt(tableId, 'Arn'), '/index/gsi1']] });
      const grants = grantsOf(relayId).filter((g) => !g.startsWith('logs:') && !g.startsWith('sqs:'));

      expect(grants.sort()).toEqual(
        [
          `events:PutEvents on ${JSON.stringify(getAtt(busId, 'Arn'))}`,
          `dynamodb:BatchGetItem on ${tableArn}`,
          `dynamodb:UpdateItem on ${tableArn}`,
          `dynamodb:Query on ${gsi1}`,
          `dynamodb:DescribeStream on ${streamArn}`,
          `dynamodb:GetRecords on ${streamArn}`,
          `dynamodb:GetShardIterator on ${streamArn}`,
          // No resource-level permissions exist for it; acknowledged in the stack.
          'dynamodb:ListStreams on "*"',
        ].sort(),
      );
    });
  });

  describe.each(EVENT_RULES.map((rule) => [rule.name, rule] as const))('the rule %s', (_, eventRule) => {
    let functionId: string;
    let rule: Resources[string];

    beforeAll(() => {
      const functions = functionWith('CONSUMER_NAME', eventRule.consumer);
      expect(functions).toHaveLength(1);
      [[functionId]] = functions;
      [[, rule]] = ofType('AWS::Events::Rule').filter(([, r]) =>
        r.Properties.Targets?.some((t: { Arn: unknown }) => JSON.stringify(t.Arn) === JSON.stringify(getAtt(functionId, 'Arn'))),
      );
    });

    it('matches the pattern of rules.ts on the product bus', () => {
      expect(rule.Properties).toMatchObject({
        EventBusName: { Ref: busId },
        EventPattern: { source: [EVENT_SOURCE], 'detail-type': [...eventRule.pattern.detailType] },
      });
    });

    it('targets its consumer with 24 h of retries, then a dead-letter queue the function also fails into', () => {
      const [target] = rule.Properties.Targets;
      const queueArn = target.DeadLetterConfig.Arn;

      expect(target.RetryPolicy).toEqual({ MaximumEventAgeInSeconds: 24 * 3_600, MaximumRetryAttempts: 185 });
      expect(resources[queueArn['Fn::GetAtt'][0]].Type).toBe('AWS::SQS::Queue');
      expect(resources[functionId].Properties.DeadLetterConfig).toEqual({ TargetArn: queueArn });
      // A processed record outlives every retry, so a late redelivery still finds it.
      expect(PROCESSED_EVENT_TTL_SECONDS).toBeGreaterThan(target.RetryPolicy.MaximumEventAgeInSeconds + 6 * 3_600);
    });

    it('runs a consumer that may read and put items in the table and schedule deadlines (and walk a district if it must), and nothing more', () => {
      const tableArn = JSON.stringify(getAtt(tableId, 'Arn'));
      const [[schedulerRoleId]] = ofType('AWS::IAM::Role').filter(([, r]) => JSON.stringify(r.Properties.AssumeRolePolicyDocument).includes('scheduler.amazonaws.com'));
      const deadlineSchedules = JSON.stringify({
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':scheduler:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' }, ':schedule/shouhu-deadlines/*']],
      });
      const grants = grantsOf(functionId).filter((g) => !g.startsWith('logs:') && !g.startsWith('sqs:'));

      expect(grants.sort()).toEqual(
        [
          `dynamodb:GetItem on ${tableArn}`,
          `dynamodb:PutItem on ${tableArn}`,
          // deadline-schedules.test.ts checks these and their conditions in detail.
          `scheduler:CreateSchedule on ${deadlineSchedules}`,
          `scheduler:DeleteSchedule on ${deadlineSchedules}`,
          `iam:PassRole on ${JSON.stringify(getAtt(schedulerRoleId, 'Arn'))}`,
          ...('walksDistrict' in eventRule
            ? [
                `dynamodb:BatchGetItem on ${tableArn}`,
                `dynamodb:DeleteItem on ${tableArn}`,
                `dynamodb:ConditionCheckItem on ${tableArn}`,
                `dynamodb:Query on ${JSON.stringify({ 'Fn::Join': ['', [getAtt(tableId, 'Arn'), '/index/gsi1']] })}`,
              ]
            : []),
        ].sort(),
      );
    });

    it('gives the consumer time for its work: a district walk its budget and a page more', () => {
      const timeout = resources[functionId].Properties.Timeout;
      if ('walksDistrict' in eventRule) {
        expect(timeout).toBe(DISTRICT_WALK.timeoutSeconds);
        expect(timeout * 1000 - DISTRICT_WALK.budgetMs).toBeGreaterThanOrEqual(30_000);
      } else {
        expect(timeout).toBe(30);
      }
    });
  });

  describe('dead-letter queues and alarms', () => {
    it('has one queue per rule, one for the relay, one for the deadline schedules and one for the recurring jobs, each encrypted and refusing requests without TLS', () => {
      const queues = ofType('AWS::SQS::Queue');
      expect(queues).toHaveLength(EVENT_RULES.length + 3);
      for (const [id, queue] of queues) {
        expect(queue.Properties.SqsManagedSseEnabled).toBe(true);
        const policies = ofType('AWS::SQS::QueuePolicy').filter(([, p]) => JSON.stringify(p.Properties.Queues) === JSON.stringify([{ Ref: id }]));
        const statements = policies.flatMap(([, p]) => p.Properties.PolicyDocument.Statement);
        expect(statements).toContainEqual(
          expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
        );
      }
    });

    it('alarms on every dead-letter queue as soon as one message is in it, and on relay errors', () => {
      const queues = ofType('AWS::SQS::Queue').map(([id]) => id);
      const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);

      // One per queue, the relay's, and the chat-bot's two (chat-function.test.ts).
      expect(alarms).toHaveLength(queues.length + 1 + 2);
      for (const queueId of queues) {
        expect(alarms).toContainEqual(
          expect.objectContaining({
            MetricName: 'ApproximateNumberOfMessagesVisible',
            Dimensions: [{ Name: 'QueueName', Value: getAtt(queueId, 'QueueName') }],
            Threshold: 0,
            ComparisonOperator: 'GreaterThanThreshold',
          }),
        );
      }
      const relayAlarm = alarms.find((a) => a.Metrics)!;
      const errorsMetric = relayAlarm.Metrics.find((m: { MetricStat?: { Metric: { MetricName: string } } }) => m.MetricStat?.Metric.MetricName === 'Errors');
      expect(errorsMetric.MetricStat.Metric.Dimensions).toEqual([{ Name: 'FunctionName', Value: { Ref: relayId } }]);
      expect(relayAlarm).toMatchObject({ Threshold: 0, ComparisonOperator: 'GreaterThanThreshold' });
    });
  });
});
