import type { App } from 'aws-cdk-lib';

/**
 * What the stack passes the functions that notify (the API, for the subscription row; the jobs, which send the
 * digests) about the outside channels (functions/src/notify/channel-config.ts): the template ids and the
 * mini-program's state, which are not secrets, read at synth like the AppID. The secrets (the AppSecret, the towns'
 * robot keys) are SecureString parameters, passed by name only (secure-parameters.ts). Unset, a channel stays off.
 */
export interface OutsideChannelSettings {
  readonly templateReminder: string;
  readonly templateDigest: string;
  readonly miniprogramState: string;
}

const sources: { key: keyof OutsideChannelSettings; context: string; variable: string }[] = [
  { key: 'templateReminder', context: 'wechatTemplateReminder', variable: 'SHOUHU_WECHAT_TEMPLATE_REMINDER' },
  { key: 'templateDigest', context: 'wechatTemplateDigest', variable: 'SHOUHU_WECHAT_TEMPLATE_DIGEST' },
  { key: 'miniprogramState', context: 'wechatMiniprogramState', variable: 'SHOUHU_WECHAT_MINIPROGRAM_STATE' },
];

/** Context (CDK CLI `-c wechatTemplateDigest=…`) first, else the variable `npm start` reads. */
export function readOutsideChannelSettings(app: App): OutsideChannelSettings {
  const read = (context: string, variable: string) => {
    const value: unknown = app.node.tryGetContext(context);
    return typeof value === 'string' && value !== '' ? value : (process.env[variable] ?? '');
  };
  return Object.fromEntries(sources.map(({ key, context, variable }) => [key, read(context, variable)])) as unknown as OutsideChannelSettings;
}

/** The variables the functions read, only those set: an empty one would be the same as none, and noisier. */
export function outsideChannelEnvironment(settings: OutsideChannelSettings): Record<string, string> {
  return Object.fromEntries(sources.filter(({ key }) => settings[key].trim() !== '').map(({ key, variable }) => [variable, settings[key].trim()]));
}

export const NO_OUTSIDE_CHANNELS: OutsideChannelSettings = { templateReminder: '', templateDigest: '', miniprogramState: '' };
