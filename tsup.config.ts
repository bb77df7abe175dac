import { defineConfig } from 'tsup';

// Library: ESM + CJS with types, no side effects; `arbitraries` is its own entry so that only apps
// that import it need fast-check (an optional peer, kept external). CLI: one ESM file with a shebang.
export default defineConfig([
  {
    entry: { index: 'src/index.ts', arbitraries: 'src/arbitraries.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    target: 'node20',
    splitting: false,
  },
  {
    // The worker of `check --jobs N` is its own entry, loaded from beside the CLI's chunks.
    entry: { cli: 'src/cli/main.ts', 'check-worker': 'src/cli/check/worker.ts' },
    format: ['esm'],
    target: 'node20',
    sourcemap: true,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
