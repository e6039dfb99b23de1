import { z } from 'zod';
import type { ConsentKind } from '../store/event-ports.js';
import { robotKeysFrom, type RobotKeys } from './wecom-robot.js';

/**
 * Which outside channels are on, read once from the environment. Every one is off unless configured: no template id,
 * no subscription message; no robot key for a town, no robot message for it. The inbox needs no configuration.
 *
 * - SHOUHU_WECHAT_TEMPLATE_REMINDER: a one-time template (一次性订阅) for reminders that need the user's action.
 * - SHOUHU_WECHAT_TEMPLATE_DIGEST: a long-term template (长期订阅), which WeChat grants only to public-service
 *   categories such as 政务民生; daily digests need it, since a one-time consent is used up by one message.
 * - SHOUHU_WECHAT_MINIPROGRAM_STATE: developer | trial | formal (default formal).
 * - SHOUHU_WECOM_ROBOT_KEYS: `{"<townId>": "<webhook key>"}`.
 */
export type TemplatePurpose = 'reminder' | 'digest';

export interface ConfiguredTemplate {
  purpose: TemplatePurpose;
  id: string;
  kind: ConsentKind;
  page: string;
}

export interface ChannelConfig {
  templates: ConfiguredTemplate[];
  miniprogramState: 'developer' | 'trial' | 'formal';
  robotKeys: RobotKeys;
}

const templateIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
const stateSchema = z.enum(['developer', 'trial', 'formal']);

const templateDefinitions: { purpose: TemplatePurpose; variable: string; kind: ConsentKind; page: string }[] = [
  { purpose: 'reminder', variable: 'SHOUHU_WECHAT_TEMPLATE_REMINDER', kind: 'oneTime', page: 'pages/inbox/index' },
  { purpose: 'digest', variable: 'SHOUHU_WECHAT_TEMPLATE_DIGEST', kind: 'longTerm', page: 'pages/inbox/index' },
];

function present(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Malformed values stop the function at cold start with the variable's name, rather than sending nothing quietly. */
export function channelConfigFrom(env: Record<string, string | undefined>): ChannelConfig {
  const templates = templateDefinitions.flatMap(({ purpose, variable, kind, page }) => {
    const raw = present(env[variable]);
    if (raw === undefined) return [];
    const parsed = templateIdSchema.safeParse(raw);
    if (!parsed.success) throw new Error(`Environment variable ${variable} is not a template id`);
    return [{ purpose, id: parsed.data, kind, page }];
  });
  const state = stateSchema.safeParse(present(env.SHOUHU_WECHAT_MINIPROGRAM_STATE) ?? 'formal');
  if (!state.success) throw new Error('Environment variable SHOUHU_WECHAT_MINIPROGRAM_STATE is not developer, trial or formal');
  let robotKeys: RobotKeys;
  try {
    robotKeys = robotKeysFrom(env.SHOUHU_WECOM_ROBOT_KEYS);
  } catch {
    throw new Error('Environment variable SHOUHU_WECOM_ROBOT_KEYS is not a JSON object of town id to webhook key');
  }
  return { templates, miniprogramState: state.data, robotKeys };
}

export function templateFor(config: ChannelConfig, purpose: TemplatePurpose): ConfiguredTemplate | undefined {
  return config.templates.find((template) => template.purpose === purpose);
}
