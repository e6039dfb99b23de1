import { publicConcernInputSchema, staffConcernInputSchema } from '../../domain/concern.js';
import type { User } from '../../domain/user.js';
import type { ConversationState } from '../../store/ports.js';
import { asking, ended, type Answer, type Speaker } from './conversation-state.js';
import type { ConversationDeps, VillageNamed } from './conversation-ports.js';
import { CALL_110 } from './menus.js';
import { normalize } from './normalize.js';

export const REPORT_TOPIC = 'report';

const WHAT_MAX = 1000;
const WHERE_MAX = 200;
const CHILD_WORDS_MAX = 200;

const ASK_WHAT = `请说说发生了什么？（孩子的情况）\n${CALL_110}\n回复“取消”可以退出。`;
const ASK_WHERE = '在哪里？请写村（社区）的名字和地址，例如：东湾村3组。';
/** Validated as the route validates the page's report; what fails (odd characters) is said once more. */
const UNREADABLE = `有些字没能识别，报告没有送出。请重新发送“报告”，用简单的话再说一次。\n${CALL_110}`;
const ASK_DANGER = '孩子现在有危险吗？\n回复 1 有危险\n回复 2 暂时安全';

/** 报告 (issue 10, R17): three questions, then the same concern record as the mini-program's report page. */
export function startReport(speaker: Speaker): Answer {
  return asking(ASK_WHAT, REPORT_TOPIC, 'what', { startedAt: speaker.now.toISOString() }, speaker.now);
}

async function placeOf(deps: ConversationDeps, user: User | null, words: string): Promise<VillageNamed | 'several' | null> {
  const named = await deps.findVillagesNamedIn(words);
  if (named.length === 1) return named[0];
  if (named.length > 1) return 'several';
  return user ? deps.homeVillageOf(user) : null;
}

export async function continueReport(deps: ConversationDeps, speaker: Speaker, state: ConversationState, text: string): Promise<Answer> {
  const words = text.trim();
  const ask = (reply: string, step: string, data: Record<string, string>) => asking(reply, REPORT_TOPIC, step, data, speaker.now);
  if (state.step === 'what') {
    if (words === '') return ask(ASK_WHAT, 'what', state.data);
    return ask(ASK_WHERE, 'where', { ...state.data, what: words.slice(0, WHAT_MAX) });
  }
  if (state.step === 'where') {
    const place = await placeOf(deps, speaker.user, words);
    if (place === 'several') return ask('有几个同名的村（社区），请把镇（街道）的名字也写上。', 'where', state.data);
    if (place === null) return ask('没有找到这个村（社区）。请写上村（社区）的名字，例如：东湾村3组。', 'where', state.data);
    return ask(ASK_DANGER, 'danger', { ...state.data, where: words.slice(0, WHERE_MAX), villageId: place.id, villageName: place.name });
  }
  const said = normalize(text);
  if (said !== '1' && said !== '2') return ask(`请回复数字。\n${ASK_DANGER}`, 'danger', state.data);
  return submitReport(deps, speaker, state.data, said === '1');
}

/** The report as the mini-program's page sends it; the conversation's start keys it, so a redelivery is one concern. */
async function submitReport(deps: ConversationDeps, speaker: Speaker, data: Record<string, string>, urgent: boolean): Promise<Answer> {
  const via = speaker.address.platform === 'wechat' ? '公众号' : '企业微信';
  const description = `${data.what}\n地点：${data.where}\n（通过${via}报告）`;
  const key = `chat:${speaker.address.platform}:${speaker.address.chatUserId}:${data.startedAt}`;
  const fields = { villageId: data.villageId, location: null, kinds: ['other'], urgent, description };
  const first = urgent ? `请立即拨打110！\n` : '';
  const sentTo = `报告已送到${data.villageName}的儿童主任和镇（街道）儿童督导员${urgent ? '，会优先处理' : ''}。`;
  if (speaker.user) {
    const input = staffConcernInputSchema.safeParse({ ...fields, child: { kind: 'unknown', description: data.what.slice(0, CHILD_WORDS_MAX) } });
    if (!input.success) return ended(UNREADABLE);
    await deps.reportConcern({ userId: speaker.user.id, role: speaker.user.role }, input.data, key);
    return ended(`${first}${sentTo}\n可以在小程序“我的报告”查看办理进度。`);
  }
  const input = publicConcernInputSchema.safeParse({ ...fields, childDescription: data.what.slice(0, CHILD_WORDS_MAX) });
  if (!input.success) return ended(UNREADABLE);
  const { trackingCode } = await deps.reportPublicConcern(input.data, key);
  return ended(
    `${first}${sentTo}\n查询码：${trackingCode}\n请把查询码抄下来或截图保存，它只显示这一次；凭它可以在小程序查看办理进度。`,
  );
}
