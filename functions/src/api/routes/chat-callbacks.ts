import { Hono, type Context, type Env } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { answerCallback, credentialsOf, type ChatCallbackDeps } from '../../chat/answer-callback.js';
import type { ChatPlatformConfig } from '../../chat/chat-config.js';
import { verifyCallbackUrl, type CallbackQuery } from '../../chat/protocol/callback-envelope.js';
import { MAX_CALLBACK_BYTES } from '../../chat/protocol/callback-xml.js';
import { CallbackRefusal } from '../../chat/protocol/callback-refusal.js';
import { problemKinds, respondWithProblem, type ProblemKind } from '../problem.js';

/**
 * The chat-bot's callback URLs (issue 10): `/chat/wechat` for the Official Account and `/chat/wecom` for the WeCom
 * app, each mounted only when its platform is configured. GET is the platforms' URL verification, POST a message.
 * A refused callback (signature, replayed timestamp, another app's message, bad XML, an oversized body) gets a 4xx
 * naming what was wrong and changes nothing: the refusal comes before the message's receipt is written.
 */
export type ChatCallbackOptions = Omit<ChatCallbackDeps, 'config'>;

const QUERY_FIELDS = ['signature', 'msg_signature', 'timestamp', 'nonce', 'echostr', 'encrypt_type', 'openid'] as const;

const refusals: Record<CallbackRefusal['reason'], { kind: ProblemKind; detail: string; field?: string }> = {
  signature: { kind: problemKinds.forbidden, detail: '签名不符', field: 'signature' },
  timestamp: { kind: problemKinds.forbidden, detail: '时间戳超出允许范围', field: 'timestamp' },
  receiver: { kind: problemKinds.forbidden, detail: '消息不属于本应用', field: 'Encrypt' },
  cipher: { kind: problemKinds.invalidInput, detail: '密文无法解密', field: 'Encrypt' },
  xml: { kind: problemKinds.invalidInput, detail: '消息不是有效的 XML', field: 'body' },
  tooLarge: { kind: problemKinds.payloadTooLarge, detail: `消息体不能超过 ${MAX_CALLBACK_BYTES / 1024} KiB`, field: 'body' },
  query: { kind: problemKinds.invalidInput, detail: '缺少签名参数', field: 'query' },
};

function queryOf(c: Context): CallbackQuery {
  const query: CallbackQuery = {};
  for (const name of QUERY_FIELDS) {
    const value = c.req.query(name);
    if (value !== undefined) query[name] = value;
  }
  return query;
}

function refuse(c: Context, error: unknown, log: ChatCallbackOptions['log'], platform: string): Response {
  if (!(error instanceof CallbackRefusal)) throw error;
  log('chat callback refused', { platform, reason: error.reason });
  const refusal = refusals[error.reason];
  return respondWithProblem(c, refusal.kind, refusal.detail, refusal.field === undefined ? {} : { field: refusal.field });
}

function platformApp(config: ChatPlatformConfig, options: ChatCallbackOptions): Hono {
  const app = new Hono();
  const deps: ChatCallbackDeps = { ...options, config };
  app.get('/', (c) => {
    try {
      return c.text(verifyCallbackUrl(credentialsOf(config), queryOf(c), options.clock()));
    } catch (error) {
      return refuse(c, error, options.log, config.platform);
    }
  });
  app.post(
    '/',
    bodyLimit({ maxSize: MAX_CALLBACK_BYTES, onError: (c) => refuse(c, new CallbackRefusal('tooLarge'), options.log, config.platform) }),
    async (c) => {
      try {
        const answer = await answerCallback(deps, queryOf(c), await c.req.text());
        return c.body(answer, 200, { 'Content-Type': answer.startsWith('<') ? 'application/xml; charset=utf-8' : 'text/plain; charset=utf-8' });
      } catch (error) {
        return refuse(c, error, options.log, config.platform);
      }
    },
  );
  return app;
}

/** Mounts the configured platforms' callbacks on `app` under /chat; none configured, nothing mounted. */
export function mountChatCallbacks<E extends Env>(app: Hono<E>, platforms: readonly (ChatPlatformConfig | null)[], options: ChatCallbackOptions): void {
  for (const config of platforms) if (config !== null) app.route(`/chat/${config.platform}`, platformApp(config, options));
}
