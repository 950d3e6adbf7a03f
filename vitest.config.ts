// Test tiers as vitest projects: `unit` (test/unit, no browser, fast) and `browser` (test/browser, real
// Chromium builds shared through one global build). `vitest run --project unit` runs the first alone.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: more workers only fight over Chromium.
    maxWorkers: 2,
    minWorkers: 1,
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          // One real build of the example editions, shared by the e2e and visual tests.
          globalSetup: ['test/browser/global-build.ts'],
        },
      },
    ],
  },
});
