import { describe, expect, it } from 'vitest';
import {
  REPLAY_WINDOW_SECONDS,
  openCallback,
  sealReply,
  verifyCallbackUrl,
  type CallbackCredentials,
  type CallbackQuery,
} from '../../../functions/src/chat/protocol/callback-envelope.js';
import { buildCallbackXml, parseCallbackXml } from '../../../functions/src/chat/protocol/callback-xml.js';
import { createMessageCipher } from '../../../functions/src/chat/protocol/message-cipher.js';
import { callbackSignature } from '../../../functions/src/chat/protocol/signature.js';
import { refusalOf } from './refusal-of.js';
import {
  atTimestamp,
  officialAccountSample,
  wechatpyPlainSignature,
  wechatpyWorkSample,
  wecomOfficialSample,
} from './published-vectors.js';

const wecom: CallbackCredentials = {
  platform: 'wecom',
  token: wecomOfficialSample.token,
  encodingAesKey: wecomOfficialSample.encodingAesKey,
  receiverId: wecomOfficialSample.corpId,
};
const wecomGet: CallbackQuery = {
  msg_signature: wecomOfficialSample.verifyUrl.msgSignature,
  timestamp: wecomOfficialSample.verifyUrl.timestamp,
  nonce: wecomOfficialSample.verifyUrl.nonce,
  echostr: wecomOfficialSample.verifyUrl.echostr,
};
const wecomPost: CallbackQuery = {
  msg_signature: wecomOfficialSample.post.msgSignature,
  timestamp: wecomOfficialSample.post.timestamp,
  nonce: wecomOfficialSample.post.nonce,
};
const wecomPostAt = atTimestamp(wecomOfficialSample.post.timestamp);

const officialAccount: CallbackCredentials = {
  platform: 'wechat',
  token: officialAccountSample.token,
  encodingAesKey: officialAccountSample.encodingAesKey,
  receiverId: officialAccountSample.appId,
};
const officialAccountPost: CallbackQuery = {
  signature: 'not checked in safe mode',
  msg_signature: officialAccountSample.post.msgSignature,
  timestamp: officialAccountSample.post.timestamp,
  nonce: officialAccountSample.post.nonce,
  encrypt_type: 'aes',
  openid: 'oyORnuP8q7ou2gfYjqLzSIWZf0rs',
};

const plainAccount: CallbackCredentials = { platform: 'wechat', token: wechatpyPlainSignature.token, encodingAesKey: null, receiverId: 'wx0000000000000000' };
const plainQuery: CallbackQuery = {
  signature: wechatpyPlainSignature.signature,
  timestamp: wechatpyPlainSignature.timestamp,
  nonce: wechatpyPlainSignature.nonce,
};
const plainAt = atTimestamp(wechatpyPlainSignature.timestamp);
const plainBody = buildCallbackXml({ ToUserName: 'gh_1', FromUserName: 'o1', CreateTime: 1410685589, MsgType: 'text', Content: '确认', MsgId: '1' });

/** An encrypted POST as the platform would send it, for bodies no sample publishes. */
function encryptedPost(creds: CallbackCredentials, inner: string, at: Date, sealFor = creds.receiverId) {
  const encrypt = createMessageCipher(creds.encodingAesKey ?? '', sealFor).encrypt(inner);
  const timestamp = String(Math.floor(at.getTime() / 1000));
  const query: CallbackQuery = { msg_signature: callbackSignature(creds.token, timestamp, 'n1', encrypt), timestamp, nonce: 'n1' };
  if (creds.platform === 'wechat') query.encrypt_type = 'aes';
  return { query, body: buildCallbackXml({ ToUserName: creds.receiverId, Encrypt: encrypt }) };
}

