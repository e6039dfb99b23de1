import { z } from '@hono/zod-openapi';
import { chatPlatforms } from '../domain/chat.js';

/** The mini-program's 绑定公众号 / 绑定企业微信 (issue 10, part 3). The OpenID or WeCom UserID is never shown. */
const platformSchema = z.enum(chatPlatforms).describe('wechat：公众号；wecom：企业微信');

export const bindCodeRequestSchema = z.object({ platform: platformSchema }).strict().openapi('BindCodeRequest');

export const bindCodeSchema = z
  .object({
    code: z.string().regex(/^\d{6}$/).describe('在对话框发送“绑定 123456”'),
    platform: platformSchema,
    expiresAt: z.iso.datetime({ offset: true }),
  })
  .openapi('BindCode');

export const chatBindingListSchema = z
  .object({
    items: z.array(
      z.object({
        platform: platformSchema,
        boundAt: z.iso.datetime({ offset: true }),
        digestToChat: z.boolean().describe('每日提醒发到这个对话（在对话中发送“提醒”）'),
      }),
    ),
  })
  .openapi('ChatBindingList');

export const chatBindingParamsSchema = z.object({ platform: platformSchema }).strict();
