import { defineConfig } from 'vitest/config';

// Unit tests cover the pure core (and platform logic that can run without a browser).
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
  },
});
