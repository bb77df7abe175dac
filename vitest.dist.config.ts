import { defineConfig } from 'vitest/config';

// Checks on the built package (dist/ and the bin): run after `npm run build`.
export default defineConfig({
  test: {
    include: ['tests/dist/**/*.test.ts'],
    testTimeout: 120_000,
  },
});
