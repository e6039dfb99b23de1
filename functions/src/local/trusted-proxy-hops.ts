import { MAX_TRUSTED_PROXY_HOPS } from '../api/client-ip.js';
import { LocalStartError } from './local-errors.js';

/**
 * SHOUHU_TRUSTED_PROXY_HOPS: how many reverse proxies (nginx, …) stand in front of `npm start`. Unset means none,
 * and X-Forwarded-For is ignored; a value that is not a small whole number stops the start rather than guessing.
 */
export function readTrustedProxyHops(env: Record<string, string | undefined>): number {
  const value = env.SHOUHU_TRUSTED_PROXY_HOPS?.trim();
  if (value === undefined || value === '') return 0;
  const hops = /^\d{1,2}$/.test(value) ? Number(value) : Number.NaN;
  if (!(hops <= MAX_TRUSTED_PROXY_HOPS)) {
    throw new LocalStartError(`SHOUHU_TRUSTED_PROXY_HOPS=${value} 无效：应为 0 到 ${MAX_TRUSTED_PROXY_HOPS} 的整数（前面有几层反向代理）。`);
  }
  return hops;
}
