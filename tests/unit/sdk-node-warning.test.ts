import { describe, expect, it } from 'vitest';
import { silenceSdkNodeWarning } from '../../functions/src/local/sdk-node-warning.js';

const SWITCH = 'AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED';

describe("the AWS SDK's English warning about Node versions in npm start", () => {
  it('on Node 20 is switched off and replaced by one Chinese line', () => {
    const env: Record<string, string | undefined> = {};

    const notice = silenceSdkNodeWarning(env, 'v20.20.2');

    expect(env[SWITCH]).toBe('true');
    expect(notice).toContain('Node 24');
    expect(notice).toContain('本机 Node 20');
  });

  it('on Node 22 and later is left alone, as the SDK does not print it there', () => {
    const env: Record<string, string | undefined> = {};

    expect(silenceSdkNodeWarning(env, 'v22.12.0')).toBeNull();
    expect(silenceSdkNodeWarning(env, 'v24.1.0')).toBeNull();
    expect(env[SWITCH]).toBeUndefined();
  });

  it('is left as the person set it', () => {
    const env: Record<string, string | undefined> = { [SWITCH]: 'false' };

    expect(silenceSdkNodeWarning(env, 'v20.20.2')).toBeNull();
    expect(env[SWITCH]).toBe('false');
  });
});
