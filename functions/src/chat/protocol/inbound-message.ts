import { z } from 'zod';
import type { ChatPlatform } from '../../domain/chat.js';
import { CallbackRefusal } from './callback-refusal.js';

export interface InboundMessage {
  from: string;
  to: string;
  createTime: number;
  kind: 'text' | 'event' | 'other';
  text: string | null;
  event: string | null;
  eventKey: string | null;
  msgId: string | null;
  /** WeCom's self-built app id; null on the Official Account. */
  agentId: string | null;
  /** What a redelivery repeats: MsgId for a message, sender + CreateTime for an event (events have no MsgId). */
  dedupeKey: string;
}

/** Caps far above what the platforms send (a text is at most 2048 bytes), so nothing unbounded reaches a use case. */
const callbackFieldsSchema = z.object({
  ToUserName: z.string().min(1).max(128),
  FromUserName: z.string().min(1).max(128),
  CreateTime: z.string().regex(/^[0-9]{1,12}$/),
  MsgType: z.string().min(1).max(32),
  Content: z.string().max(2048).optional(),
  MsgId: z.string().regex(/^[0-9A-Za-z_-]{1,64}$/).optional(),
  Event: z.string().min(1).max(64).optional(),
  EventKey: z.string().max(1024).optional(),
  AgentID: z.string().regex(/^[0-9]{1,20}$/).optional(),
});

/** The message a use case sees, from the fields of an opened callback; a message that is not whole is refused. */
export function toInboundMessage(platform: ChatPlatform, fields: Record<string, string>): InboundMessage {
  const parsed = callbackFieldsSchema.safeParse(fields);
  if (!parsed.success) throw new CallbackRefusal('xml');
  const { ToUserName, FromUserName, CreateTime, MsgType, Content, MsgId, Event, EventKey, AgentID } = parsed.data;
  const kind = MsgType === 'text' ? 'text' : MsgType === 'event' ? 'event' : 'other';
  if ((kind === 'text' && Content === undefined) || (kind === 'event' && Event === undefined)) {
    throw new CallbackRefusal('xml');
  }
  const senderAndTime = `${FromUserName}:${CreateTime}`;
  return {
    from: FromUserName,
    to: ToUserName,
    createTime: Number(CreateTime),
    kind,
    text: kind === 'text' ? (Content ?? null) : null,
    event: kind === 'event' ? (Event ?? null) : null,
    eventKey: kind === 'event' ? (EventKey ?? null) : null,
    msgId: MsgId ?? null,
    agentId: platform === 'wecom' ? (AgentID ?? null) : null,
    dedupeKey: kind === 'event' ? senderAndTime : (MsgId ?? senderAndTime),
  };
}
