import { describe, expect, it } from 'vitest';
import { browserFamily, pageOrigin, truncateIp } from './evidence.js';
import { ERASED, erasedDetails } from './details.js';

describe('consent evidence after erasure (R10)', () => {
  it('truncates IPv4 to its /24 and IPv6 to its /48', () => {
    const cases: [string, string][] = [
      ['203.0.113.77', '203.0.113.0'],
      [' 10.1.2.3 ', '10.1.2.0'],
      ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::'],
      ['2001:DB8:85A3:ffff::1', '2001:db8:85a3::'],
      ['2001:db8::1', '2001:db8::'],
      ['2001:db8:0:1::1', '2001:db8::'],
      ['::1', '::'],
      ['::ffff:198.51.100.23', '198.51.100.0'],
      ['2001:db8:1::1.2.3.4', '2001:db8:1::'],
      ['fe80::1%eth0', 'fe80::'],
      ['[2001:db8:1:2::3]', '2001:db8:1::'],
    ];
    for (const [ip, want] of cases) expect(truncateIp(ip), ip).toBe(want);
  });

  it('removes what is not an IP address at all', () => {
    for (const ip of ['', 'unknown', '1.2.3.256', '1.2.3', '1:2:3:4:5:6:7:8:9', '1::2::3', 'g::1', '12345::']) expect(truncateIp(ip), ip).toBe('');
  });

  it('cuts a user agent to its browser family, or to nothing', () => {
    const ua: [string, string][] = [
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36', 'Chrome'],
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87', 'Edge'],
      ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox'],
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1', 'Safari'],
      ['Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0 Mobile/15E148 Safari/604.1', 'Chrome'],
      ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0', 'Opera'],
      ['Mozilla/5.0 (Linux; Android 14; SM-S921B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36', 'Samsung Internet'],
      ['vitest', ''],
      ['', ''],
    ];
    for (const [agent, want] of ua) expect(browserFamily(agent), agent).toBe(want);
  });

  it('reduces a page URL to its origin (the path can name the consumer)', () => {
    expect(pageOrigin('https://shop.example/service?email=jan%40example.nl#top')).toBe('https://shop.example');
    expect(pageOrigin('https://jan:geheim@shop.example:8443/a/b')).toBe('https://shop.example:8443');
    expect(pageOrigin('https://shop.example/account/kees-markerman/orders')).toBe('https://shop.example');
    expect(pageOrigin('javascript:alert(1)')).toBeNull();
    expect(pageOrigin('not a url')).toBeNull();
    expect(pageOrigin(null)).toBeNull();
  });
});

describe('case details after erasure (R10)', () => {
  it('replaces free text and order numbers, keeps reason codes, resolution, mode and dates', () => {
    expect(erasedDetails({ reason: 'changed_mind', reasonDetail: 'Mijn buurman Piet', orderNumber: 'ORD-1', preferredResolution: 'refund' })).toEqual({
      reason: 'changed_mind', reasonDetail: ERASED, orderNumber: ERASED, preferredResolution: 'refund',
    });
    expect(erasedDetails({ mode: 'claim', faultDescription: 'Het scherm is zwart', warrantyEndDate: '2030-01-01' })).toEqual({ mode: 'claim', faultDescription: ERASED, warrantyEndDate: '2030-01-01' });
    expect(erasedDetails({ description: 'Lekt water', visitWindows: [{ date: '2099-01-15', part: 'morning', note: 'bel aan bij Jan' }] })).toEqual({
      description: ERASED, visitWindows: [{ date: '2099-01-15', part: 'morning' }],
    });
  });

  it('replaces any field it does not know, whatever its type', () => {
    expect(erasedDetails({ newField: 'Jan', nested: { email: 'jan@example.nl' }, reason: { text: 'x' } })).toEqual({ newField: ERASED, nested: null, reason: null });
  });
});
