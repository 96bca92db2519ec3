/**
 * A download streamed in keyset chunks: one query per `pull()`, so the server holds one chunk
 * at a time however many rows the export has (the consumer's read speed drives the queries).
 *
 * `beforeSend` runs for each chunk before its bytes are enqueued (the export records which
 * subjects the chunk includes there). At most `max` rows are sent: the count written to the
 * export log before the first byte is an upper bound of what leaves.
 *
 * On a failure mid-stream (a query or `beforeSend` throws) the stream errors: the HTTP
 * response ends without its terminating chunk (Node) or is reset (Workers), so a client sees
 * a network error while reading the body, never a body that looks complete. The export-log
 * row written before the first byte stays.
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
  /** Called once with the error that ended the stream (log it without personal data). */
  onError?(err: unknown): void;
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
          o.onError?.(err);
          controller.error(err);
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
