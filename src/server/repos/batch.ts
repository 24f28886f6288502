/**
 * Coalesces calls that arrive while earlier ones are in flight into one call of `run` with all of
 * them (at most `maxBatch`), with at most `maxInFlight` such calls running at once. An idle caller
 * waits for nothing: with nothing in flight its item goes out alone, at once. Used for PostgreSQL
 * record writes (ADR 033), where one statement and one commit then serve many requests.
 */
export function createBatcher<I, O>(
  run: (items: I[]) => Promise<O[]>,
  options: { maxBatch: number; maxInFlight: number },
): (item: I) => Promise<O> {
  const queue: Array<{ item: I; resolve: (out: O) => void; reject: (error: unknown) => void }> = [];
  let inFlight = 0;
  const pump = () => {
    while (inFlight < options.maxInFlight && queue.length > 0) {
      const batch = queue.splice(0, options.maxBatch);
      inFlight++;
      run(batch.map((b) => b.item))
        .then(
          (outs) => batch.forEach((b, i) => b.resolve(outs[i]!)),
          (error: unknown) => batch.forEach((b) => b.reject(error)),
        )
        .finally(() => {
          inFlight--;
          pump();
        });
    }
  };
  return (item) =>
    new Promise<O>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      pump();
    });
}
