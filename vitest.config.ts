import { defineConfig } from 'vitest/config';

// Unit and property tests: source files, run before the build.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'tests/**/*.test.ts', 'scripts/**/*.test.ts'],
    exclude: ['tests/dist/**', 'node_modules/**'],
    testTimeout: 30_000,
    // Type tests (*.test-d.ts): compile-time assertions on the public types.
    typecheck: { enabled: true, include: ['tests/**/*.test-d.ts'], tsconfig: './tsconfig.typetests.json' },
  },
});
