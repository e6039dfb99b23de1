import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TABLE_INDEXES } from '../../functions/src/store/table-definition.js';
import { findApiFunction, roleIdOf, type FunctionResource } from './support/api-function-resource.js';
import { synthesizeShouhu, type SynthesizedShouhu } from './support/synthesize-shouhu.js';

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };
type PolicyResource = { Properties: { PolicyDocument: { Statement: Statement[] }; Roles: unknown[] } };

/** The statements of every policy, or of the policies attached to one role. */
function statementsOf(synthesized: SynthesizedShouhu, roleId?: string): Statement[] {
  const policies = Object.values(synthesized.template.findResources('AWS::IAM::Policy')) as PolicyResource[];
  return policies
    .filter((policy) => roleId === undefined || JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap((policy) => policy.Properties.PolicyDocument.Statement);
}

const asList = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

describe('the API function in the synthesized stack', () => {
  let synthesized: SynthesizedShouhu;
  let tableId: string;
  let api: FunctionResource;

  beforeAll(() => {
    synthesized = synthesizeShouhu({ cloudFormationValidation: false });
    [tableId] = Object.keys(synthesized.template.findResources('AWS::DynamoDB::Table'));
    api = findApiFunction(synthesized.template);
  });
  afterAll(() => synthesized?.cleanUp());

  it('runs the bundled handler on a current Node.js runtime, on ARM, with 512 MB and 10 s', () => {
    expect(api.properties).toMatchObject({ Handler: 'index.handler', Architectures: ['arm64'], MemorySize: 512, Timeout: 10 });
    const major = Number(/^nodejs(\d+)\.x$/.exec(api.properties.Runtime)?.[1]);
    expect(major).toBeGreaterThanOrEqual(22);
  });

  it('gets the table name as a reference to the table', () => {
    expect(api.properties.Environment.Variables.TABLE_NAME).toEqual({ Ref: tableId });
  });

  it('gets the names of its SecureString parameters, never their values', () => {
    synthesized.template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({
          SESSION_SECRET_PARAMETER: '/ShouhuStack/session-secret',
          WECHAT_APP_SECRET_PARAMETER: '/ShouhuStack/wechat-app-secret',
          SESSION_SECRET: Match.absent(),
          WECHAT_APP_SECRET: Match.absent(),
        }),
      },
    });
    // CloudFormation cannot make SecureStrings; a String parameter made here would hold the secret in clear.
    synthesized.template.resourceCountIs('AWS::SSM::Parameter', 0);
  });

  it('writes to its own log group, which has a retention period', () => {
    const [group] = Object.entries(synthesized.template.findResources('AWS::Logs::LogGroup')).filter(
      ([id]) => id === api.properties.LoggingConfig.LogGroup.Ref,
    );

    expect(group).toBeDefined();
    expect(group[1].Properties.RetentionInDays).toBeGreaterThan(0);
  });

  it('has a role without managed policies, trusted by Lambda only', () => {
    synthesized.template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [Match.objectLike({ Principal: { Service: 'lambda.amazonaws.com' }, Action: 'sts:AssumeRole' })],
      },
      ManagedPolicyArns: Match.absent(),
    });
  });

  it('grants DynamoDB actions only on the table and its named indexes, without wildcards or Scan', () => {
    const tableArn = { 'Fn::GetAtt': [tableId, 'Arn'] };
    const allowed = [
      JSON.stringify(tableArn),
      ...TABLE_INDEXES.map((index) => JSON.stringify({ 'Fn::Join': ['', [tableArn, `/index/${index.indexName}`]] })),
    ];
    const dynamoStatements = statementsOf(synthesized, roleIdOf(api)).filter((s) =>
      asList(s.Action).some((action) => action.startsWith('dynamodb:')),
    );

    expect(dynamoStatements.length).toBeGreaterThan(0);
    for (const statement of dynamoStatements) {
      expect(statement.Effect).toBe('Allow');
      for (const action of asList(statement.Action)) {
        expect(action).toMatch(/^dynamodb:[A-Za-z]+$/);
        expect(action).not.toBe('dynamodb:Scan');
      }
      for (const resource of asList(statement.Resource)) {
        expect(allowed).toContain(JSON.stringify(resource));
      }
    }
    const granted = new Set(dynamoStatements.flatMap((s) => asList(s.Action)));
    for (const needed of ['dynamodb:GetItem', 'dynamodb:Query', 'dynamodb:PutItem', 'dynamodb:UpdateItem']) {
      expect(granted).toContain(needed);
    }
  });

  it('may read exactly its two parameters from Parameter Store and nothing else there', () => {
    // The API role's own: the job function reads its own parameters (job-schedules.test.ts).
    const ssmStatements = statementsOf(synthesized, api.properties.Role['Fn::GetAtt'][0]).filter((s) =>
      asList(s.Action).some((action) => action.startsWith('ssm:')),
    );
    const resources = ssmStatements.flatMap((s) => asList(s.Resource)).map((r) => JSON.stringify(r));

    expect(ssmStatements.flatMap((s) => asList(s.Action)).sort()).toEqual(['ssm:GetParameter', 'ssm:GetParameters']);
    expect(resources).toHaveLength(2);
    expect(resources.some((r) => r.includes(':parameter/ShouhuStack/session-secret"'))).toBe(true);
    expect(resources.some((r) => r.includes(':parameter/ShouhuStack/wechat-app-secret"'))).toBe(true);
    expect(resources.filter((r) => r.includes('*'))).toEqual([]);
  });
});
