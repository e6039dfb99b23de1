import type { ChatPlatform } from '../../domain/chat.js';
import { CallbackRefusal } from './callback-refusal.js';
import { buildCallbackXml, parseCallbackXml } from './callback-xml.js';
import { createMessageCipher, type MessageCipher } from './message-cipher.js';
import { callbackSignature, signaturesMatch } from './signature.js';

export interface CallbackCredentials {
  platform: ChatPlatform;
  token: string;
  /** null: the Official Account in plain mode (WeCom always encrypts). */
  encodingAesKey: string | null;
  /** The Official Account's AppID, WeCom's CorpID: what every ciphertext must end with. */
  receiverId: string;
}

/** The query string of a callback, as the platforms name its parameters. */
export interface CallbackQuery {
  signature?: string;
  msg_signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
  encrypt_type?: string;
  openid?: string;
}

/** How far a callback's timestamp may be from our clock, either way, before it is taken for a replay. */
export const REPLAY_WINDOW_SECONDS = 300;

const TIMESTAMP = /^[0-9]{1,12}$/;

/**
 * The answer to the GET the platform sends when the callback URL is saved. The Official Account signs token,
 * timestamp and nonce and expects its echostr back as is; WeCom signs the echostr too and expects it decrypted.
 */
export function verifyCallbackUrl(creds: CallbackCredentials, query: CallbackQuery, now: Date): string {
  const timestamp = required(query.timestamp);
  const nonce = required(query.nonce);
  const echostr = required(query.echostr);
  if (creds.platform === 'wechat') {
    checkSignature(callbackSignature(creds.token, timestamp, nonce), required(query.signature));
    checkTimestamp(timestamp, now);
    return echostr;
  }
  checkSignature(callbackSignature(creds.token, timestamp, nonce, echostr), required(query.msg_signature));
  checkTimestamp(timestamp, now);
  return cipherOf(creds).decrypt(echostr);
}

/**
 * The fields of a pushed message, once its signature, its timestamp and (encrypted) its receiver are checked.
 * `encrypted` says how to answer it: a reply is sealed the way the message came.
 */
export function openCallback(
  creds: CallbackCredentials,
  query: CallbackQuery,
  body: string,
  now: Date,
): { fields: Record<string, string>; encrypted: boolean } {
  const timestamp = required(query.timestamp);
  const nonce = required(query.nonce);
  const outer = parseCallbackXml(body);
  if (!arrivesEncrypted(creds, query)) {
    // Plain mode signs no part of the body: only the window below keeps a captured query from carrying a new body.
    checkSignature(callbackSignature(creds.token, timestamp, nonce), required(query.signature));
    checkTimestamp(timestamp, now);
    return { fields: outer, encrypted: false };
  }
  const encrypt = outer.Encrypt;
  if (!encrypt) throw new CallbackRefusal('xml');
  checkSignature(callbackSignature(creds.token, timestamp, nonce, encrypt), required(query.msg_signature));
  checkTimestamp(timestamp, now);
  return { fields: parseCallbackXml(cipherOf(creds).decrypt(encrypt)), encrypted: true };
}

/** The XML answering a message passively: as is, or sealed in `<Encrypt>` with its own signature. */
export function sealReply(
  creds: CallbackCredentials,
  replyFields: Record<string, string | number>,
  encrypted: boolean,
  now: Date,
  nonce: string,
  random16?: Buffer,
): string {
  const plain = buildCallbackXml(replyFields);
  if (!encrypted) return plain;
  const timestamp = Math.floor(now.getTime() / 1000);
  const sealed = cipherOf(creds).encrypt(plain, random16);
  return buildCallbackXml({
    Encrypt: sealed,
    MsgSignature: callbackSignature(creds.token, String(timestamp), nonce, sealed),
    TimeStamp: timestamp,
    Nonce: nonce,
  });
}

/**
 * WeCom always encrypts; the Official Account says so with encrypt_type=aes. Once an EncodingAESKey is set, a
 * plain message is refused: its signature does not cover the body, so accepting it would undo the safe mode.
 */
function arrivesEncrypted(creds: CallbackCredentials, query: CallbackQuery): boolean {
  if (creds.platform === 'wecom') return true;
  const encrypted = query.encrypt_type === 'aes';
  if (!encrypted && query.encrypt_type !== undefined && query.encrypt_type !== 'raw') throw new CallbackRefusal('query');
  if (encrypted !== (creds.encodingAesKey !== null)) throw new CallbackRefusal('query');
  return encrypted;
}

function cipherOf(creds: CallbackCredentials): MessageCipher {
  if (creds.encodingAesKey === null) throw new Error('加密回调需要配置 EncodingAESKey');
  return createMessageCipher(creds.encodingAesKey, creds.receiverId);
}

function required(value: string | undefined): string {
  if (value === undefined || value === '') throw new CallbackRefusal('query');
  return value;
}

function checkSignature(expected: string, given: string): void {
  if (!signaturesMatch(expected, given)) throw new CallbackRefusal('signature');
}

function checkTimestamp(timestamp: string, now: Date): void {
  if (!TIMESTAMP.test(timestamp)) throw new CallbackRefusal('timestamp');
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > REPLAY_WINDOW_SECONDS) throw new CallbackRefusal('timestamp');
}
