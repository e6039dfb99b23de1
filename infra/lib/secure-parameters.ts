import { ArnFormat, CfnOutput, Stack } from 'aws-cdk-lib';
import { Effect, PolicyStatement, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { CHAT_SECRET_VARIABLES } from '../../functions/src/chat/chat-config.js';

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
 * The chat-bot's secrets (issue 10) are optional too, each a parameter named after the variable `npm start` reads,
 * under `/ShouhuStack/chat/`: WECHAT_OA_TOKEN, WECHAT_OA_AES_KEY, WECHAT_OA_APP_SECRET for the Official Account,
 * WECOM_TOKEN, WECOM_AES_KEY, WECOM_SECRET for the WeCom app. A platform whose token is missing stays off.
 *
 *   aws ssm put-parameter --type SecureString --name /ShouhuStack/chat/WECHAT_OA_TOKEN --value <Token from the console>
 *
 * They are encrypted with the AWS-managed key `alias/aws/ssm`, whose key policy lets principals of the account
 * decrypt through SSM, so the role needs no kms:Decrypt grant. A customer-managed key would need one.
 */
export class SecureParameters extends Construct {
  readonly sessionSecretName: string;
  readonly wechatAppSecretName: string;
  readonly wecomRobotKeysName: string;
  /** Ends with '/': the chat secrets are this prefix + their variable's name. */
  readonly chatSecretsPrefix: string;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    const stack = Stack.of(this);
    this.sessionSecretName = `/${stack.stackName}/session-secret`;
    this.wechatAppSecretName = `/${stack.stackName}/wechat-app-secret`;
    this.wecomRobotKeysName = `/${stack.stackName}/wecom-robot-keys`;
    this.chatSecretsPrefix = `/${stack.stackName}/chat/`;

    new CfnOutput(this, 'SessionSecretParameter', {
      value: this.sessionSecretName,
      description: 'Create as SecureString before first use: a random key of at least 32 bytes',
    });
    new CfnOutput(this, 'WechatAppSecretParameter', {
      value: this.wechatAppSecretName,
      description: 'Create as SecureString before first use: the mini-program AppSecret from the WeChat console',
    });
    new CfnOutput(this, 'ChatSecretsPrefix', {
      value: this.chatSecretsPrefix,
      description: 'Optional, as SecureStrings named by variable: WECHAT_OA_TOKEN, WECHAT_OA_AES_KEY, WECHAT_OA_APP_SECRET, WECOM_TOKEN, WECOM_AES_KEY, WECOM_SECRET',
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

  /** The chat-bot's: its own secrets, and the session key its concern reports' tracking codes are keyed with. */
  grantReadForChat(grantee: IGrantable): void {
    this.grantReadOf(grantee, [this.sessionSecretName, ...CHAT_SECRET_VARIABLES.map((name) => `${this.chatSecretsPrefix}${name}`)]);
  }

  /** The jobs' share of the chat secrets: the send APIs' AppSecret and Secret, for digests to bound chats. */
  grantChatSendingForJobs(grantee: IGrantable): void {
    this.grantReadOf(grantee, [`${this.chatSecretsPrefix}WECHAT_OA_APP_SECRET`, `${this.chatSecretsPrefix}WECOM_SECRET`]);
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
