/** How one HTTP attempt ended. `json` is undefined when the body is empty or not JSON. */
export type Attempt =
  | { kind: 'response'; status: number; headers: Headers; json: unknown }
  | { kind: 'network'; message: string }
  | { kind: 'timeout' }
  | { kind: 'aborted' };

export type AttemptRequest = {
  fetch: typeof fetch;
  url: string;
  init: { method: string; headers: Record<string, string>; body?: string };
  timeoutMs: number;
  signal?: AbortSignal;
};

/**
 * One request, body read included, under a time limit and the caller's signal. Never throws.
 * Only portable APIs (fetch, AbortController, setTimeout), so it runs in browsers, Node and
 * Workers; no `AbortSignal.any`/`timeout`, which older runtimes lack.
 */
export async function fetchJson(req: AttemptRequest): Promise<Attempt> {
  if (req.signal?.aborted) return { kind: 'aborted' };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, req.timeoutMs);
  const onAbort = () => controller.abort();
  req.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await req.fetch(req.url, { ...req.init, signal: controller.signal });
    const text = await res.text();
    return { kind: 'response', status: res.status, headers: res.headers, json: parseJson(text) };
  } catch (err) {
    if (req.signal?.aborted) return { kind: 'aborted' };
    if (timedOut) return { kind: 'timeout' };
    return { kind: 'network', message: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onAbort);
  }
}

function parseJson(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
