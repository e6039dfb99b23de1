import { createCipheriv } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMessageCipher } from '../../../functions/src/chat/protocol/message-cipher.js';
import { anyText } from './any-text.js';
import { refusalOf } from './refusal-of.js';
import { officialAccountSample, wechatpyWorkSample, wecomOfficialSample, wxJavaSample } from './published-vectors.js';

const wecom = createMessageCipher(wecomOfficialSample.encodingAesKey, wecomOfficialSample.corpId);

/** AES-256-CBC over exactly the bytes given, so a test can seal a plaintext with padding of its own making. */
function sealRaw(encodingAesKey: string, plaintext: Buffer): string {
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]).toString('base64');
}

/** random16 + length + message + receiver, before any padding. */
function layout(message: string, receiverId: string): Buffer {
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(body.length);
  return Buffer.concat([Buffer.alloc(16, 7), length, body, Buffer.from(receiverId, 'utf8')]);
}

describe('createMessageCipher: published vectors', () => {
  it('decrypts the WeCom sample echostr and message to the published plaintexts', () => {
    expect(wecom.decrypt(wecomOfficialSample.verifyUrl.echostr)).toBe(wecomOfficialSample.verifyUrl.answer);
    const encrypt = /<Encrypt><!\[CDATA\[([^\]]+)\]\]>/.exec(wecomOfficialSample.post.body)?.[1] ?? '';
    expect(wecom.decrypt(encrypt)).toBe(wecomOfficialSample.post.plaintext);
  });

  it('reproduces the Official Account ciphertexts of WxJava from their fixed random bytes, Chinese included', () => {
    const cipher = createMessageCipher(wxJavaSample.encodingAesKey, wxJavaSample.appId);
    const random16 = Buffer.from(wxJavaSample.random16, 'utf8');
    expect(cipher.encrypt(wxJavaSample.plaintext, random16)).toBe(wxJavaSample.encrypt);
    expect(cipher.encrypt(wxJavaSample.plaintext2, random16)).toBe(wxJavaSample.encrypt2);
    expect(cipher.decrypt(wxJavaSample.encrypt)).toBe(wxJavaSample.plaintext);
    expect(cipher.decrypt(wxJavaSample.encrypt2)).toBe(wxJavaSample.plaintext2);
  });

  it("reproduces wechatpy's WeCom reply ciphertext from its mocked random bytes", () => {
    const { encodingAesKey, corpId, reply } = wechatpyWorkSample;
    const cipher = createMessageCipher(encodingAesKey, corpId);
    expect(cipher.encrypt(reply.plaintext, Buffer.from(reply.random16, 'utf8'))).toBe(reply.encrypt);
  });

  it('decrypts the Official Account sample message (its AppID checked)', () => {
    const { encodingAesKey, appId, post } = officialAccountSample;
    const encrypt = /<Encrypt><!\[CDATA\[([^\]]+)\]\]>/.exec(post.body)?.[1] ?? '';
    expect(createMessageCipher(encodingAesKey, appId).decrypt(encrypt)).toContain('<Content><![CDATA[abcdteT]]></Content>');
  });
});

describe('createMessageCipher: refusals', () => {
  it('refuses a ciphertext sealed for another AppID or CorpID', () => {
    const forOther = createMessageCipher(wecomOfficialSample.encodingAesKey, 'wx0000000000000000').encrypt('<xml/>');
    expect(refusalOf(() => wecom.decrypt(forOther))).toBe('receiver');
    // Same EncodingAESKey, another AppID: WxJava's vector was sealed for wxb11529c136998cb6.
    const otherApp = createMessageCipher(wxJavaSample.encodingAesKey, officialAccountSample.appId);
    expect(refusalOf(() => otherApp.decrypt(wxJavaSample.encrypt))).toBe('receiver');
  });

  it('refuses a pad byte of 0 or above 32, and pad bytes that are not all equal', () => {
    const { encodingAesKey, corpId } = wecomOfficialSample;
    const unpadded = layout('你好', corpId);
    const fill = 32 - (unpadded.length % 32);
    const withPad = (bytes: number[]) => sealRaw(encodingAesKey, Buffer.concat([unpadded, Buffer.from(bytes)]));
    expect(wecom.decrypt(withPad(Array(fill).fill(fill)))).toBe('你好');
    expect(refusalOf(() => wecom.decrypt(withPad([...Array(fill - 1).fill(fill), 0])))).toBe('cipher');
    expect(refusalOf(() => wecom.decrypt(withPad([...Array(fill - 1).fill(fill), fill + 1])))).toBe('cipher');
    expect(refusalOf(() => wecom.decrypt(withPad([fill - 1, ...Array(fill - 1).fill(fill)])))).toBe('cipher');
    expect(refusalOf(() => wecom.decrypt(withPad(Array(fill + 32).fill(fill + 32))))).toBe('cipher');
  });

  it('refuses a length that runs past the end of the plaintext', () => {
    const { encodingAesKey, corpId } = wecomOfficialSample;
    const plaintext = layout('hello', corpId);
    plaintext.writeUInt32BE(10_000, 16);
    const fill = 32 - (plaintext.length % 32);
    expect(refusalOf(() => wecom.decrypt(sealRaw(encodingAesKey, Buffer.concat([plaintext, Buffer.alloc(fill, fill)]))))).toBe('cipher');
  });

  it('refuses truncated, altered and empty base64', () => {
    const { echostr } = wecomOfficialSample.verifyUrl;
    expect(refusalOf(() => wecom.decrypt(echostr.slice(0, -4)))).toBe('cipher');
    expect(refusalOf(() => wecom.decrypt(echostr.slice(0, -1)))).toBe('cipher');
    expect(refusalOf(() => wecom.decrypt(echostr.slice(0, 44)))).toBe('cipher');
    expect(refusalOf(() => wecom.decrypt(`${echostr.slice(0, 10)}*${echostr.slice(11)}`))).toBe('cipher');
    expect(refusalOf(() => wecom.decrypt(''))).toBe('cipher');
  });

  it('refuses a ciphertext made with another EncodingAESKey', () => {
    const stranger = createMessageCipher('abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG', wecomOfficialSample.corpId);
    expect(['cipher', 'receiver']).toContain(refusalOf(() => wecom.decrypt(stranger.encrypt('<xml/>'))));
  });

  it('does not start with an EncodingAESKey that is not 43 letters or digits', () => {
    expect(() => createMessageCipher('short', 'wx5823bf96d3bd56c7')).toThrow('EncodingAESKey');
    expect(() => createMessageCipher(`${wecomOfficialSample.encodingAesKey.slice(0, 42)}+`, 'wx5823bf96d3bd56c7')).toThrow('EncodingAESKey');
  });
});

describe('createMessageCipher: round trip', () => {
  it('decrypts whatever it encrypts, for any text including Chinese and emoji', () => {
    const text = fc.oneof(
      anyText({ maxLength: 300 }),
      fc.constantFrom('', '确认', '没来 2', '报告：孩子一个人在家😢', '👨‍👩‍👧‍👦🏳️‍🌈', 'x'.repeat(2048)),
    );
    fc.assert(fc.property(text, fc.uint8Array({ minLength: 16, maxLength: 16 }), (message, random) => {
      expect(wecom.decrypt(wecom.encrypt(message, Buffer.from(random)))).toBe(message);
    }));
  });

  it('pads every ciphertext to whole 32-byte blocks', () => {
    fc.assert(fc.property(anyText(), (message) => {
      expect(Buffer.from(wecom.encrypt(message), 'base64').length % 32).toBe(0);
    }));
  });
});
