import type { z } from 'zod';
import type { bindCodeSchema, chatBindingListSchema } from '../../../functions/src/api/chat-binding-schemas';

/** Issue 10, part 3: a one-time code to bind the 公众号 or 企业微信 chat, and the chats bound (GET/POST/DELETE /me/chat-…). */
export type ChatPlatform = 'wechat' | 'wecom';
export type BindCodeView = z.infer<typeof bindCodeSchema>;
export type ChatBindingView = z.infer<typeof chatBindingListSchema>['items'][number];
