import { GetParametersCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { LambdaContext, LambdaEvent } from 'hono/aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { startWechatStub, type WechatStub } from '../support/wechat-stub.js';
import { createTestTable } from '../support/dynamodb.js';
import { seedArea, users } from './support/seed-area.js';

/**
 * The Lambda entry end to end: an API Gateway HTTP API (v2) event in, the app built from the same factory, the
 * table on DynamoDB Local (reached through the SDK's standard endpoint variable) and the secrets from SSM Parameter
 * Store, which has no local engine and is therefore mocked.
 */
const ssm = mockClient(SSMClient);
const saved = { ...process.env };
const SESSION_SECRET = 'lambda-test-session-secret-0123456789abcdef';
/** The entry logs to stdout as CloudWatch expects; the lines are captured to check what they hold. */
const logged: string[] = [];
let stub: WechatStub;
let handler: typeof import('../../functions/src/lambda/api.js').handler;

/** An API Gateway HTTP API (payload 2.0) event as the service sends it. */
function httpEvent(
  method: string,
  path: string,
  { body, sourceIp = '198.51.100.7', headers = {} }: { body?: unknown; sourceIp?: string; headers?: Record<string, string> } = {},
): LambdaEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example.cn', ...(body ? { 'content-type': 'application/json' } : {}), ...headers },
    requestContext: {
      accountId: '123456789012',
      authentication: null,
      authorizer: {},
      apiId: 'api',
      domainName: 'api.example.cn',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp, userAgent: 'vitest' },
      requestId: 'req-1',
      routeKey: '$default',
      stage: '$default',
      time: '10/Mar/2026:02:00:00 +0000',
      timeEpoch: 0,
    },
    body: body === undefined ? null : JSON.stringify(body),
    isBase64Encoded: false,
  };
}

const lambdaContext = { awsRequestId: 'lambda-1' } as LambdaContext;

beforeAll(async () => {
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    logged.push(String(chunk));
    return true;
  });
  stub = await startWechatStub();
  stub.script('code-director', { kind: 'session', openId: users.directorV1.wechatOpenId! });
  const table = await createTestTable('lambda');
  await seedArea(table.repositories);
  Object.assign(process.env, {
    TABLE_NAME: table.tableName,
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
    AWS_REGION: 'cn-north-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    SESSION_SECRET_PARAMETER: '/shouhu/test/session-secret',
    WECHAT_APP_SECRET_PARAMETER: '/shouhu/test/wechat-app-secret',
    WECHAT_APP_ID: stub.appId,
    WECHAT_API_BASE: stub.baseUrl,
  });
  ssm.on(GetParametersCommand).resolves({
    Parameters: [
      { Name: '/shouhu/test/session-secret', Value: SESSION_SECRET },
      { Name: '/shouhu/test/wechat-app-secret', Value: stub.appSecret },
    ],
  });
  ({ handler } = await import('../../functions/src/lambda/api.js'));
});

afterAll(async () => {
  vi.restoreAllMocks();
  process.env = saved;
  ssm.restore();
  await stub.close();
});

describe('functions/src/lambda/api.ts', () => {
  it('logs in through WeChat and serves a child list from an API Gateway event', async () => {
    const loggedIn = await handler(httpEvent('POST', '/api/v1/auth/wechat', { body: { code: 'code-director' } }), lambdaContext);
    const { token } = JSON.parse(loggedIn.body);
    const list = await handler(httpEvent('GET', '/api/v1/children', { headers: { authorization: `Bearer ${token}` } }), lambdaContext);

    expect(loggedIn.statusCode).toBe(200);
    expect(list.statusCode).toBe(200);
    expect(list.headers?.['cache-control']).toBe('no-store');
    expect(JSON.parse(list.body).items.length).toBe(2);
    expect(ssm.commandCalls(GetParametersCommand)).toHaveLength(1);
    expect(ssm.commandCalls(GetParametersCommand)[0].args[0].input).toMatchObject({ WithDecryption: true });
    const log = logged.join('');
    expect(log).toContain('"path":"/api/v1/children"');
    for (const secret of [SESSION_SECRET, stub.appSecret, token, ...stub.issuedSessionKeys]) expect(log).not.toContain(secret);
  });

  it('has no dev login', async () => {
    const res = await handler(httpEvent('POST', '/api/v1/auth/dev', { body: { userId: users.cityOfficer.id } }), lambdaContext);

    expect(res.statusCode).toBe(404);
  });

  it('rate-limits logins by the connection address API Gateway saw, whatever X-Forwarded-For claims', async () => {
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 7; attempt += 1) {
      const event = httpEvent('POST', '/api/v1/auth/wechat', {
        body: { code: 'code-unknown' },
        sourceIp: '198.51.100.99',
        headers: { 'x-forwarded-for': `10.9.9.${attempt}, 198.51.100.99` },
      });
      statuses.push((await handler(event, lambdaContext)).statusCode);
    }

    expect(statuses).toEqual([401, 401, 401, 401, 401, 401, 429]);
  });

  it('stops a start without its configuration, naming the variable, and starts on a later call once it is there', async () => {
    vi.resetModules();
    const fresh = await import('../../functions/src/lambda/api.js');
    const parameter = process.env.SESSION_SECRET_PARAMETER;
    delete process.env.SESSION_SECRET_PARAMETER;

    const failed = await fresh.handler(httpEvent('GET', '/api/v1/openapi.json'), lambdaContext).catch((e: unknown) => e);
    process.env.SESSION_SECRET_PARAMETER = parameter;
    const retried = await fresh.handler(httpEvent('GET', '/api/v1/openapi.json'), lambdaContext);

    expect(String(failed)).toContain('SESSION_SECRET_PARAMETER');
    expect(retried.statusCode).toBe(200);
  });
});
