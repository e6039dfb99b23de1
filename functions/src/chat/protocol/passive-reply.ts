/** The fields of a passive text reply: to the sender, from the account the message was sent to. */
export function textReplyFields(reply: {
  to: string;
  from: string;
  createTime: number;
  content: string;
}): Record<string, string | number> {
  return {
    ToUserName: reply.to,
    FromUserName: reply.from,
    CreateTime: reply.createTime,
    MsgType: 'text',
    Content: reply.content,
  };
}
