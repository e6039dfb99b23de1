import { phoneStorage } from '../platform/phone-storage';

/**
 * The local H5's stand-in for "this phone's WeChat user" (issue 11 part 2): a dev-openid the local server made up,
 * kept on the phone so the applicant can come back after approval and log in as the same person.
 */
const IDENTITY_KEY = 'shouhu.devWechatOpenId';

export const devWechatIdentity = {
  load(): string | null {
    const value = phoneStorage.get(IDENTITY_KEY);
    return typeof value === 'string' && value.startsWith('dev-openid-') ? value : null;
  },
  save(openId: string) {
    phoneStorage.set(IDENTITY_KEY, openId);
  },
};
