import { Match, type Template } from 'aws-cdk-lib/assertions';

export interface FunctionResource {
  id: string;
  properties: Record<string, any>;
}

/** The API function among the stack's functions: the one given the session secret's parameter name and no chat secrets. */
export function findApiFunction(template: Template): FunctionResource {
  return findOneFunction(template, 'API', { SESSION_SECRET_PARAMETER: Match.anyValue(), CHAT_SECRETS_PREFIX: Match.absent() });
}

/** The chat-bot's function: the one given both the session secret's name and the chat secrets' prefix. */
export function findChatFunction(template: Template): FunctionResource {
  return findOneFunction(template, 'chat', { SESSION_SECRET_PARAMETER: Match.anyValue(), CHAT_SECRETS_PREFIX: Match.anyValue() });
}

function findOneFunction(template: Template, what: string, variables: Record<string, unknown>): FunctionResource {
  const found = Object.entries(
    template.findResources('AWS::Lambda::Function', { Properties: { Environment: { Variables: Match.objectLike(variables) } } }),
  );
  if (found.length !== 1) throw new Error(`Expected one ${what} function, found ${found.length}`);
  return { id: found[0][0], properties: found[0][1].Properties };
}

/** The logical id of a function's role (`Role: { Fn::GetAtt: [roleId, 'Arn'] }`). */
export function roleIdOf(fn: FunctionResource): string {
  return fn.properties.Role['Fn::GetAtt'][0];
}
