import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAccessTokenSource, REFRESH_MARGIN_MS } from '../../functions/src/notify/wechat-access-token.js';
import { WechatApiError } from '../../functions/src/notify/wechat-api.js';
import { startMessageStub, type MessageStub } from '../support/wechat-message-stub.js';

let stub: MessageStub;
let now: number;

beforeEach(async () => {
  stub = await startMessageStub();
  now = Date.now();
});

afterEach(async () => {
  await stub.close();
});

/** Moves this side's clock and the stub's together. */
function advance(ms: number) {
  now += ms;
  stub.advance(ms);
}

const source = (secret = stub.appSecret) => createAccessTokenSource({ appId: stub.appId, appSecret: secret, baseUrl: stub.baseUrl, now: () => now });

describe('the stable access token', () => {
  it('is asked for again five minutes before it expires, and WeChat’s same token is then used to its end', async () => {
    const tokens = source();
    const first = await tokens.current();

    advance(7_200_000 - REFRESH_MARGIN_MS + 1_000);
    const early = await tokens.current();
    const meanwhile = [await tokens.current(), await tokens.current()];
    advance(REFRESH_MARGIN_MS);
    const renewed = await tokens.current();

    expect(early).toBe(first);
    expect(meanwhile).toEqual([first, first]);
    expect(stub.tokenRequests).toHaveLength(3);
    expect(renewed).not.toBe(first);
  });

  it('lets concurrent callers who saw the same token rejected share one forced refresh', async () => {
    const tokens = source();
    const rejected = await tokens.current();

    const replaced = await Promise.all(Array.from({ length: 5 }, () => tokens.replaceRejected(rejected)));
    const later = await tokens.replaceRejected(rejected);

    expect(new Set([...replaced, later]).size).toBe(1);
    expect(replaced[0]).not.toBe(rejected);
    expect(stub.tokenRequests).toEqual([{ force_refresh: false }, { force_refresh: true }]);
  });

  it('fails with WeChat’s errcode for a wrong secret, and asks again on the next call', async () => {
    const tokens = source('wrong-secret');

    await expect(tokens.current()).rejects.toEqual(new WechatApiError(40125, 'errcode'));
    await expect(tokens.current()).rejects.toThrow(WechatApiError);
    expect(stub.tokenRequests).toHaveLength(2);
  });
});
