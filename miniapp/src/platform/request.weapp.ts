import Taro from '@tarojs/taro';
import type { Transport } from '../api/transport';
import { lowerCaseKeys, REQUEST_TIMEOUT_MS } from './request-common';

/** wx.request: resolves for every HTTP status, rejects only when nothing came back. */
export const transport: Transport = async ({ url, method, headers, body }) => {
  const response = await Taro.request({ url, method, header: headers, data: body, timeout: REQUEST_TIMEOUT_MS });
  return { status: response.statusCode, headers: lowerCaseKeys(response.header ?? {}), data: response.data };
};
