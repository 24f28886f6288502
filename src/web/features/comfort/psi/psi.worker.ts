/// <reference lib="webworker" />
/**
 * One comfort-match worker: blinds or raises the range of slots it is given (jobs.ts), off the
 * main thread, so the screen never waits on the ~0.8 ms of curve work per slot. It keeps nothing
 * between jobs; the scalar arrives with each job and is dropped with it.
 */
import { runJob, type PsiJob } from './jobs.ts';

self.onmessage = (event: MessageEvent<{ id: number; job: PsiJob }>) => {
  const { id, job } = event.data;
  try {
    const points = runJob(job);
    self.postMessage({ id, ok: true, points }, [points.buffer]);
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    self.postMessage({ id, ok: false, code: typeof code === 'string' ? code : 'invalid-input' });
  }
};
