import type { App } from 'aws-cdk-lib';

/**
 * The chat-bot's public ids, read at synth like the mini-program's AppID: context (`-c wechatOaAppId=…`) first, else
 * the variable `npm start` reads. The function gets them under the same names as on one machine; the secrets (tokens,
 * EncodingAESKeys, AppSecret, WeCom Secret) are SecureString parameters of the same names (secure-parameters.ts).
 */
export interface ChatSettings {
  readonly environment: Record<string, string>;
}

const sources: { context: string; variable: string }[] = [
  { context: 'wechatOaAppId', variable: 'WECHAT_OA_APP_ID' },
  { context: 'wechatOaTemplateDigest', variable: 'WECHAT_OA_TEMPLATE_DIGEST' },
  { context: 'wecomCorpId', variable: 'WECOM_CORP_ID' },
  { context: 'wecomAgentId', variable: 'WECOM_AGENT_ID' },
];

export function readChatSettings(app: App): ChatSettings {
  const entries = sources.flatMap(({ context, variable }) => {
    const fromContext: unknown = app.node.tryGetContext(context);
    const value = (typeof fromContext === 'string' && fromContext !== '' ? fromContext : (process.env[variable] ?? '')).trim();
    return value === '' ? [] : [[variable, value] as const];
  });
  return { environment: Object.fromEntries(entries) };
}

export const NO_CHAT: ChatSettings = { environment: {} };
