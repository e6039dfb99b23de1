import { outsideChannelSettingsFrom, type OutsideChannelSettings } from '../notify/channel-settings.js';

/** On one machine the secrets are plain variables of the environment, like the rest of `npm start`'s configuration. */
export function localOutsideChannels(env: Record<string, string | undefined>): OutsideChannelSettings {
  return outsideChannelSettingsFrom(env, { wechatAppSecret: env.WECHAT_APP_SECRET, robotKeys: env.SHOUHU_WECOM_ROBOT_KEYS });
}
