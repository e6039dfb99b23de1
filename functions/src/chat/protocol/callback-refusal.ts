export type CallbackRefusalReason = 'signature' | 'timestamp' | 'receiver' | 'cipher' | 'xml' | 'tooLarge' | 'query';

/** Fixed texts: a refusal is logged, so it never carries a secret, a signature or a word of the message. */
const refusalMessages: Record<CallbackRefusalReason, string> = {
  signature: '回调签名不符',
  timestamp: '回调时间戳超出允许的时间窗口',
  receiver: '密文不是发给本应用的',
  cipher: '密文无法解密',
  xml: '回调 XML 格式不正确',
  tooLarge: '回调内容过大',
  query: '回调缺少必需的查询参数',
};

/** Every way a WeChat or WeCom callback is refused: nothing behind the protocol runs when this is thrown. */
export class CallbackRefusal extends Error {
  override readonly name = 'CallbackRefusal';

  constructor(readonly reason: CallbackRefusalReason) {
    super(refusalMessages[reason]);
  }
}
