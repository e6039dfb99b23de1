import { z } from '@hono/zod-openapi';

/**
 * What the mini-program reports after `wx.requestSubscribeMessage`, and what the page shows of a user's consents.
 * WeChat asks about at most 3 templates at a time, so a report names at most 3.
 */
export const subscriptionReportSchema = z
  .object({
    answers: z
      .array(
        z
          .object({
            templateId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/),
            answer: z.enum(['accept', 'reject', 'ban', 'filter']).describe('wx.requestSubscribeMessage 对该模板的结果'),
          })
          .strict(),
      )
      .min(1)
      .max(3),
  })
  .strict()
  .openapi('SubscriptionReport');

export const subscriptionStatusSchema = z
  .object({
    templates: z.array(
      z.object({
        purpose: z.enum(['reminder', 'digest']),
        templateId: z.string(),
        kind: z.enum(['oneTime', 'longTerm']).describe('oneTime：一次性订阅，每次同意可收一条；longTerm：长期订阅'),
        oneTimeLeft: z.number().int().min(0),
        longTerm: z.boolean(),
      }),
    ),
  })
  .openapi('SubscriptionStatus');
