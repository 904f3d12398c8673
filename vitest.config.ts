import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Font loading and PDF rendering are CPU-heavy; CI has two cores.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Test files share their worker process (fonts and pdfkit load once per worker, not once
    // per file: half the suite's time was module loading), on both cores. No test depends on
    // being first in its process.
    isolate: false,
    maxWorkers: 2,
    minWorkers: 1,
  },
});
