import { describe, expect, it } from 'vitest';
import { chatConfigFrom } from '../../functions/src/chat/chat-config.js';

/** Issue 10, part 2: the chat callbacks' configuration from the environment, each platform off unless wholly set. */
const officialAccount = { WECHAT_OA_TOKEN: 'QDG6eK', WECHAT_OA_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', WECHAT_OA_APP_ID: 'wx5823bf96d3bd56c7' };
const wecom = { WECOM_TOKEN: 'QDG6eK', WECOM_AES_KEY: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', WECOM_CORP_ID: 'wx5823bf96d3bd56c7', WECOM_AGENT_ID: '1000002' };

describe('the chat configuration', () => {
  it('is off for both platforms when nothing is set, so `npm start` needs no settings', () => {
    expect(chatConfigFrom({})).toEqual({ wechat: null, wecom: null });
    expect(chatConfigFrom({ WECHAT_OA_TOKEN: '  ', WECOM_AGENT_ID: '' })).toEqual({ wechat: null, wecom: null });
  });

  it('turns a platform on when its token, key and receiver are set, the send secret optional', () => {
    const config = chatConfigFrom({ ...officialAccount, ...wecom, WECOM_SECRET: 's3cret' });
    expect(config.wechat).toMatchObject({ platform: 'wechat', token: 'QDG6eK', receiverId: 'wx5823bf96d3bd56c7', agentId: null, secret: null, apiBase: 'https://api.weixin.qq.com' });
    expect(config.wecom).toMatchObject({ platform: 'wecom', receiverId: 'wx5823bf96d3bd56c7', agentId: '1000002', secret: 's3cret', apiBase: 'https://qyapi.weixin.qq.com' });
  });

  it('stops the start on half a configuration, naming what is missing', () => {
    expect(() => chatConfigFrom({ WECHAT_OA_TOKEN: 'QDG6eK' })).toThrow(/WECHAT_OA_AES_KEY, WECHAT_OA_APP_ID/);
    const { WECOM_AGENT_ID: _agent, ...withoutAgent } = wecom;
    expect(() => chatConfigFrom(withoutAgent)).toThrow(/WECOM_AGENT_ID/);
  });

  it('stops the start on a malformed value, naming the variable and never echoing it', () => {
    const attempt = () => chatConfigFrom({ ...officialAccount, WECHAT_OA_AES_KEY: 'too-short-secret' });
    expect(attempt).toThrow(/WECHAT_OA_AES_KEY/);
    expect(attempt).not.toThrow(/too-short-secret/);
    expect(() => chatConfigFrom({ ...wecom, WECOM_AGENT_ID: 'app-2' })).toThrow(/WECOM_AGENT_ID/);
  });
});
