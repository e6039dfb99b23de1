import { Match, type Template } from 'aws-cdk-lib/assertions';

export interface FunctionResource {
  id: string;
  properties: Record<string, any>;
}

/** The API function among the stack's functions: the one given the session secret's parameter name. */
export function findApiFunction(template: Template): FunctionResource {
  const found = Object.entries(
    template.findResources('AWS::Lambda::Function', {
      Properties: { Environment: { Variables: Match.objectLike({ SESSION_SECRET_PARAMETER: Match.anyValue() }) } },
    }),
  );
  if (found.length !== 1) throw new Error(`Expected one API function, found ${found.length}`);
  return { id: found[0][0], properties: found[0][1].Properties };
}

/** The logical id of a function's role (`Role: { Fn::GetAtt: [roleId, 'Arn'] }`). */
export function roleIdOf(fn: FunctionResource): string {
  return fn.properties.Role['Fn::GetAtt'][0];
}
