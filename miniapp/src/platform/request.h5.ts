import type { Transport } from '../api/transport';
import { REQUEST_TIMEOUT_MS } from './request-common';

/** The browser's fetch; Taro.request on H5 would add a fetch polyfill and JSONP support the app does not need. */
export const transport: Transport = async ({ url, method, headers, body }) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), REQUEST_TIMEOUT_MS);
  try {
    const response = await fetch(url, { method, headers, body, signal: controller.signal, cache: 'no-store' });
    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      responseHeaders[name.toLowerCase()] = value;
    });
    return { status: response.status, headers: responseHeaders, data: await response.text() };
  } finally {
    clearTimeout(timer);
  }
};
