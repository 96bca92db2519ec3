/**
 * A download streamed in keyset chunks: one query per `pull()`, so the server holds one chunk
 * at a time however many rows the export has (the consumer's read speed drives the queries).
 *
 * `beforeSend` runs for each chunk before its bytes are enqueued (the export records which
 * subjects the chunk includes there). At most `max` rows are sent: the count written to the
 * export log before the first byte is an upper bound of what leaves.
 *
 * On a failure mid-stream (a query or `beforeSend` throws) the stream errors: the Node host
 * destroys the socket, so the chunked response ends without its terminating chunk and a
 * client sees a network error while reading the body (fetch: `TypeError: terminated`, cause
 * `UND_ERR_SOCKET`; node:http: `aborted`/`ECONNRESET`, `complete === false`; curl: exit 18),
 * never a body that looks complete; on Workers the runtime resets the stream likewise. Rows
 * sent before the failure have left; the export-log row written before the first byte stays.
 */
export type ChunkedStreamOptions<R, C> = {
  /** Sent before the first row (CSV header, `[`, HTML head). */
  head: string;
  /** Sent after the last row (`]`, HTML foot). */
  tail: string;
  /** Rows after `cursor` (null: the first chunk); `next` null when there are no more. */
  next(cursor: C | null): Promise<{ rows: R[]; next: C | null }>;
  beforeSend?(rows: R[]): Promise<void>;
  /** Text of `rows`; `sent` = rows sent before them (for separators). */
  render(rows: R[], sent: number): string;
  max: number;
  /**
   * Called once with the error that ended the stream: logs it without personal data and
   * returns the error the stream ends with. Hosts log that one too (the Node server prints
   * it), so it must not be the raw database error (drizzle's message carries the parameters).
   */
  onError(err: unknown): Error;
};

export function chunkedStream<R, C>(o: ChunkedStreamOptions<R, C>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let started = false;
  let cursor: C | null = null;
  let done = false;
  let sent = 0;
  return new ReadableStream<Uint8Array>(
    {
      // Every pull enqueues something or closes: a pull that returned empty-handed would not be called again.
      async pull(controller) {
        try {
          if (!started) {
            started = true;
            if (o.head) return controller.enqueue(encoder.encode(o.head));
          }
          while (!done && sent < o.max) {
            const chunk = await o.next(cursor);
            const rows = chunk.rows.slice(0, o.max - sent);
            cursor = chunk.next;
            if (chunk.next === null || !rows.length) done = true;
            if (rows.length) {
              await o.beforeSend?.(rows);
              controller.enqueue(encoder.encode(o.render(rows, sent)));
              sent += rows.length;
              return;
            }
          }
          if (o.tail) controller.enqueue(encoder.encode(o.tail));
          controller.close();
        } catch (err) {
          controller.error(o.onError(err));
        }
      },
      cancel() {
        done = true;
      },
    },
    // Pull one chunk at a time: nothing is read ahead of the client.
    { highWaterMark: 0 },
  );
}
