import type { Context } from 'hono';
import type { ClientIpReader } from '../deps.js';

type NodeBindings = { incoming?: { socket?: { remoteAddress?: string } } };

/**
 * Node: the socket's address. With `trustProxy` = N (proxies in front of us), the N-th address
 * from the right of X-Forwarded-For: the one our own nearest proxy saw; anything further left
 * could be written by the client.
 */
export function nodeClientIp(trustProxy: number): ClientIpReader {
  return (c: Context) => {
    const socket = (c.env as NodeBindings | undefined)?.incoming?.socket?.remoteAddress ?? 'unknown';
    if (trustProxy <= 0) return socket;
    const chain = (c.req.header('x-forwarded-for') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    return chain[chain.length - trustProxy] ?? chain[0] ?? socket;
  };
}

/** Workers: Cloudflare sets CF-Connecting-IP; a client cannot. */
export const cloudflareClientIp: ClientIpReader = (c) => c.req.header('cf-connecting-ip') ?? 'unknown';
