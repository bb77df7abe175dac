/**
 * `tsx scripts/json-schema.ts`: writes the record JSON Schema to schema/record.schema.json,
 * generated from the zod schemas. `--check` writes nothing and exits 1 when the file is stale.
 * (src/schema/jsonSchema.test.ts fails too when the file drifts from the schemas.)
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordJsonSchemaText } from '../src/schema/jsonSchema.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));
const target = join(packageRoot, 'schema', 'record.schema.json');

function run(argv: string[]): number {
  const check = argv.includes('--check');
  const text = recordJsonSchemaText();
  const before = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
  if (before === text) {
    process.stdout.write('schema/record.schema.json: up to date\n');
    return 0;
  }
  if (check) {
    process.stdout.write('schema/record.schema.json: OUT OF DATE (run: npx tsx scripts/json-schema.ts)\n');
    return 1;
  }
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, text);
  process.stdout.write(`schema/record.schema.json: ${before === undefined ? 'created' : 'updated'}\n`);
  return 0;
}

process.exitCode = run(process.argv.slice(2));
