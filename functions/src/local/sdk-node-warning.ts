/** Read by `@aws-sdk/core` when it builds the first client (emitWarningIfUnsupportedVersion). */
const SDK_WARNING_SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';
/** The Node major that SDK releases after early January 2027 require. */
const SDK_FUTURE_MINIMUM_NODE = 22;

/**
 * The AWS SDK prints a multi-line English warning on Node below 22 when its first client is built, in the middle of
 * the Chinese start-up lines. It concerns future SDK releases, not this one, and the Lambda runs Node 24. Turns the
 * warning off (unless the person set the switch themselves) and returns the one Chinese line to print instead.
 */
export function silenceSdkNodeWarning(env: Record<string, string | undefined>, nodeVersion: string): string | null {
  const major = Number.parseInt(nodeVersion.replace(/^v/, ''), 10);
  if (env[SDK_WARNING_SWITCH] !== undefined || !(major < SDK_FUTURE_MINIMUM_NODE)) return null;
  env[SDK_WARNING_SWITCH] = 'true';
  return (
    `提示：本机 Node ${major} 可以运行 npm start；云端 Lambda 使用 Node 24。` +
    `AWS SDK 在 2027 年 1 月之后的新版本将要求 Node ${SDK_FUTURE_MINIMUM_NODE} 或更高，届时请升级本机 Node。`
  );
}
