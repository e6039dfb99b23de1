import { channelConfigFrom, type ChannelConfig } from './channel-config.js';

/** WeCom's server; the tests point it at the local stub. */
export const DEFAULT_WECOM_API_BASE = 'https://qyapi.weixin.qq.com';
export const DEFAULT_WECHAT_API_BASE = 'https://api.weixin.qq.com';

/** What the senders of notifications build the outside channels from (outside-channels.ts), besides the table. */
export interface OutsideChannelSettings {
  config: ChannelConfig;
  /** Null when no AppSecret is known: no access token, so no subscription message. */
  wechat: { appId: string; appSecret: string; baseUrl: string } | null;
  wecomBaseUrl: string;
}

/**
 * From the environment and the two secrets, however the caller got them: `npm start` and `npm run job` from their own
 * environment (WECHAT_APP_SECRET, SHOUHU_WECOM_ROBOT_KEYS), the job Lambda from SSM SecureString parameters named
 * in its environment (lambda/scheduled-job.ts), so no secret is a value of the stack.
 */
export function outsideChannelSettingsFrom(
  env: Record<string, string | undefined>,
  secrets: { wechatAppSecret: string | undefined; robotKeys: string | undefined },
): OutsideChannelSettings {
  const appSecret = secrets.wechatAppSecret?.trim() ?? '';
  return {
    config: channelConfigFrom({ ...env, SHOUHU_WECOM_ROBOT_KEYS: secrets.robotKeys }),
    wechat: appSecret === '' ? null : { appId: env.WECHAT_APP_ID ?? 'touristappid', appSecret, baseUrl: env.WECHAT_API_BASE || DEFAULT_WECHAT_API_BASE },
    wecomBaseUrl: env.WECOM_API_BASE || DEFAULT_WECOM_API_BASE,
  };
}

/** Every outside channel off: what a runtime gets when nobody configured any. */
export const NO_OUTSIDE_CHANNELS: OutsideChannelSettings = { config: channelConfigFrom({}), wechat: null, wecomBaseUrl: DEFAULT_WECOM_API_BASE };
