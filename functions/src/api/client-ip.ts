import { isIP } from 'node:net';
import type { Context } from 'hono';
import type { Env } from './context.js';

/**
 * The caller's address, for the login rate limit. A client writes whatever it likes into X-Forwarded-For, so the
 * header counts only as far as the operator says proxies of ours stand in front (`trustedProxyHops`): each of them
 * appends the address it was connected from, so with N of them the N-th entry from the right is the address the
 * outermost one saw, and everything left of it is the client's own say. With none, the socket's address.
 *
 * On Lambda, API Gateway's `sourceIp` comes from the connection and comes first, whatever the setting (API Gateway
 * appends to a client-sent X-Forwarded-For too). Behind the stack's CloudFront it is the viewer's address, which the
 * Lambda entry puts there from a request that proves it came through CloudFront (cloudfront-viewer.ts).
 */
export const MAX_TRUSTED_PROXY_HOPS = 10;
/** The longest textual IPv6 address (an IPv4-mapped one); anything longer is not an address. */
const MAX_ADDRESS_LENGTH = 45;
export const UNKNOWN_ADDRESS = 'unknown';

export interface ConnectionFacts {
  gatewayIp?: string;
  forwardedFor?: string;
  socketAddress?: string;
}

/** A well-formed IPv4 or IPv6 address, or undefined: nothing else is ever used as a rate-limit key. */
function validAddress(value: string | undefined): string | undefined {
  const address = value?.trim();
  if (address === undefined || address.length > MAX_ADDRESS_LENGTH || isIP(address) === 0) return undefined;
  return address;
}

/** The address the outermost trusted proxy saw, or undefined when the header is not what N proxies would write. */
function forwardedAddress(forwardedFor: string | undefined, trustedProxyHops: number): string | undefined {
  if (trustedProxyHops === 0 || forwardedFor === undefined) return undefined;
  const hops = forwardedFor.split(',');
  if (hops.length < trustedProxyHops) return undefined;
  return validAddress(hops[hops.length - trustedProxyHops]);
}

export function clientAddressOf(facts: ConnectionFacts, trustedProxyHops: number): string {
  return (
    validAddress(facts.gatewayIp) ??
    forwardedAddress(facts.forwardedFor, trustedProxyHops) ??
    // The request did not come through the proxies as configured (or they wrote nonsense): the nearest peer, which
    // at worst puts such requests in one shared bucket rather than one bucket each.
    validAddress(facts.socketAddress) ??
    UNKNOWN_ADDRESS
  );
}

export function clientIpOf(c: Context<Env>, trustedProxyHops: number): string {
  const bindings = (c.env ?? {}) as Env['Bindings'];
  return clientAddressOf(
    {
      gatewayIp: bindings.requestContext?.http?.sourceIp ?? bindings.requestContext?.identity?.sourceIp,
      forwardedFor: c.req.header('x-forwarded-for'),
      socketAddress: bindings.incoming?.socket?.remoteAddress,
    },
    trustedProxyHops,
  );
}

/** Checked when the app is built, so a typo in the setting stops the start instead of trusting the wrong entry. */
export function assertTrustedProxyHops(hops: number): void {
  if (!Number.isInteger(hops) || hops < 0 || hops > MAX_TRUSTED_PROXY_HOPS) {
    throw new Error(`trustedProxyHops must be an integer from 0 to ${MAX_TRUSTED_PROXY_HOPS}, got ${hops}`);
  }
}
