import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two at a time even on a 2-CPU machine: the fault tests mostly wait on timers, not on the CPU.
    maxWorkers: 2,
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/fast-check-setup.ts', 'tests/support/matchers.ts'],
    // Lambda runs Node 22 or newer; the SDK's notice about Node 20 is noise in test output.
    env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    // `npm run coverage`: how much of the deployable code the tests run.
    coverage: {
      provider: 'v8',
      // The bundle the tests load is reported through its source map, as the lambda/src files it is made of.
      include: ['lambda/src/**/*.ts', 'dist/lambda/index.cjs'],
      // What the map leads to in the SDK and ask-sdk-core is theirs to test.
      exclude: ['**/node_modules/**'],
      excludeAfterRemap: true,
      reporter: ['text-summary', 'json-summary'],
      // Just under what the tests reach (npm run coverage, lambda/src): a change that leaves code
      // untested fails CI. Measured 2026-12-01 after the structure split: lines 95.9 %, branches 82.6 %
      // (lowest: handlers/exercise-start.ts and handlers/reminders.ts, near 55 %).
      thresholds: { lines: 95.5, branches: 82 },
    },
  },
});
