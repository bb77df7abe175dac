import { defineConfig } from 'vitest/config';

// Checks on the built package (dist/ and the bin): run after `npm run build`.
export default defineConfig({
  test: {
    include: ['tests/dist/**/*.test.ts'],
    testTimeout: 120_000,
    // The CLI's words follow the locale when --lang is not given: the tests expect English
    // whatever the machine's locale (every CLI they start inherits this environment).
    env: { LANG: 'C', LC_ALL: '', LC_MESSAGES: '', LANGUAGE: '' },
  },
});
