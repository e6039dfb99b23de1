import type { ChatBinding } from '../store/ports.js';
import type { ChannelDeliveries, ChannelSettlement } from '../store/event-ports.js';
import { digestSubscribeFields, digestTitle, digestSummary, type AnyDigest } from './digest-messages.js';
import { postWithToken, textMessageRequest, type ChatPush } from './chat-push.js';
import { subscribeDataOf } from './subscribe-fields.js';
import { WechatApiError } from './wechat-api.js';

/**
 * The daily digest in a chat the reader bound and asked for it in (提醒, issue 10 part 6): on WeCom as an application
 * message, which may be sent any time; on the Official Account as a template message (WECHAT_OA_TEMPLATE_DIGEST, the
 * same keys as the mini-program's digest template: thing1 提醒事项, thing2 待办摘要, time3 提醒时间), never as a
 * customer-service message, which WeChat allows only five times within 48 hours after the person last wrote. Each
 * send is claimed under `digest#<date>#chat#<platform>#<userId>` first, so a rerun of the day sends nothing twice.
 */
export interface ChatDigestDeps {
  push: ChatPush;
  deliveries: ChannelDeliveries;
  /** The Official Account's digest template; null: no digest to Official Account chats. */
  officialAccountTemplateId: string | null;
  clock: () => Date;
}

export type ChatDigestSender = (binding: ChatBinding, digest: AnyDigest, date: string, at: Date) => Promise<boolean>;

export function createChatDigestSender(deps: ChatDigestDeps): ChatDigestSender {
  const sendOnce = async (deliveryId: string, send: () => Promise<void>): Promise<boolean> => {
    if ((await deps.deliveries.claim({ deliveryId, channel: 'chat', at: deps.clock() })) === 'duplicate') return false;
    let settlement: ChannelSettlement = 'sent';
    try {
      await send();
    } catch (error) {
      if (!(error instanceof WechatApiError)) throw error;
      settlement = error.kind === 'errcode' ? 'refused' : 'uncertain';
    }
    await deps.deliveries.settle(deliveryId, settlement, deps.clock());
    return settlement === 'sent';
  };

  return async (binding, digest, date, at) => {
    const deliveryId = `digest#${date}#chat#${binding.platform}#${binding.userId}`;
    const api = deps.push.apiOf(binding.platform);
    if (api === null) return false;
    if (binding.platform === 'wecom') {
      const text = `${digestTitle(digest)}：${digestSummary(digest)}。详情请在“守护”小程序中查看。`;
      const { path, body } = textMessageRequest(binding, text, api.agentId);
      return sendOnce(deliveryId, () => postWithToken(api.tokens, api.apiBase, path, body));
    }
    const templateId = deps.officialAccountTemplateId;
    if (templateId === null) return false;
    return sendOnce(deliveryId, () =>
      postWithToken(api.tokens, api.apiBase, '/cgi-bin/message/template/send', {
        touser: binding.chatUserId,
        template_id: templateId,
        data: subscribeDataOf(digestSubscribeFields(digest, at)),
      }),
    );
  };
}
