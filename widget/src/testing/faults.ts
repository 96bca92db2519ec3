/**
 * Fault injection in front of the REAL API: wraps `window.fetch` so chosen calls fail (no
 * answer), are "lost" (the server handles them, the answer never arrives) or get a 5xx/429;
 * every other call passes through to the server unchanged.
 */
export type Fault = 'pass' | 'fail' | 'lose' | 500 | 503 | 429;
export type Call = { url: string; method: string; idempotencyKey: string | null; fault: Fault; status?: number; body?: unknown };

export function injectFaults(plan: (call: { url: string; method: string; n: number }) => Fault) {
  const real = window.fetch;
  const calls: Call[] = [];
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    const n = calls.filter((c) => c.url === url && c.method === method).length;
    const fault = plan({ url, method, n });
    const call: Call = { url, method, idempotencyKey: headers.get('idempotency-key'), fault };
    calls.push(call);
    if (fault === 'fail') throw new TypeError('Failed to fetch (injected)');
    if (typeof fault === 'number') {
      const body = { type: 'about:blank', title: 'Injected', status: fault, code: fault === 429 ? 'rate_limited' : 'internal' };
      return new Response(JSON.stringify(body), {
        status: fault,
        headers: { 'content-type': 'application/problem+json', ...(fault === 429 ? { 'retry-after': '0' } : {}) },
      });
    }
    const res = await real(input, init);
    call.status = res.status;
    if (fault === 'lose') {
      call.body = await res.json();
      throw new TypeError('Failed to fetch (answer lost, injected)');
    }
    return res;
  };
  return { calls, restore: () => void (window.fetch = real) };
}

/** Only case submissions. */
export const isCasePost = (c: { url: string; method: string }) => c.method === 'POST' && c.url.endsWith('/v1/cases');
