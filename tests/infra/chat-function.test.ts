import { Capture, Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChatFunction, roleIdOf, type FunctionResource } from './support/api-function-resource.js';
import { synthesizeShouhu, type SynthesizedShouhu } from './support/synthesize-shouhu.js';

/** Issue 10, part 7: the chat-bot's route, function, secrets and alarms in the synthesized stack. */
type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

describe('the chat-bot in the synthesized stack', () => {
  let synthesized: SynthesizedShouhu;
  let chat: FunctionResource;

  beforeAll(() => {
    synthesized = synthesizeShouhu({ cloudFormationValidation: false });
    chat = findChatFunction(synthesized.template);
  });
  afterAll(() => synthesized?.cleanUp());

  it('answers GET (URL verification) and POST (messages) under /chat, and nothing else', () => {
    const integrations = synthesized.template.findResources('AWS::ApiGatewayV2::Integration');
    for (const method of ['GET', 'POST']) {
      const target = new Capture();
      synthesized.template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
        RouteKey: `${method} /chat/{proxy+}`,
        Target: { 'Fn::Join': ['', ['integrations/', { Ref: target }]] },
      });
      expect(integrations[target.asString()]?.Properties.IntegrationUri).toEqual({ 'Fn::GetAtt': [chat.id, 'Arn'] });
    }
    const routeKeys = Object.values(synthesized.template.findResources('AWS::ApiGatewayV2::Route')).map((r) => r.Properties.RouteKey as string);
    expect(routeKeys.filter((key) => key.includes('/chat/')).sort()).toEqual(['GET /chat/{proxy+}', 'POST /chat/{proxy+}']);
  });

  it('has time to push a late answer after the 4 s passive budget, and gets secrets by name only', () => {
    expect(chat.properties).toMatchObject({ Timeout: 15, MemorySize: 512 });
    expect(chat.properties.Environment.Variables).toMatchObject({
      SESSION_SECRET_PARAMETER: '/ShouhuStack/session-secret',
      CHAT_SECRETS_PREFIX: '/ShouhuStack/chat/',
    });
    for (const secret of ['WECHAT_OA_TOKEN', 'WECHAT_OA_AES_KEY', 'WECHAT_OA_APP_SECRET', 'WECOM_TOKEN', 'WECOM_AES_KEY', 'WECOM_SECRET']) {
      expect(chat.properties.Environment.Variables[secret]).toBeUndefined();
    }
  });

  it('may read the session key and the chat parameters, and no other parameter', () => {
    const roleId = roleIdOf(chat);
    const policies = Object.values(synthesized.template.findResources('AWS::IAM::Policy')).filter(
      (policy) => JSON.stringify(policy.Properties.Roles) === JSON.stringify([{ Ref: roleId }]),
    );
    const ssm = policies.flatMap((policy) => policy.Properties.PolicyDocument.Statement as Statement[]).filter((s) => JSON.stringify(s.Action).includes('ssm:'));
    const resources = JSON.stringify(ssm.map((s) => s.Resource));
    expect(resources).toContain('parameter/ShouhuStack/session-secret');
    for (const name of ['WECHAT_OA_TOKEN', 'WECHAT_OA_AES_KEY', 'WECHAT_OA_APP_SECRET', 'WECOM_TOKEN', 'WECOM_AES_KEY', 'WECOM_SECRET']) {
      expect(resources).toContain(`parameter/ShouhuStack/chat/${name}`);
    }
    expect(resources).not.toContain('*');
    expect(resources).not.toContain('wechat-app-secret');
    expect(resources).not.toContain('wecom-robot-keys');
  });

  it('alarms on any failed answer and on answers slower than 4 s', () => {
    synthesized.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: chat.id } }],
      Threshold: 0,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    synthesized.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Duration',
      Statistic: 'Maximum',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: chat.id } }],
      Threshold: 4000,
      TreatMissingData: Match.anyValue(),
    });
  });
});