describe('verifyCallbackUrl', () => {
  it('answers the WeCom sample GET with its decrypted echostr', () => {
    expect(verifyCallbackUrl(wecom, wecomGet, atTimestamp(wecomGet.timestamp ?? ''))).toBe(wecomOfficialSample.verifyUrl.answer);
  });

  it("accepts wechatpy's WeCom GET", () => {
    const { token, encodingAesKey, corpId, verifyUrl } = wechatpyWorkSample;
    const creds: CallbackCredentials = { platform: 'wecom', token, encodingAesKey, receiverId: corpId };
    const query = { msg_signature: verifyUrl.msgSignature, timestamp: verifyUrl.timestamp, nonce: verifyUrl.nonce, echostr: verifyUrl.echostr };
    expect(verifyCallbackUrl(creds, query, atTimestamp(verifyUrl.timestamp))).toMatch(/^\d+$/);
  });

  it('answers the Official Account GET with its echostr as is, in plain and in safe mode', () => {
    const query = { ...plainQuery, echostr: '5837397520665436492' };
    expect(verifyCallbackUrl(plainAccount, query, plainAt)).toBe('5837397520665436492');
    expect(verifyCallbackUrl({ ...officialAccount, token: plainAccount.token }, query, plainAt)).toBe('5837397520665436492');
  });

  it('refuses a changed signature', () => {
    const at = atTimestamp(wecomGet.timestamp ?? '');
    expect(refusalOf(() => verifyCallbackUrl(wecom, { ...wecomGet, msg_signature: `0${wecomGet.msg_signature?.slice(1)}` }, at))).toBe('signature');
    expect(refusalOf(() => verifyCallbackUrl(wecom, { ...wecomGet, nonce: '263014781' }, at))).toBe('signature');
    expect(refusalOf(() => verifyCallbackUrl(plainAccount, { ...plainQuery, echostr: 'x', signature: wecomGet.msg_signature }, plainAt))).toBe('signature');
  });

  it(`refuses a timestamp more than ${REPLAY_WINDOW_SECONDS} s away either way, and accepts one at the edge`, () => {
    const timestamp = wecomGet.timestamp ?? '';
    expect(refusalOf(() => verifyCallbackUrl(wecom, wecomGet, atTimestamp(timestamp, 301)))).toBe('timestamp');
    expect(refusalOf(() => verifyCallbackUrl(wecom, wecomGet, atTimestamp(timestamp, -301)))).toBe('timestamp');
    expect(verifyCallbackUrl(wecom, wecomGet, atTimestamp(timestamp, 300))).toBe(wecomOfficialSample.verifyUrl.answer);
    expect(verifyCallbackUrl(wecom, wecomGet, atTimestamp(timestamp, -300))).toBe(wecomOfficialSample.verifyUrl.answer);
  });

  it('refuses a query missing a field', () => {
    const at = atTimestamp(wecomGet.timestamp ?? '');
    for (const field of ['msg_signature', 'timestamp', 'nonce', 'echostr'] as const) {
      expect(refusalOf(() => verifyCallbackUrl(wecom, { ...wecomGet, [field]: undefined }, at))).toBe('query');
    }
    expect(refusalOf(() => verifyCallbackUrl(plainAccount, plainQuery, plainAt))).toBe('query');
  });
});

