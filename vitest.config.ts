import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['sdk/src/**/*.test.ts', 'worker/src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 120_000,
    pool: 'forks',
  },
});
