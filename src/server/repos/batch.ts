/**
 * Coalesces calls that arrive while earlier ones are in flight into one call of `run` with all of
 * them (at most `maxBatch`), with at most `maxInFlight` such calls running at once. An idle caller
 * waits for nothing: with nothing in flight its item goes out alone, at once (with `gatherTurn`,
 * after one turn of the event loop). Used for record writes (ADR 033), where one statement and
 * one commit (PostgreSQL) or one transaction and one fsync (SQLite) then serve many requests.
 */
export function createBatcher<I, O>(
  run: (items: I[]) => Promise<O[]>,
  options: { maxBatch: number; maxInFlight: number; gatherTurn?: boolean },
): (item: I) => Promise<O> {
  const queue: Array<{ item: I; resolve: (out: O) => void; reject: (error: unknown) => void }> = [];
  let inFlight = 0;
  const send = () => {
    const batch = queue.splice(0, options.maxBatch);
    if (batch.length === 0) {
      inFlight--;
      return;
    }
    run(batch.map((b) => b.item))
      .then(
        (outs) => batch.forEach((b, i) => b.resolve(outs[i]!)),
        (error: unknown) => batch.forEach((b) => b.reject(error)),
      )
      .finally(() => {
        inFlight--;
        pump();
      });
  };
  const pump = () => {
    while (inFlight < options.maxInFlight && queue.length > 0) {
      inFlight++;
      // A batch that runs synchronously (SQLite) lets nothing join while it runs: waiting one turn
      // of the event loop first lets the requests already in flight join it.
      if (options.gatherTurn) setImmediate(send);
      else send();
    }
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      pump();
    });
}
