import type { LoginResult } from '../api';

/**
 * Logs this phone's WeChat user in (issue 11 part 2): the bound account's session, or an ApiError `not-registered`
 * carrying a registration ticket. In WeChat through wx.login; on the local H5 as the made-up WeChat user kept on the
 * phone (there is no wx.login in a browser).
 */
export declare function logInWithWechat(): Promise<LoginResult>;
