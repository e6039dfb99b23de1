import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { CallbackRefusal } from './callback-refusal.js';

/** The platforms pad to 32 bytes (the AES key's length), not to AES's 16-byte block. */
const PAD_BLOCK = 32;
const RANDOM_BYTES = 16;
const LENGTH_BYTES = 4;
const ENCODING_AES_KEY = /^[A-Za-z0-9]{43}$/;
const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface MessageCipher {
  /** The message inside a base64 ciphertext; refuses what was not sealed for this AppID or CorpID. */
  decrypt(base64: string): string;
  /** Seals a message for the platform; `random16` is only given by tests reproducing a published vector. */
  encrypt(plainXml: string, random16?: Buffer): string;
}

/**
 * The message encryption shared by the Official Account's safe mode and every WeCom callback: AES-256-CBC with the
 * key base64(EncodingAESKey + '='), the IV its first 16 bytes, PKCS#7 to 32 bytes, over
 * random16 + big-endian length + message + receiverId.
 */
export function createMessageCipher(encodingAesKey: string, receiverId: string): MessageCipher {
  if (!ENCODING_AES_KEY.test(encodingAesKey)) throw new Error('EncodingAESKey 必须是 43 个字母或数字');
  if (receiverId.length === 0) throw new Error('AppID 或 CorpID 不能为空');
  const key = Buffer.from(`${encodingAesKey}=`, 'base64');
  const iv = key.subarray(0, 16);
  const receiver = Buffer.from(receiverId, 'utf8');

  return {
    decrypt(base64) {
      const content = unpad(decryptBlocks(key, iv, base64));
      if (content.length < RANDOM_BYTES + LENGTH_BYTES) throw new CallbackRefusal('cipher');
      const messageEnd = RANDOM_BYTES + LENGTH_BYTES + content.readUInt32BE(RANDOM_BYTES);
      if (messageEnd > content.length) throw new CallbackRefusal('cipher');
      if (!content.subarray(messageEnd).equals(receiver)) throw new CallbackRefusal('receiver');
      try {
        return utf8.decode(content.subarray(RANDOM_BYTES + LENGTH_BYTES, messageEnd));
      } catch {
        throw new CallbackRefusal('cipher');
      }
    },

    encrypt(plainXml, random16 = randomBytes(RANDOM_BYTES)) {
      if (random16.length !== RANDOM_BYTES) throw new Error('random16 必须是 16 字节');
      const message = Buffer.from(plainXml, 'utf8');
      const length = Buffer.alloc(LENGTH_BYTES);
      length.writeUInt32BE(message.length);
      const cipher = createCipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
      const padded = pad(Buffer.concat([random16, length, message, receiver]));
      return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
    },
  };
}

function decryptBlocks(key: Buffer, iv: Buffer, base64: string): Buffer {
  // Buffer.from(…, 'base64') skips what it cannot read, so a truncated or altered text is checked first.
  if (base64.length === 0 || !STRICT_BASE64.test(base64)) throw new CallbackRefusal('cipher');
  const encrypted = Buffer.from(base64, 'base64');
  if (encrypted.length === 0 || encrypted.length % 16 !== 0) throw new CallbackRefusal('cipher');
  try {
    const decipher = createDecipheriv('aes-256-cbc', key, iv).setAutoPadding(false);
    return Buffer.concat([decipher.update(encrypted), decipher.final()]);
  } catch {
    throw new CallbackRefusal('cipher');
  }
}

function pad(data: Buffer): Buffer {
  const count = PAD_BLOCK - (data.length % PAD_BLOCK);
  return Buffer.concat([data, Buffer.alloc(count, count)]);
}

function unpad(data: Buffer): Buffer {
  const count = data[data.length - 1];
  if (count < 1 || count > PAD_BLOCK || count > data.length) throw new CallbackRefusal('cipher');
  for (let i = data.length - count; i < data.length; i += 1) {
    if (data[i] !== count) throw new CallbackRefusal('cipher');
  }
  return data.subarray(0, data.length - count);
}