describe('openCallback', () => {
  it('opens the WeCom sample POST to the published message', () => {
    expect(openCallback(wecom, wecomPost, wecomOfficialSample.post.body, wecomPostAt)).toEqual({
      encrypted: true,
      fields: parseCallbackXml(wecomOfficialSample.post.plaintext),
    });
  });

  it("opens wechatpy's WeCom POST", () => {
    const { token, encodingAesKey, corpId, post } = wechatpyWorkSample;
    const creds: CallbackCredentials = { platform: 'wecom', token, encodingAesKey, receiverId: corpId };
    const opened = openCallback(creds, { msg_signature: post.msgSignature, timestamp: post.timestamp, nonce: post.nonce }, post.body, atTimestamp(post.timestamp));
    expect(opened.fields).toMatchObject({ Content: 'test', FromUserName: 'messense' });
  });

  it('opens the Official Account safe-mode sample and reads only the signed ciphertext, not the plain copy beside it', () => {
    const forged = officialAccountSample.post.body.replace('<![CDATA[abcdteT]]>', '<![CDATA[forged]]>');
    const opened = openCallback(officialAccount, officialAccountPost, forged, atTimestamp(officialAccountSample.post.timestamp));
    expect(opened.encrypted).toBe(true);
    expect(opened.fields).toMatchObject({ ToUserName: 'gh_10f6c3c3ac5a', Content: 'abcdteT', MsgId: '6054768590064713728' });
    expect(opened.fields).not.toHaveProperty('Encrypt');
  });

  it('opens an Official Account plain-mode POST as the message itself', () => {
    expect(openCallback(plainAccount, plainQuery, plainBody, plainAt)).toEqual({ encrypted: false, fields: parseCallbackXml(plainBody) });
  });

  it('refuses a changed signature or a message signed with another ciphertext', () => {
    expect(refusalOf(() => openCallback(wecom, { ...wecomPost, msg_signature: wecomGet.msg_signature }, wecomOfficialSample.post.body, wecomPostAt))).toBe('signature');
    const otherCiphertext = wecomOfficialSample.post.body.replace(/<Encrypt><!\[CDATA\[[^\]]+/, `<Encrypt><![CDATA[${wecomOfficialSample.verifyUrl.echostr}`);
    expect(refusalOf(() => openCallback(wecom, wecomPost, otherCiphertext, wecomPostAt))).toBe('signature');
    expect(refusalOf(() => openCallback(plainAccount, { ...plainQuery, nonce: 'other' }, plainBody, plainAt))).toBe('signature');
  });

  it('refuses a timestamp 301 s off', () => {
    expect(refusalOf(() => openCallback(wecom, wecomPost, wecomOfficialSample.post.body, atTimestamp(wecomPost.timestamp ?? '', 301)))).toBe('timestamp');
    expect(refusalOf(() => openCallback(plainAccount, plainQuery, plainBody, atTimestamp(plainQuery.timestamp ?? '', -301)))).toBe('timestamp');
  });

  it('refuses a ciphertext sealed for another AppID, though signed with our token', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const { query, body } = encryptedPost(officialAccount, plainBody, now, 'wxffffffffffffffff');
    expect(refusalOf(() => openCallback(officialAccount, query, body, now))).toBe('receiver');
  });

  it('refuses a plain message once safe mode is set up, and an encrypted one without a key', () => {
    const at = atTimestamp(officialAccountSample.post.timestamp);
    expect(refusalOf(() => openCallback(officialAccount, { ...officialAccountPost, encrypt_type: undefined }, officialAccountSample.post.body, at))).toBe('query');
    expect(refusalOf(() => openCallback(officialAccount, { ...officialAccountPost, encrypt_type: 'rsa' }, officialAccountSample.post.body, at))).toBe('query');
    expect(refusalOf(() => openCallback(plainAccount, { ...plainQuery, encrypt_type: 'aes' }, plainBody, plainAt))).toBe('query');
  });

  it('refuses a query missing a field and an encrypted body without Encrypt', () => {
    expect(refusalOf(() => openCallback(wecom, { ...wecomPost, msg_signature: undefined }, wecomOfficialSample.post.body, wecomPostAt))).toBe('query');
    expect(refusalOf(() => openCallback(wecom, { ...wecomPost, timestamp: '' }, wecomOfficialSample.post.body, wecomPostAt))).toBe('query');
    expect(refusalOf(() => openCallback(wecom, wecomPost, '<xml><ToUserName>x</ToUserName></xml>', wecomPostAt))).toBe('xml');
  });

  it('refuses entity declarations outside and inside the ciphertext, and a body over the limit', () => {
    const bomb = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><xml><Content>&b;</Content></xml>';
    expect(refusalOf(() => openCallback(plainAccount, plainQuery, bomb, plainAt))).toBe('xml');
    const now = new Date('2026-11-30T12:00:00Z');
    const sealedBomb = encryptedPost(wecom, bomb, now);
    expect(refusalOf(() => openCallback(wecom, sealedBomb.query, sealedBomb.body, now))).toBe('xml');
    const huge = `<xml><Content>${'a'.repeat(33 * 1024)}</Content></xml>`;
    expect(refusalOf(() => openCallback(plainAccount, plainQuery, huge, plainAt))).toBe('tooLarge');
  });
});

describe('sealReply', () => {
  const reply = { ToUserName: 'messense', FromUserName: 'wx49f0ab532d5d035a', CreateTime: 1411525903, MsgType: 'text', Content: '已确认 ✅' };

  it('answers a plain message with the reply XML itself', () => {
    expect(sealReply(plainAccount, reply, false, plainAt, 'n')).toBe(buildCallbackXml(reply));
  });

  it("seals an encrypted reply with its own signature, timestamp and nonce, as wechatpy's reply sample is laid out", () => {
    const { token, encodingAesKey, corpId, reply: sample } = wechatpyWorkSample;
    const creds: CallbackCredentials = { platform: 'wecom', token, encodingAesKey, receiverId: corpId };
    const sealed = sealReply(creds, reply, true, atTimestamp(sample.timestamp), sample.nonce, Buffer.from(sample.random16, 'utf8'));
    const outer = parseCallbackXml(sealed);
    expect(Object.keys(outer)).toEqual(['Encrypt', 'MsgSignature', 'TimeStamp', 'Nonce']);
    expect(outer).toMatchObject({ TimeStamp: sample.timestamp, Nonce: sample.nonce });
    expect(outer.MsgSignature).toBe(callbackSignature(token, sample.timestamp, sample.nonce, outer.Encrypt));
    expect(createMessageCipher(encodingAesKey, corpId).decrypt(outer.Encrypt)).toBe(buildCallbackXml(reply));
  });

  it('is opened by the same rules the platform applies to our callbacks', () => {
    const now = new Date('2026-11-30T12:00:00Z');
    const outer = parseCallbackXml(sealReply(officialAccount, reply, true, now, 'nonce-1'));
    const query: CallbackQuery = { msg_signature: outer.MsgSignature, timestamp: outer.TimeStamp, nonce: outer.Nonce, encrypt_type: 'aes' };
    const opened = openCallback(officialAccount, query, buildCallbackXml({ Encrypt: outer.Encrypt }), now);
    expect(opened.fields).toEqual({ ...reply, CreateTime: String(reply.CreateTime) });
  });
});
