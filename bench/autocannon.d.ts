/** The little of autocannon 9's programmatic API that bench/loadgen.ts uses (it ships no types). */
declare module 'autocannon' {
  import type { EventEmitter } from 'node:events';
  interface Instance extends EventEmitter, PromiseLike<unknown> {
    stop(): void;
  }
  function autocannon(options: Record<string, unknown>): Instance;
  export default autocannon;
}
