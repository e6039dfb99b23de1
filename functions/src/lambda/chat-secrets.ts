import { GetParametersCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { CHAT_SECRET_VARIABLES } from '../chat/chat-config.js';

/**
 * The chat secrets as variables: each SecureString parameter `<prefix><VARIABLE>` that exists, under its variable's
 * name, ready to lay over process.env for chatConfigFrom. A parameter the operator has not created is simply absent
 * (its platform stays off, or cannot push), never an empty value.
 */
export async function loadChatSecrets(ssm: SSMClient, prefix: string): Promise<Record<string, string>> {
  if (prefix === '') return {};
  const result = await ssm.send(new GetParametersCommand({ Names: CHAT_SECRET_VARIABLES.map((name) => `${prefix}${name}`), WithDecryption: true }));
  const values: Record<string, string> = {};
  for (const parameter of result.Parameters ?? []) {
    const variable = (parameter.Name ?? '').slice(prefix.length);
    if (parameter.Value) values[variable] = parameter.Value;
  }
  return values;
}
