/**
 * Lets long CPU work on the Node host yield to network I/O. @noble/hashes' argon2idAsync
 * yields every `asyncTick` ms through `scheduler.yield()` when the runtime has it, else through
 * `setTimeout(0)`. Node 20 has no `scheduler`, and two hashes yielding by timers hand the turn
 * to each other inside the timers phase: requests waited until both hashes were done (a
 * static page took 0.4 s behind two sign-ins, `/v1/config` 5–7 s behind a flood — measured
 * with bench/login-flood). `setImmediate` runs after the poll phase, so every yield lets
 * waiting requests in. Installed once by `startNodeHost`; a runtime with its own
 * `scheduler.yield` (Workers, newer Node) keeps it.
 */
export function yieldToIo(): void {
  const g = globalThis as { scheduler?: { yield?: () => Promise<void> } };
  if (typeof g.scheduler?.yield === 'function') return;
  g.scheduler = { ...g.scheduler, yield: () => new Promise<void>((resolve) => setImmediate(resolve)) };
}
