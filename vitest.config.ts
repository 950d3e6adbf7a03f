// Test tiers: unit and fixture tests run in parallel; browser tests are few and given time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // One real build of the example editions, shared by the e2e and visual tests.
    globalSetup: ['test/global-build.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: more workers only fight over Chromium.
    maxWorkers: 2,
    minWorkers: 1,
  },
});
