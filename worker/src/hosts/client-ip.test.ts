import { describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { nodeClientIp, cloudflareClientIp } from './client-ip.js';
import type { ClientIpReader } from '../deps.js';

/** A real Hono app that answers with what the reader sees; the socket is Node's binding. */
function seen(reader: ClientIpReader, headers: Record<string, string>, socket = '10.0.0.5') {
  const app = new Hono();
  app.get('/', (c) => c.text(reader(c)));
  return Promise.resolve(app.request('/', { headers }, { incoming: { socket: { remoteAddress: socket } } })).then((r) => r.text());
}

describe('client IP (R5 evidence)', () => {
  it('Node without TRUST_PROXY: the socket address; X-Forwarded-For is ignored (a client can write it)', async () => {
    expect(await seen(nodeClientIp(0), { 'x-forwarded-for': '203.0.113.9' })).toBe('10.0.0.5');
  });

  it('Node behind N trusted proxies: the N-th address from the right', async () => {
    expect(await seen(nodeClientIp(1), { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' })).toBe('203.0.113.9');
    expect(await seen(nodeClientIp(2), { 'x-forwarded-for': '198.51.100.1, 203.0.113.9' })).toBe('198.51.100.1');
    expect(await seen(nodeClientIp(1), {})).toBe('10.0.0.5');
  });

  it('Workers: CF-Connecting-IP', async () => {
    expect(await seen(cloudflareClientIp, { 'cf-connecting-ip': '2001:db8::1' })).toBe('2001:db8::1');
  });
});
