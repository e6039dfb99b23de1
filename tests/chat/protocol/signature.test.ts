import { describe, expect, it } from 'vitest';
import { callbackSignature, signaturesMatch } from '../../../functions/src/chat/protocol/signature.js';
import { officialAccountSample, wechatpyPlainSignature, wecomOfficialSample } from './published-vectors.js';

describe('callbackSignature', () => {
  it('signs token, timestamp and nonce as the Official Account does in plain mode (wechatpy tests/test_utils.py)', () => {
    const { token, timestamp, nonce, signature } = wechatpyPlainSignature;
    expect(callbackSignature(token, timestamp, nonce)).toBe(signature);
  });

  it('adds the echostr for WeCom URL verification (WeCom official sample)', () => {
    const { token, verifyUrl } = wecomOfficialSample;
    expect(callbackSignature(token, verifyUrl.timestamp, verifyUrl.nonce, verifyUrl.echostr)).toBe(verifyUrl.msgSignature);
  });

  it('adds the Encrypt field for an encrypted message (Official Account official sample)', () => {
    const { token, post } = officialAccountSample;
    const encrypt = /<Encrypt><!\[CDATA\[([^\]]+)\]\]><\/Encrypt>/.exec(post.body)?.[1] ?? '';
    expect(callbackSignature(token, post.timestamp, post.nonce, encrypt)).toBe(post.msgSignature);
  });
});

describe('signaturesMatch', () => {
  it('matches the same digest and refuses one changed in its last character or cut short', () => {
    const { signature } = wechatpyPlainSignature;
    expect(signaturesMatch(signature, signature)).toBe(true);
    expect(signaturesMatch(signature, `${signature.slice(0, -1)}e`)).toBe(false);
    expect(signaturesMatch(signature, signature.slice(0, -1))).toBe(false);
    expect(signaturesMatch(signature, '')).toBe(false);
  });
});
