import { describe, expect, it } from 'vitest';
import { addressBlockOf } from '../../functions/src/api/address-block.js';
import { clientAddressOf, UNKNOWN_ADDRESS } from '../../functions/src/api/client-ip.js';
import { readTrustedProxyHops } from '../../functions/src/local/trusted-proxy-hops.js';

const socketAddress = '192.0.2.10';

describe('the client address the login limit counts', () => {
  it.each([
    ['no proxy trusted: the socket, whatever the header says', 0, '198.51.100.1, 203.0.113.5', socketAddress],
    ['one proxy: the entry it appended (right-most)', 1, '198.51.100.1, 203.0.113.5', '203.0.113.5'],
    ['two proxies: the second entry from the right', 2, '198.51.100.1, 203.0.113.5, 10.0.0.2', '203.0.113.5'],
    ['an IPv6 entry', 1, '2001:db8::7', '2001:db8::7'],
    ['fewer entries than proxies: not what they would write, so the socket', 2, '203.0.113.5', socketAddress],
    ['no header behind a proxy: the socket', 1, undefined, socketAddress],
    ['an entry that is not an address: the socket', 1, '198.51.100.1, evil-token', socketAddress],
    ['an address with a port: the socket', 1, '203.0.113.5:4711', socketAddress],
    ['an overlong entry: the socket', 1, `::ffff:${'0'.repeat(60)}1.2.3.4`, socketAddress],
  ])('%s', (_case, hops, forwardedFor, expected) => {
    expect(clientAddressOf({ forwardedFor, socketAddress }, hops)).toBe(expected);
  });

  it("takes API Gateway's source address first, whatever the header and the setting", () => {
    expect(clientAddressOf({ gatewayIp: '198.51.100.99', forwardedFor: '10.9.9.9', socketAddress }, 1)).toBe('198.51.100.99');
  });

  it('says unknown when there is no usable address at all', () => {
    expect(clientAddressOf({ forwardedFor: '10.9.9.9' }, 0)).toBe(UNKNOWN_ADDRESS);
    expect(clientAddressOf({ socketAddress: 'not-an-address' }, 0)).toBe(UNKNOWN_ADDRESS);
  });
});

describe('the block of addresses one client holds', () => {
  it.each([
    ['203.0.113.5', '203.0.113.5'],
    ['2001:db8:1:2:aaaa:bbbb:cccc:dddd', '2001:db8:1:2::/64'],
    ['2001:0db8:0001:0002::1', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['::1', '0:0:0:0::/64'],
    ['fe80::1%eth0', 'fe80:0:0:0::/64'],
    ['::ffff:203.0.113.5', '203.0.113.5'],
    ['::ffff:cb00:7105', '203.0.113.5'],
    ['64:ff9b::203.0.113.5', '64:ff9b:0:0::/64'],
  ])('%s counts as %s', (address, block) => {
    expect(addressBlockOf(address)).toBe(block);
  });
});

describe('SHOUHU_TRUSTED_PROXY_HOPS', () => {
  it('is 0 when unset or empty, else the number given', () => {
    expect(readTrustedProxyHops({})).toBe(0);
    expect(readTrustedProxyHops({ SHOUHU_TRUSTED_PROXY_HOPS: ' ' })).toBe(0);
    expect(readTrustedProxyHops({ SHOUHU_TRUSTED_PROXY_HOPS: '1' })).toBe(1);
    expect(readTrustedProxyHops({ SHOUHU_TRUSTED_PROXY_HOPS: '10' })).toBe(10);
  });

  it.each(['yes', '-1', '1.5', '11', '0x1'])('stops the start on %s, naming the variable', (value) => {
    expect(() => readTrustedProxyHops({ SHOUHU_TRUSTED_PROXY_HOPS: value })).toThrow(/SHOUHU_TRUSTED_PROXY_HOPS=.*无效/);
  });
});
