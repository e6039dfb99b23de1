import { Annotations, App } from 'aws-cdk-lib';
import { readChatSettings } from './chat-settings.js';
import { addNagChecks } from './nag-checks.js';
import { readOutsideChannelSettings } from './outside-channel-settings.js';
import { REPO_PATHS } from './repo-paths.js';
import { ShouhuStack } from './shouhu-stack.js';

export const STACK_NAME = 'ShouhuStack';

export interface CreateShouhuAppOptions {
  /** Where the cloud assembly (templates and bundled assets) is written. */
  readonly outdir: string;
  /**
   * CDK's built-in CloudFormation validation (default on). It changes no template but takes most of the synth time,
   * so tests that only read the template may turn it off; the compliance test keeps it.
   */
  readonly cloudFormationValidation?: boolean;
  /** The H5 build to host (default miniapp/dist/h5); tests point it at a directory of their own. */
  readonly h5Dir?: string;
}

/**
 * Builds the app the same way for `npm run synth` and for the tests, cdk-nag included, so the tests check exactly
 * what gets deployed. The stack is environment-agnostic: account and region come from the deployment.
 */
export function createShouhuApp(options: CreateShouhuAppOptions): { app: App; stack: ShouhuStack } {
  const app = new App({
    outdir: options.outdir,
    builtinCloudFormationValidation: options.cloudFormationValidation ?? true,
  });
  const wechatAppId = readWechatAppId(app);
  const stack = new ShouhuStack(app, STACK_NAME, {
    description:
      'Shouhu (守护): DynamoDB table, API function, HTTP API, event bus, outbox relay, event consumers, deadline ' +
      'schedules and the H5 site',
    wechatAppId,
    outsideChannels: readOutsideChannelSettings(app),
    chat: readChatSettings(app),
    h5Dir: options.h5Dir ?? REPO_PATHS.h5Dir,
  });
  if (wechatAppId === '') {
    Annotations.of(stack).addWarningV2(
      'shouhu:wechatAppId',
      'No WeChat AppID: set WECHAT_APP_ID (or `-c wechatAppId=wx…` with the CDK CLI) before deploying; ' +
        'the API does not start without it.',
    );
  }
  addNagChecks(app);
  return { app, stack };
}

/** The AppID is public: context (CDK CLI) first, else the same variable the local server reads. */
function readWechatAppId(app: App): string {
  const value: unknown = app.node.tryGetContext('wechatAppId');
  return typeof value === 'string' && value !== '' ? value : (process.env.WECHAT_APP_ID ?? '');
}
