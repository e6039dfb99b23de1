import { truncateText } from '../domain/text.js';
import { shanghaiDate, TIME_ZONE } from '../domain/time.js';

/**
 * A subscription message's fields, made to fit WeChat's rules before sending, since a field over its limit fails the
 * whole message with 47003. The type is the key without its number (`thing3` → thing), as WeChat names them; limits
 * are WeChat's "参数值内容限制", counted here in code points (a rare character outside the BMP is one character to
 * WeChat as to a reader). Control characters are not allowed in any field (RELIABILITY.md).
 */
export type SubscribeFieldType =
  | 'thing'
  | 'number'
  | 'letter'
  | 'symbol'
  | 'character_string'
  | 'time'
  | 'date'
  | 'amount'
  | 'phone_number'
  | 'car_number'
  | 'name'
  | 'phrase';

const LIMITS: Record<Exclude<SubscribeFieldType, 'time' | 'date' | 'name'>, number> = {
  thing: 20,
  number: 32,
  letter: 32,
  symbol: 5,
  character_string: 32,
  amount: 12,
  phone_number: 17,
  car_number: 8,
  phrase: 5,
};
/** 10 Chinese characters, or 20 when the name is letters and symbols only; a mixed name counts as Chinese. */
const NAME_LIMIT_CHINESE = 10;
const NAME_LIMIT_LATIN = 20;

const KEY = /^([a-z_]+?)(\d+)$/;
const CONTROL = /\p{Cc}/gu;
const TYPES = new Set<string>([...Object.keys(LIMITS), 'time', 'date', 'name']);

export type SubscribeFieldValue = string | Date;
export type SubscribeData = Record<string, { value: string }>;

export function fieldTypeOf(key: string): SubscribeFieldType {
  const type = KEY.exec(key)?.[1];
  if (type === undefined || !TYPES.has(type)) throw new Error(`not a subscription message field key: ${key}`);
  return type as SubscribeFieldType;
}

/** `2026年11月30日 15:01`, Beijing time: the form WeChat's docs give for time and date fields. */
export function beijingFieldTime(instant: Date): string {
  const [year, month, day] = shanghaiDate(instant).split('-').map(Number);
  const time = instant.toLocaleTimeString('zh-CN', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });
  return `${year}年${month}月${day}日 ${time}`;
}

function cutText(value: string, type: SubscribeFieldType): string {
  const clean = value.replace(CONTROL, ' ').trim();
  if (type === 'name') {
    const latinOnly = /^[\p{Script=Latin}\p{N}\p{P}\p{S} ]*$/u.test(clean);
    return truncateText(clean, latinOnly ? NAME_LIMIT_LATIN : NAME_LIMIT_CHINESE);
  }
  const limit = LIMITS[type as keyof typeof LIMITS];
  // A thing cut short ends in an ellipsis so the reader knows to open the mini-program for the rest.
  if (type === 'thing' && Array.from(clean).length > limit) return `${truncateText(clean, limit - 1)}…`;
  return truncateText(clean, limit);
}

/** The message's `data`, each field cut to its type's limit; an empty field (refused by WeChat) becomes 无. */
export function subscribeDataOf(fields: Record<string, SubscribeFieldValue>): SubscribeData {
  const data: SubscribeData = {};
  for (const [key, raw] of Object.entries(fields)) {
    const type = fieldTypeOf(key);
    const value = raw instanceof Date ? beijingFieldTime(raw) : cutText(raw, type);
    data[key] = { value: value === '' ? '无' : value };
  }
  return data;
}
