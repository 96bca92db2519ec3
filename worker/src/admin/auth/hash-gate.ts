import { problem } from '../../lib/problem.js';

/**
 * The process-wide cap on concurrent argon2id hashes (README: "Sign-in"). One hash is 19 MiB
 * and ~0.45 s of CPU in pure JavaScript; it yields to the event loop every 10 ms, so a hundred
 * at once would each get a hundredth of the CPU, take ~2 GB, and starve every other request.
 * At most `concurrency` run at once; up to `queue` more wait their turn (first come, first
 * served); a password check that finds the queue full is refused (`ServerBusyError`, answered
 * 503 `server_busy` with Retry-After) instead of waiting. Hashes of new passwords (user
 * creation, password change) wait however long: they come from signed-in users.
 *
 * Waiters poll for their turn instead of being woken by the hash that ends: on Workers a
 * promise must not be resolved from another request's context.
 */
export class HashGate {
  private running = 0;
  private readonly waiting: symbol[] = [];

  constructor(
    readonly concurrency: number,
    readonly queue: number,
    private readonly pollMs = 5,
  ) {}

  /** Runs `fn` in a slot. With `refuseWhenFull`, throws `ServerBusyError` (without running it) when the queue is full. */
  async run<T>(fn: () => Promise<T>, o: { refuseWhenFull?: boolean } = {}): Promise<T> {
    if (this.running >= this.concurrency || this.waiting.length > 0) {
      if (o.refuseWhenFull && this.waiting.length >= this.queue) throw new ServerBusyError();
      const me = Symbol('waiter');
      this.waiting.push(me);
      while (this.running >= this.concurrency || this.waiting[0] !== me) await new Promise((r) => setTimeout(r, this.pollMs));
      this.waiting.shift();
    }
    this.running++;
    try {
      return await fn();
    } finally {
      this.running--;
    }
  }
}

export class ServerBusyError extends Error {
  constructor() {
    super('Too many password checks at once');
    this.name = 'ServerBusyError';
  }
}

/** Two at once: JavaScript runs one at a time anyway, so more only adds memory and latency. */
export const HASH_CONCURRENCY = 2;
/** ~4 s of waiting at most, then 503. */
export const HASH_QUEUE = 8;
export const hashGate = new HashGate(HASH_CONCURRENCY, HASH_QUEUE);

export const serverBusy = () =>
  problem('server_busy', { retryAfter: 1, detail: 'Too many sign-ins at once; try again in a moment.' }, { 'retry-after': '1' });
