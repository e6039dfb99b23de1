import type { User } from '../domain/user.js';
import { digestSubscribeFields, townRobotMessage, type AnyDigest, type TownSummary } from '../notify/digest-messages.js';
import type { OutsideChannels } from '../notify/outside-channels.js';
import type { ChatDigestSender } from '../notify/chat-digest.js';
import type { ChatBinding, RecordReader } from '../store/ports.js';

/** A digest as the sweep made it, for its reader. */
export interface ReaderDigest {
  userId: string;
  digest: AnyDigest;
}

export interface DigestsSentOutside {
  /** Subscription messages WeChat accepted in this run (0 on a rerun of the day: each is claimed once). */
  wechatSent: number;
  /** Town robot messages WeCom accepted in this run. */
  robotSent: number;
  /** Digests sent to the chats their readers bound and asked for them in (issue 10, part 6). */
  chatSent: number;
}

/** The chat channel of the digests: off (null) when no chat platform can send. */
export interface ChatDigests {
  readers(): Promise<ChatBinding[]>;
  send: ChatDigestSender;
}

/** A few sends at a time: WeChat and WeCom are outside calls, and a city's run must not become one burst. */
const SEND_CONCURRENCY = 5;

async function inBatches<T>(items: readonly T[], send: (item: T) => Promise<boolean>): Promise<number> {
  let sent = 0;
  for (let start = 0; start < items.length; start += SEND_CONCURRENCY) {
    const outcomes = await Promise.all(items.slice(start, start + SEND_CONCURRENCY).map(send));
    sent += outcomes.filter(Boolean).length;
  }
  return sent;
}

/**
 * The day's digests through the outside channels, when configured, after they are in the inboxes (which always
 * work): a subscription message to each reader with a WeChat openid and a consent, keyed `digest#<date>#<userId>`,
 * and one robot message per town, keyed `digest#<date>#town#<townId>`. Each key is claimed before its send, so a
 * rerun of the day sends nothing new. A reader without an openid is skipped without a word; their inbox has it. And
 * to each reader's bound chats where they asked for it (提醒), keyed per platform the same way.
 */
export async function sendDigestsOutside(
  ports: { outside: OutsideChannels; records: RecordReader; chatDigests: ChatDigests | null },
  date: string,
  at: Date,
  readers: readonly ReaderDigest[],
  towns: readonly (TownSummary & { townId: string })[],
  known: ReadonlyMap<string, User>,
): Promise<DigestsSentOutside> {
  let wechatSent = 0;
  if (ports.outside.subscribes('digest') && readers.length > 0) {
    const unknown = readers.map((reader) => reader.userId).filter((id) => !known.has(id));
    const users = new Map([...known, ...(unknown.length > 0 ? (await ports.records.read({ users: unknown })).users : [])]);
    wechatSent = await inBatches(readers, async ({ userId, digest }) => {
      const openId = users.get(userId)?.wechatOpenId ?? null;
      if (openId === null) return false;
      const outcome = await ports.outside.subscribe('digest', {
        deliveryId: `digest#${date}#${userId}`,
        userId,
        openId,
        fields: digestSubscribeFields(digest, at),
      });
      return outcome === 'sent';
    });
  }
  const robotSent = await inBatches(towns, async (town) => {
    const message = townRobotMessage(town);
    if (message === null) return false;
    return (await ports.outside.robot({ deliveryId: `digest#${date}#town#${town.townId}`, townId: town.townId, message })) === 'sent';
  });
  const chatSent = ports.chatDigests === null || readers.length === 0 ? 0 : await sendToChats(ports.chatDigests, date, at, readers);
  return { wechatSent, robotSent, chatSent };
}

async function sendToChats(chat: ChatDigests, date: string, at: Date, readers: readonly ReaderDigest[]): Promise<number> {
  const digestOf = new Map(readers.map((reader) => [reader.userId, reader.digest]));
  const wanted = (await chat.readers()).filter((binding) => digestOf.has(binding.userId));
  return inBatches(wanted, (binding) => chat.send(binding, digestOf.get(binding.userId)!, date, at));
}
