import { Capture, Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findApiFunction } from './support/api-function-resource.js';
import { synthesizeShouhu, type SynthesizedShouhu } from './support/synthesize-shouhu.js';

describe('the HTTP API in the synthesized stack', () => {
  let synthesized: SynthesizedShouhu;
  let functionId: string;

  beforeAll(() => {
    synthesized = synthesizeShouhu({ cloudFormationValidation: false });
    functionId = findApiFunction(synthesized.template).id;
  });
  afterAll(() => synthesized?.cleanUp());

  it('is an HTTP API (API Gateway v2)', () => {
    synthesized.template.resourceCountIs('AWS::ApiGatewayV2::Api', 1);
    synthesized.template.hasResourceProperties('AWS::ApiGatewayV2::Api', { ProtocolType: 'HTTP' });
  });

  it('sends every method under /api to the API function with payload format 2.0', () => {
    const target = new Capture();
    // Besides the chat-bot's two callback routes (chat-function.test.ts).
    synthesized.template.resourceCountIs('AWS::ApiGatewayV2::Route', 3);
    synthesized.template.hasResourceProperties('AWS::ApiGatewayV2::Route', {
      RouteKey: 'ANY /api/{proxy+}',
      Target: { 'Fn::Join': ['', ['integrations/', { Ref: target }]] },
    });
    const integrations = synthesized.template.findResources('AWS::ApiGatewayV2::Integration');

    expect(integrations[target.asString()]?.Properties).toMatchObject({
      IntegrationType: 'AWS_PROXY',
      IntegrationUri: { 'Fn::GetAtt': [functionId, 'Arn'] },
      PayloadFormatVersion: '2.0',
    });
  });

  it('lets only API Gateway invoke the function', () => {
    synthesized.template.hasResourceProperties('AWS::Lambda::Permission', {
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': [functionId, 'Arn'] },
      Principal: 'apigateway.amazonaws.com',
      SourceArn: Match.anyValue(),
    });
    // The event consumers and the relay are invoked by EventBridge: only the API function is checked here.
    const permissions = Object.values(synthesized.template.findResources('AWS::Lambda::Permission')).filter(
      (p) => JSON.stringify(p.Properties.FunctionName) === JSON.stringify({ 'Fn::GetAtt': [functionId, 'Arn'] }),
    );
    expect(permissions.length).toBeGreaterThan(0);
    expect(permissions.map((p) => p.Properties.Principal)).toEqual(
      permissions.map(() => 'apigateway.amazonaws.com'),
    );
  });

  it('deploys one auto-deployed default stage with throttling on every route', () => {
    const rate = new Capture();
    const burst = new Capture();
    synthesized.template.resourceCountIs('AWS::ApiGatewayV2::Stage', 1);
    synthesized.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: rate, ThrottlingBurstLimit: burst },
    });

    expect(rate.asNumber()).toBeGreaterThan(0);
    expect(burst.asNumber()).toBeGreaterThanOrEqual(rate.asNumber());
  });

  it('writes JSON access logs without client addresses to a log group with a retention period', () => {
    const destination = new Capture();
    const format = new Capture();
    synthesized.template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      AccessLogSettings: { DestinationArn: { 'Fn::GetAtt': [destination, 'Arn'] }, Format: format },
    });
    const fields = JSON.parse(format.asString()) as Record<string, string>;
    const logGroup = synthesized.template.findResources('AWS::Logs::LogGroup')[destination.asString()];

    expect(fields.requestId).toBe('$context.requestId');
    expect(fields.status).toBe('$context.status');
    expect(Object.values(fields)).not.toContain('$context.identity.sourceIp');
    expect(logGroup?.Properties.RetentionInDays).toBeGreaterThan(0);
  });
});
