import { ArnFormat, CfnOutput, Stack } from 'aws-cdk-lib';
import { Effect, PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

/**
 * The API's secrets (session signing key, WeChat AppSecret) are SSM Parameter Store SecureString parameters that an
 * operator creates once per deployment; the function gets only their names and reads the values at runtime.
 *
 * The stack does not create them because CloudFormation cannot create SecureString parameters, and a plain String
 * parameter or a value in the template would put the secret where anyone who can read the stack can see it:
 *
 *   aws ssm put-parameter --type SecureString --name /ShouhuStack/session-secret --value "$(openssl rand -base64 48)"
 *   aws ssm put-parameter --type SecureString --name /ShouhuStack/wechat-app-secret --value <AppSecret from WeChat>
 *
 * The towns' WeCom group robots are optional: until this one exists the job sends no robot message.
 *
 *   aws ssm put-parameter --type SecureString --name /ShouhuStack/wecom-robot-keys --value '{"<townId>":"<webhook key>"}'
 *
 * They are encrypted with the AWS-managed key `alias/aws/ssm`, whose key policy lets principals of the account
 * decrypt through SSM, so the role needs no kms:Decrypt grant. A customer-managed key would need one.
 */
export class SecureParameters extends Construct {
  readonly sessionSecretName: string;
  readonly wechatAppSecretName: string;
  readonly wecomRobotKeysName: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);
    this.sessionSecretName = `/${stack.stackName}/session-secret`;
    this.wechatAppSecretName = `/${stack.stackName}/wechat-app-secret`;
    this.wecomRobotKeysName = `/${stack.stackName}/wecom-robot-keys`;

    new CfnOutput(this, 'SessionSecretParameter', {
      value: this.sessionSecretName,
      description: 'Create as SecureString before first use: a random key of at least 32 bytes',
    });
    new CfnOutput(this, 'WechatAppSecretParameter', {
      value: this.wechatAppSecretName,
      description: 'Create as SecureString before first use: the mini-program AppSecret from the WeChat console',
    });
    new CfnOutput(this, 'WecomRobotKeysParameter', {
      value: this.wecomRobotKeysName,
      description: 'Optional, as SecureString: a JSON object of town id to WeCom group robot webhook key',
    });
  }

  /** The API's: the session key and the AppSecret, nothing else in Parameter Store. */
  grantRead(grantee: IGrantable): void {
    this.grantReadOf(grantee, [this.sessionSecretName, this.wechatAppSecretName]);
  }

  /** The jobs': the AppSecret (for WeChat's access token) and the robot keys; not the session key. */
  grantReadForJobs(grantee: IGrantable): void {
    this.grantReadOf(grantee, [this.wechatAppSecretName, this.wecomRobotKeysName]);
  }

  private grantReadOf(grantee: IGrantable, names: string[]): void {
    const stack = Stack.of(this);
    const arns = names.map((name) =>
      stack.formatArn({
        service: 'ssm',
        resource: 'parameter',
        // The ARN joins "parameter" and a name beginning with "/" without doubling the slash.
        resourceName: name.slice(1),
        arnFormat: ArnFormat.SLASH_RESOURCE_NAME,
      }),
    );
    grantee.grantPrincipal.addToPrincipalPolicy(
      new PolicyStatement({ effect: Effect.ALLOW, actions: ['ssm:GetParameters', 'ssm:GetParameter'], resources: arns }),
    );
  }
}
