import { defineConfig } from 'vitest/config';

// Unit tests run in parallel. Server and browser tests share ports (boot() always listens on
// 2568), so they run one file at a time in their own project.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/shared/**/*.test.ts', 'test/scenario/**/*.test.ts', 'test/client/**/*.test.{ts,tsx}', 'test/scripts/**/*.test.ts'], testTimeout: 60_000 } },
      { test: { name: 'server', include: ['test/server/**/*.test.ts'], fileParallelism: false, testTimeout: 60_000, hookTimeout: 60_000 } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], fileParallelism: false, testTimeout: 180_000, hookTimeout: 180_000 } },
    ],
  },
});
