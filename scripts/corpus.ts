/**
 * `npm run corpus`: rebuilds rules/<city>.json from the scraped pages in seeds/, keeping every
 * hand-authored key (checks, noCheck, nonBinding …). `npm run corpus -- --check` writes nothing and
 * exits 1 when a file is out of date with its seed.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CITY_KEYS } from '../src/types.js';
import { deriveCatalogue } from './corpus/derive.js';
import { mergeRuleFile, serializeRuleFile } from './corpus/merge.js';
import { SEED_PAGES } from './corpus/seedPages.js';

const packageRoot = fileURLToPath(new URL('..', import.meta.url));

function run(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { check: { type: 'boolean', default: false } } });
  let outOfDate = 0;
  for (const city of CITY_KEYS) {
    const seed = SEED_PAGES[city];
    const derived = deriveCatalogue(city, readFileSync(join(packageRoot, seed.file), 'utf8'));
    const target = join(packageRoot, 'rules', `${city}.json`);
    const before = existsSync(target) ? readFileSync(target, 'utf8') : undefined;
    const after = serializeRuleFile(mergeRuleFile(derived, before === undefined ? undefined : JSON.parse(before)));
    const changed = before !== after;
    if (changed && !values.check) writeFileSync(target, after);
    if (changed) outOfDate += 1;
    const state = !changed ? 'up to date' : values.check ? 'OUT OF DATE' : before === undefined ? 'created' : 'updated';
    process.stdout.write(`rules/${city}.json: ${derived.articles.length} articles, ${state}\n`);
  }
  return values.check && outOfDate > 0 ? 1 : 0;
}

process.exitCode = run(process.argv.slice(2));
