import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ipBucket } from './ip-bucket.js';

describe('ipBucket', () => {
  it('keeps an IPv4 address as it is (leading zeros dropped)', () => {
    expect(ipBucket('203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('203.000.113.007')).toBe('203.0.113.7');
    expect(ipBucket(' 203.0.113.7 ')).toBe('203.0.113.7');
  });

  it('reads an IPv4-mapped IPv6 address as the IPv4 address, however it is written', () => {
    expect(ipBucket('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('::FFFF:203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('0:0:0:0:0:ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(ipBucket('::ffff:cb00:7107')).toBe('203.0.113.7');
  });

  it('puts compressed, expanded and upper-case forms of one /64 in one bucket', () => {
    const bucket = '2001:db8:abcd:12::/64';
    for (const ip of ['2001:db8:abcd:12:1::7', '2001:0db8:abcd:0012:ffff:1:2:3', '2001:DB8:ABCD:12::', '2001:db8:abcd:12:0:0:0:1', '[2001:db8:abcd:12::9]', '2001:db8:abcd:12::192.0.2.1']) {
      expect(ipBucket(ip), ip).toBe(bucket);
    }
    expect(ipBucket('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(ipBucket('::1')).toBe('0:0:0:0::/64');
    expect(ipBucket('::')).toBe('0:0:0:0::/64');
    expect(ipBucket('2001:db8:abcd:13::1')).toBe('2001:db8:abcd:13::/64');
  });

  it('ignores a zone id', () => {
    expect(ipBucket('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(ipBucket('fe80::abcd:1%25')).toBe('fe80:0:0:0::/64');
  });

  it('puts anything that is not an address in one shared bucket', () => {
    for (const junk of ['', 'unknown', 'garbage', '1.2.3', '1.2.3.256', '1.2.3.4.5', '2001:db8::1::2', '2001:db8:zz::1', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', ':::', '::ffff:999.1.1.1']) {
      expect(ipBucket(junk), junk).toBe('unknown');
    }
  });

  it('gives every address of one /64 the same bucket (property)', () => {
    const group = fc.integer({ min: 0, max: 0xffff });
    fc.assert(
      fc.property(fc.array(group, { minLength: 8, maxLength: 8 }), fc.array(group, { minLength: 4, maxLength: 4 }), (a, low) => {
        fc.pre(a[0] !== 0); // keep clear of ::ffff:a.b.c.d
        const full = a.map((g) => g.toString(16)).join(':');
        const sibling = [...a.slice(0, 4), ...low].map((g) => g.toString(16).padStart(4, '0').toUpperCase()).join(':');
        expect(ipBucket(sibling)).toBe(ipBucket(full));
        expect(ipBucket(full)).toBe(`${a.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`);
      }),
    );
  });
});
