import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { nodeClientIp } from '../hosts/client-ip.js';
import { memoryRateLimiter } from '../limiter/memory.js';
import { makeHarness, type Harness } from '../testing/harness.js';

/**
 * The intake limit through the app, with the client address taken the way the Node host takes
 * it behind one trusted proxy (X-Forwarded-For), so each request can come from another address.
 */
let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});
afterEach(() => h.dispose());

function appWith(limiter: ReturnType<typeof memoryRateLimiter>) {
  const app = createApp({ db: h.db, clock: { now: () => Date.now() }, rateLimiter: limiter, clientIp: nodeClientIp(1) });
  return (ip: string) =>
    app.request('/v1/cases', {
      method: 'POST',
      headers: h.headers({ 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), 'user-agent': 'vitest', 'x-forwarded-for': ip }),
      body: JSON.stringify(h.validCase()),
    });
}

const inNet = (net: string, i: number) => `${net}:${((i * 7919) & 0xffff).toString(16)}:${i.toString(16)}:0:${(i + 1).toString(16)}`;

describe('POST /v1/cases rate limit per client network', () => {
  it('counts 20 addresses of one IPv6 /64 as one client; another /64 and an IPv4 address have their own limit', async () => {
    const submit = appWith(memoryRateLimiter({ limit: 3, windowMs: 60_000, clock: { now: () => 1_000 } }));
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await submit(inNet('2001:db8:abcd:12', i))).status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(17);
    const refused = await submit('2001:0db8:abcd:0012::ffff');
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { code: string }).code).toBe('rate_limited');

    expect((await submit('2001:db8:abcd:13::1')).status).toBe(201);
    expect((await submit('::ffff:198.51.100.4')).status).toBe(201);
    expect((await submit('198.51.100.5')).status).toBe(201);
  });

  it('refuses a new network while the limiter is full, keeps counting the known ones, and makes room once their windows end', async () => {
    let now = 1_000;
    const limiter = memoryRateLimiter({ limit: 2, windowMs: 60_000, clock: { now: () => now }, maxKeys: 3 });
    const submit = appWith(limiter);
    expect((await submit('2001:db8:1::1')).status).toBe(201);
    expect((await submit('2001:db8:1::2')).status).toBe(201);
    expect((await submit('198.51.100.1')).status).toBe(201);
    expect((await submit('198.51.100.2')).status).toBe(201);
    expect(limiter.size).toBe(3);

    now += 10_000;
    const full = await submit('198.51.100.3');
    expect(full.status).toBe(429);
    expect(full.headers.get('retry-after')).toBe('50');
    // The /64 that used its 2 is still limited: a full limiter forgot nothing.
    expect((await submit('2001:db8:1::3')).status).toBe(429);
    expect(limiter.size).toBe(3);

    now += 50_000;
    expect((await submit('198.51.100.3')).status).toBe(201);
    expect((await submit('2001:db8:1::4')).status).toBe(201);
    expect(limiter.size).toBe(2);
  });
});

describe('memoryRateLimiter size', () => {
  it('holds at most its cap under 100k distinct keys, and never forgets a live limit to make room', async () => {
    let now = 0;
    const limiter = memoryRateLimiter({ limit: 1, windowMs: 60_000, clock: { now: () => now }, maxKeys: 1_000 });
    expect((await limiter.limit('victim')).ok).toBe(true);
    expect((await limiter.limit('victim')).ok).toBe(false);
    let admitted = 0;
    for (let i = 0; i < 100_000; i++) {
      if ((await limiter.limit(`flood-${i}`)).ok) admitted++;
      if (i % 10_000 === 0) now += 1; // time moves a little, windows stay live
    }
    expect(limiter.size).toBeLessThanOrEqual(1_000);
    expect(admitted).toBe(999);
    expect((await limiter.limit('victim')).ok).toBe(false);

    now += 60_000; // every window has ended: expired ones are dropped, not kept until the cap
    expect((await limiter.limit('newcomer')).ok).toBe(true);
    expect(limiter.size).toBe(1);
  });
});
