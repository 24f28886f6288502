import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Both projects share one pool of workers, so the browser journeys (mostly waiting on a browser
// and a server in other processes) overlap with the fast tests instead of running after them.
// At least two even on a two-core runner, where vitest's default would be one.
const workers = Math.max(2, availableParallelism() - 1);

// Two projects: fast tests next to the code (unit, crypto, repo, HTTP through app.request on a
// real database) and end-to-end tests that drive Debian's Chromium against the built app.
export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'content/**/*.test.ts', 'scripts/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          maxWorkers: workers,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // Each file starts its own server (own port, own data folder) and its own browser.
          maxWorkers: workers,
          // What a journey polls for follows a browser and a server in other processes, beside
          // another journey: a second (vitest's default) is too short on a loaded two-core runner.
          expect: { poll: { timeout: 10_000 } },
        },
      },
    ],
  },
});
