/**
 * `npm run bench`: one run, one batch of generated records (scripts/gen.ts), every figure of
 * issue #8 side by side, so that ratios compare like with like on a busy machine:
 *
 * - library: the compiled path vs the json-rules-engine path (validation and findings included);
 *   three checks decided by a hand-written TypeScript floor vs the compiled closures vs
 *   json-rules-engine; the condition core alone (all checks of a record's kind, no findings) on the
 *   facts in slots as validation fills them vs a bare json-rules-engine `Engine#run` on the facts
 *   object, each side on records just validated (BENCH_CORE_CHUNK at a time) and on records all
 *   validated beforehand; validation alone, by zod and by the fast path compiled from it;
 * - floors: `JSON.parse` of a line; parse + stringify of a line's result;
 * - disagreements between the two paths on a 100k batch (must be 0);
 * - the built CLI end to end (ndjson, csv × --jobs 1, 2) with peak RSS and CPU; beside --jobs 2,
 *   two --jobs 1 processes at once on half the records each (what two cores give this workload
 *   with nothing shared), the most --jobs 2 could gain given --jobs 1's CPU, and what two
 *   CPU-bound processes doing only JSON get out of the machine at once. The ndjson runs and the
 *   halves are alternated BENCH_CLI_ROUNDS times: the fastest run gives the rate, the highest
 *   peak RSS the memory;
 * - scripts/bench-input.ts, when present, as its own section.
 *
 * Library rates are records per second of CPU time (process.cpuUsage) — the machine may be shared
 * — best of three interleaved rounds after two untimed ones; CLI rates are wall time (worker
 * threads run in parallel).
 * Writes bench/out/bench.json (`npm run docs` renders the README's performance table from it).
 *
 * Sizes (env): BENCH_RECORDS (library timing, default 50000), BENCH_DIFF_RECORDS (default
 * 100000), BENCH_CLI_RECORDS (default 1000000; 0 skips the CLI), BENCH_ROUNDS (default 3),
 * BENCH_WARMUP (untimed rounds before them, default 2), BENCH_CORE_CHUNK (default 1000),
 * BENCH_CLI_ROUNDS (ndjson CLI runs alternated, the fastest reported, default 2).
 * Quick run: BENCH_RECORDS=5000 BENCH_DIFF_RECORDS=5000 BENCH_CLI_RECORDS=20000 npm run bench
 *
 * Options: `--only SECTIONS` (comma-separated: library, three, core, floors, diff, import, cli,
 * input) runs those sections only and prints their figures, without writing bench.json — e.g.
 * `npx tsx scripts/bench.ts --only core` to compare the condition core with json-rules-engine in a
 * minute. `--help` prints this.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, open, rm, stat, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import type { Almanac, Engine } from 'json-rules-engine';
import { ruleFiles } from '../src/catalogue/ruleFiles.js';
import { compileCondition, compileDecisions, DECISION, type CheckConditions, type CompiledCondition, type DecideChecks } from '../src/engine/compileConditions.js';
import { FactLayout, type FactSlots } from '../src/engine/factLayout.js';
import { resolveParameters } from '../src/engine/parameters.js';
import { createRulesEngine, engineOperator } from '../src/engine/rulesEngine.js';
import { createEvaluator } from '../src/evaluate.js';
import { factsSchemas } from '../src/schema/facts.js';
import type { ShequRecord } from '../src/schema/record.js';
import { parseRecordToSlots, validateRecord, validateRecordWithZod } from '../src/schema/validateRecord.js';
import { CITY_KEYS, type CheckEntry, type CityKey, type RecordKind } from '../src/types.js';
import { measureCli } from './bench-cli.js';
import { generateLines, generateToFile } from './gen.js';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const outDir = join(root, 'bench', 'out');
/** A size from the environment: a whole number (at least `least`), else the bench stops saying which. */
const env = (name: string, fallback: number, least = 0): number => {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (Number.isInteger(n) && n >= least) return n;
  process.stderr.write(`bench: ${name} must be a whole number of at least ${least} (got '${value}')\n`);
  process.exit(2);
};
const LIB_RECORDS = env('BENCH_RECORDS', 50_000);
const CORE_CHUNK = env('BENCH_CORE_CHUNK', 1_000);
const DIFF_RECORDS = env('BENCH_DIFF_RECORDS', 100_000);
const CLI_RECORDS = env('BENCH_CLI_RECORDS', 1_000_000);
const ROUNDS = env('BENCH_ROUNDS', 3, 1);
const WARMUP = env('BENCH_WARMUP', 2);
const CLI_ROUNDS = env('BENCH_CLI_ROUNDS', 2, 1);
const AS_OF = '2024-06-01';

const SECTIONS = ['library', 'three', 'core', 'floors', 'diff', 'import', 'cli', 'input'] as const;
type Section = (typeof SECTIONS)[number];
const USAGE = `usage: tsx scripts/bench.ts [--only SECTIONS] [--help]

  --only SECTIONS  comma-separated, of: ${SECTIONS.join(', ')}; runs only those sections and
                   prints their figures, without writing bench/out/bench.json
                   (e.g. --only core: the condition core against json-rules-engine Engine#run)
  --help           this text

Sizes (env): BENCH_RECORDS (default 50000), BENCH_DIFF_RECORDS (default 100000),
BENCH_CLI_RECORDS (default 1000000; 0 skips the CLI), BENCH_ROUNDS (default 3),
BENCH_WARMUP (untimed rounds before them, default 2), BENCH_CORE_CHUNK (records validated
just before the condition core's timed chunk, default 1000), BENCH_CLI_ROUNDS (ndjson
--jobs 1, --jobs 2 and the two halves, alternated: speed from the fastest run, peak RSS
from the highest; default 2).
`;
function parseArgs(argv: readonly string[]): ReadonlySet<Section> | undefined {
  let only: Set<Section> | undefined;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(USAGE);
      process.exit(0);
    }
    const value = arg === '--only' ? argv[(i += 1)] : arg.startsWith('--only=') ? arg.slice('--only='.length) : undefined;
    if (value === undefined || value === '') {
      process.stderr.write(`bench: ${arg === '--only' || arg.startsWith('--only=') ? '--only needs a list of sections' : `unknown argument ${arg}`}\n${USAGE}`);
      process.exit(2);
    }
    only ??= new Set();
    for (const name of value.split(',')) {
      if (!(SECTIONS as readonly string[]).includes(name)) {
        process.stderr.write(`bench: --only: unknown section '${name}' (sections: ${SECTIONS.join(', ')})\n`);
        process.exit(2);
      }
      only.add(name as Section);
    }
  }
  return only;
}
const ONLY = parseArgs(process.argv.slice(2));
/** Whether a section runs (all of them without --only). */
const runs = (section: Section): boolean => ONLY === undefined || ONLY.has(section);

const say = (line = ''): void => {
  process.stdout.write(`${line}\n`);
};
const fmt = (n: number): string => Math.round(n).toLocaleString('en-US');
const ratio = (a: number, b: number): number => Math.round((a / b) * 10) / 10;

/** Records per CPU-second of `run` over `count` records: best of the interleaved rounds. */
interface Variant {
  name: string;
  count: number;
  /** The round, timed whole; or its untimed and timed parts, resolving to the CPU-seconds of the timed ones. */
  run: () => void | Promise<void> | Promise<number>;
  best: number;
}

/**
 * WARMUP untimed rounds, then ROUNDS timed ones, the variants interleaved in each. The compiled
 * path is slow to reach its speed: over six rounds of the 50,000 records in one process it went
 * 20k, 36k, 56k… to 72-79k records/s (its generated functions per city and kind, each called for a
 * share of the records, and its caches of wordings filling), so best of three rounds from cold
 * measured ~35% under what a long run gets.
 */
async function timeRounds(variants: Variant[]): Promise<void> {
  for (let round = 0; round < WARMUP + ROUNDS; round += 1) {
    for (const v of variants) {
      const start = process.cpuUsage();
      const timed = await v.run();
      const used = process.cpuUsage(start);
      const seconds = typeof timed === 'number' ? timed : (used.user + used.system) / 1e6;
      if (round >= WARMUP) v.best = Math.max(v.best, v.count / Math.max(seconds, 1e-6));
    }
  }
}

const variant = (name: string, count: number, run: () => void | Promise<void>): Variant => ({ name, count, run, best: 0 });

/**
 * A variant over `count` items in chunks of `chunk`: `prepare(start, end)` untimed, then `run(start,
 * end)` timed (CPU-seconds summed over the chunks).
 */
const chunkedVariant = (
  name: string,
  count: number,
  chunk: number,
  prepare: (start: number, end: number) => void,
  run: (start: number, end: number) => void | Promise<void>,
): Variant => ({
  name,
  count,
  best: 0,
  run: async () => {
    let micros = 0;
    for (let start = 0; start < count; start += chunk) {
      const end = Math.min(count, start + chunk);
      prepare(start, end);
      const before = process.cpuUsage();
      await run(start, end);
      const used = process.cpuUsage(before);
      micros += used.user + used.system;
    }
    return micros / 1e6;
  },
});

// ---------------------------------------------------------------------------------------------
// The three checks of the floor, decided by hand. Their numbers are read from the rule files
// (never written here), and the bench counts where the floor and the compiled path differ.

type Status = 'pass' | 'fail' | 'not-applicable' | 'unknown';
const FLOOR_CHECKS = ['shenyang.10.1.facility-area', 'shenyang.12.1.grid-size', 'guiyang.37.1.premises-area'] as const;

function checkById(id: string): { city: CityKey; check: CheckEntry } {
  for (const city of CITY_KEYS) {
    for (const article of ruleFiles[city].articles) {
      const check = article.checks.find((c) => c.id === id);
      if (check) return { city, check: resolveParameters(check) };
    }
  }
  throw new Error(`bench: no check ${id}`);
}

function floorDeciders(): Array<{ kind: RecordKind; decide: (facts: Record<string, unknown>) => Status }> {
  type Leaf = { fact: string; value: unknown; params?: Record<string, unknown> };
  const passes = (id: string): Leaf[] => (checkById(id).check.conditions.all[1] as unknown as { all: Leaf[] }).all;
  const [areaMin, perHouseholds] = passes(FLOOR_CHECKS[0]);
  const minArea = areaMin!.value as number;
  const scaled = (perHouseholds!.value as { params: { rate: number; per: number } }).params;
  const band = passes(FLOOR_CHECKS[1])[0]!.value as { target: number; tolerance: number };
  const premisesMin = passes(FLOOR_CHECKS[2])[0]!.value as number;
  const spread = band.target * band.tolerance;
  const slack = band.target * 1e-9;
  return [
    {
      kind: 'community',
      decide: (facts) => {
        const area = facts['serviceFacilityAreaSqm'] as number | undefined;
        if (area === undefined) return 'unknown';
        if (area < minArea) return 'fail';
        const households = facts['households'] as number | undefined;
        if (households === undefined) return 'unknown';
        return area >= (households * scaled.rate) / scaled.per ? 'pass' : 'fail';
      },
    },
    {
      kind: 'grid',
      decide: (facts) => {
        if (facts['type'] !== 'comprehensive') return facts['type'] === undefined ? 'unknown' : 'not-applicable';
        const households = facts['households'] as number | undefined;
        if (households === undefined) return 'unknown';
        return households >= band.target - spread - slack && households <= band.target + spread + slack ? 'pass' : 'fail';
      },
    },
    {
      kind: 'community',
      decide: (facts) => {
        const area = facts['serviceFacilityAreaSqm'] as number | undefined;
        if (area === undefined) return 'unknown';
        return area >= premisesMin ? 'pass' : 'fail';
      },
    },
  ];
}

const layouts = new Map<RecordKind, FactLayout>();
/** A kind's record facts as the evaluator lays them out (a record is read into them once). */
function layoutOf(kind: RecordKind): FactLayout {
  let layout = layouts.get(kind);
  if (!layout) {
    layout = new FactLayout(Object.keys((factsSchemas as unknown as Record<string, { shape: object }>)[kind]!.shape));
    layouts.set(kind, layout);
  }
  return layout;
}

/** A check's appliesWhen / passesWhen compiled. */
function compileChecks(engine: Engine, check: CheckEntry): CheckConditions {
  const ctx = { ruleId: check.id, recordFacts: layoutOf(check.kind), operator: (name: string) => engineOperator(engine, name) };
  const [appliesJson, passesJson] = check.conditions.all;
  const applies: CompiledCondition = compileCondition(appliesJson, ctx, 'conditions.all[0]');
  const passes: CompiledCondition = compileCondition(passesJson, ctx, 'conditions.all[1]');
  return { applies, passes };
}

/** A check's conditions deciding a status without building a finding. */
function compileStatus(engine: Engine, check: CheckEntry): (facts: FactSlots) => Status {
  const { applies, passes } = compileChecks(engine, check);
  return (facts) => {
    const a = applies.evaluate(facts);
    if (a === false) return 'not-applicable';
    if (a === undefined) return 'unknown';
    const p = passes.evaluate(facts);
    return p === undefined ? 'unknown' : p ? 'pass' : 'fail';
  };
}

interface EvaluableRule {
  evaluate(almanac: Almanac): Promise<unknown>;
}

async function main(): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const started = new Date();
  say(`shequ-rules bench · node ${process.version} · ${cpus().length} cores (${cpus()[0]?.model ?? '?'}) · load ${(await loadAverage()).join(' ')}`);
  say(`records: library ${fmt(LIB_RECORDS)}, disagreements ${fmt(DIFF_RECORDS)}, CLI ${fmt(CLI_RECORDS)}; rates per CPU-second, best of ${ROUNDS} interleaved rounds after ${WARMUP} untimed`);
  say();

  // One batch for the library, the floors and the floor checks (1% broken lines, as in the CLI).
  const lines = [...generateLines({ records: LIB_RECORDS, seed: 42, invalidRate: 0.01 })];
  const inputs: unknown[] = [];
  for (const line of lines) {
    try {
      inputs.push(JSON.parse(line));
    } catch {
      // a line broken on purpose: not a record for the library
    }
  }
  const compiled = createEvaluator({ asOf: AS_OF });
  const reference = createEvaluator({ asOf: AS_OF, engine: 'json-rules-engine' });
  const valid = inputs.map((input) => validateRecord(input)).filter((r) => r.ok).map((r) => r.record as ShequRecord);

  // -- Library: whole path ----------------------------------------------------------------
  const library = [
    variant('compiled (evaluateSync)', inputs.length, () => {
      for (const input of inputs) compiled.evaluateSync(input);
    }),
    variant('json-rules-engine (evaluate)', inputs.length, async () => {
      for (const input of inputs) await reference.evaluate(input);
    }),
    variant('validation alone (zod)', inputs.length, () => {
      for (const input of inputs) validateRecordWithZod(input);
    }),
    // validateRecord: the parser compiled from the same schemas, zod for what it refuses.
    variant('validation alone (fast path)', inputs.length, () => {
      for (const input of inputs) validateRecord(input);
    }),
  ];
  if (runs('library')) await timeRounds(library);
  const [libCompiled, libJre, libValidation, libValidationFast] = library as [Variant, Variant, Variant, Variant];

  // -- Three checks: hand-written floor, compiled closures, json-rules-engine --------------------
  const engine = createRulesEngine();
  const deciders = floorDeciders();
  const compiledThree = FLOOR_CHECKS.map((id) => compileStatus(engine, checkById(id).check));
  const jreThree = FLOOR_CHECKS.map((id) => {
    const { city, check } = checkById(id);
    const e = createRulesEngine({ city, kind: check.kind });
    return (e as unknown as { rules: Array<EvaluableRule & { name: string }> }).rules.find((r) => r.name === id)!;
  });
  const threeRecords = valid.filter((r) => r.kind === 'community' || r.kind === 'grid');
  let floorDisagreements = 0;
  for (const record of runs('three') ? threeRecords : []) {
    deciders.forEach((d, i) => {
      if (d.kind === record.kind && d.decide(record.facts) !== compiledThree[i]!(layoutOf(record.kind).read(record.facts))) floorDisagreements += 1;
    });
  }
  const { Almanac } = await import('json-rules-engine');
  const { resolvePath } = await import('../src/engine/factPath.js');
  const { DERIVED_FACT_INSTANCES } = await import('../src/engine/rulesEngine.js');
  const three = [
    // The same loop on both sides (it was for…of against forEach with a closure per record).
    variant('hand-written TypeScript', threeRecords.length, () => {
      for (const record of threeRecords) for (let i = 0; i < deciders.length; i += 1) if (deciders[i]!.kind === record.kind) deciders[i]!.decide(record.facts);
    }),
    variant('compiled closures', threeRecords.length, () => {
      // The record's facts are read into slots once, as the evaluator does (counted here).
      for (const record of threeRecords) {
        const slots = layoutOf(record.kind).read(record.facts);
        for (let i = 0; i < deciders.length; i += 1) if (deciders[i]!.kind === record.kind) compiledThree[i]!(slots);
      }
    }),
    variant('json-rules-engine', threeRecords.length, async () => {
      for (const record of threeRecords) {
        const almanac = new Almanac({ allowUndefinedFacts: true, pathResolver: resolvePath });
        for (const fact of DERIVED_FACT_INSTANCES) almanac.addFact(fact);
        for (const [name, value] of Object.entries(record.facts)) if (value !== undefined) almanac.addFact(name, value);
        for (let i = 0; i < deciders.length; i += 1) if (deciders[i]!.kind === record.kind) await jreThree[i]!.evaluate(almanac);
      }
    }),
  ];
  if (runs('three')) await timeRounds(three);
  const [threeFloor, threeCompiled, threeJre] = three as [Variant, Variant, Variant];

  // -- Condition core: every check of the record's kind, statuses only -----------------------
  // The compiled side decides a city and kind's checks as the evaluator does (compileDecisions: one
  // call per record writing each check's decision), json-rules-engine runs that city and kind's rules.
  const checksByCityKind = new Map<string, CheckConditions[]>();
  const engines = new Map<string, Engine>();
  for (const city of CITY_KEYS) {
    for (const article of ruleFiles[city].articles) {
      for (const raw of article.checks) {
        const key = `${city}/${raw.kind}`;
        const list = checksByCityKind.get(key) ?? [];
        list.push(compileChecks(engine, resolveParameters(raw)));
        checksByCityKind.set(key, list);
        if (!engines.has(key)) engines.set(key, createRulesEngine({ city, kind: raw.kind }));
      }
    }
  }
  const decideByCityKind = new Map<string, { decide: DecideChecks; decisions: Uint8Array }>();
  for (const [key, checks] of checksByCityKind) decideByCityKind.set(key, { decide: compileDecisions(checks), decisions: new Uint8Array(checks.length) });
  // Which checks a record's city and kind has is looked up before timing, for both sides: the
  // timed loops do condition evaluation only (a `${city}/${kind}` key per record cost the compiled
  // side more than its conditions).
  // Each side gets the record as validation hands it to that side, untimed: json-rules-engine the
  // facts object (validateRecord), the compiled closures the facts in slots (parseRecordToSlots,
  // which the evaluator runs instead of building a facts object). The same records on both sides.
  const coreRecords = inputs
    .map((input) => ({ input, validation: validateRecord(input), slotted: parseRecordToSlots(input) }))
    .filter(({ validation, slotted }) => validation.ok && slotted !== undefined && engines.has(`${validation.record.city}/${validation.record.kind}`))
    .map(({ input, validation, slotted }) => {
      const r = (validation as Extract<typeof validation, { ok: true }>).record;
      return {
        input,
        facts: r.facts as Record<string, unknown>,
        slots: slotted!.facts,
        ...decideByCityKind.get(`${r.city}/${r.kind}`)!,
        engine: engines.get(`${r.city}/${r.kind}`)!,
      };
    });
  // What the timed loops read, one array per field in record order (both sides): an object per
  // record, destructured in the loop, cost the compiled side a cache miss per record of its own
  // before any fact was read (30% of its time with 37,571 records).
  const coreCount = coreRecords.length;
  const coreInputs = coreRecords.map((r) => r.input);
  const coreFacts = coreRecords.map((r) => r.facts);
  const coreSlots = coreRecords.map((r) => r.slots);
  const coreDecide = coreRecords.map((r) => r.decide);
  const coreDecisions = coreRecords.map((r) => r.decisions);
  const coreEngines = coreRecords.map((r) => r.engine);
  // Each check's status is read from the decisions (counting the decided ones, so it is used).
  let decided = 0;
  const UNDECIDED_FROM = DECISION.unknownApplies;
  // Records start … end, whose slots are `slots` from index 0.
  const decide = (slots: readonly FactSlots[], start: number, end: number): void => {
    for (let r = start; r < end; r += 1) {
      const decisions = coreDecisions[r]!;
      coreDecide[r]!(slots[r - start]!, decisions);
      for (let i = 0; i < decisions.length; i += 1) if (decisions[i]! < UNDECIDED_FROM) decided += 1;
    }
  };
  // As the evaluator runs it, the core reads a record validation has just made: each side's
  // records are validated a chunk at a time (untimed), then that chunk is timed. All 50,000 made
  // beforehand, the compiled side reads them back from memory after json-rules-engine's round has
  // pushed them out of the caches: 4.1–4.2M records/s against 7–9M in one process on the same
  // records, while json-rules-engine's speed did not change (its own work hides the misses).
  // Both figures are printed.
  const chunkSlots: FactSlots[] = [];
  const chunkFacts: Array<Record<string, unknown>> = [];
  const core = [
    chunkedVariant(
      'compiled, each chunk just validated',
      coreCount,
      CORE_CHUNK,
      (start, end) => {
        for (let r = start; r < end; r += 1) chunkSlots[r - start] = parseRecordToSlots(coreInputs[r])!.facts;
      },
      (start, end) => decide(chunkSlots, start, end),
    ),
    chunkedVariant(
      'json-rules-engine, each chunk just validated',
      coreCount,
      CORE_CHUNK,
      (start, end) => {
        for (let r = start; r < end; r += 1) chunkFacts[r - start] = (validateRecord(coreInputs[r]) as Extract<ReturnType<typeof validateRecord>, { ok: true }>).record.facts as Record<string, unknown>;
      },
      async (start, end) => {
        for (let r = start; r < end; r += 1) await coreEngines[r]!.run(chunkFacts[r - start]!);
      },
    ),
    variant('compiled, all validated beforehand', coreCount, () => decide(coreSlots, 0, coreCount)),
    variant('json-rules-engine, all validated beforehand', coreCount, async () => {
      for (let r = 0; r < coreCount; r += 1) await coreEngines[r]!.run(coreFacts[r]!);
    }),
  ];
  if (runs('core')) await timeRounds(core);
  const [coreCompiled, coreJre, coreCompiledBefore, coreJreBefore] = core as [Variant, Variant, Variant, Variant];

  // -- Floors ------------------------------------------------------------------------------
  const parsedLines = lines.filter((line) => {
    if (!runs('floors')) return false;
    try {
      JSON.parse(line);
      return true;
    } catch {
      return false;
    }
  });
  const resultTexts = parsedLines.map((line) => compiled.evaluateSync(JSON.parse(line)));
  const floors = [
    variant('JSON.parse of a line', parsedLines.length, () => {
      for (const line of parsedLines) JSON.parse(line);
    }),
    variant('parse + stringify of its result', parsedLines.length, () => {
      for (let i = 0; i < parsedLines.length; i += 1) {
        JSON.parse(parsedLines[i]!);
        JSON.stringify(resultTexts[i]);
      }
    }),
  ];
  if (runs('floors')) await timeRounds(floors);
  const [floorParse, floorParseStringify] = floors as [Variant, Variant];
  const resultBytes = Math.round(resultTexts.reduce((sum, r) => sum + JSON.stringify(r).length, 0) / Math.max(resultTexts.length, 1));

  if (runs('library')) {
    say('Library (validation and findings included)');
    say(`  compiled path                 ${fmt(libCompiled.best).padStart(9)} records/s   ${ratio(libCompiled.best, libJre.best)}× json-rules-engine`);
    say(`  json-rules-engine path        ${fmt(libJre.best).padStart(9)} records/s`);
    say(`  validation alone (zod)        ${fmt(libValidation.best).padStart(9)} records/s`);
    say(`  validation alone (fast path)  ${fmt(libValidationFast.best).padStart(9)} records/s   ${ratio(libValidationFast.best, libValidation.best)}× zod`);
  }
  if (runs('three')) {
    say(`Three checks (${FLOOR_CHECKS.join(', ')}; ${fmt(threeRecords.length)} community/grid records)`);
    say(`  hand-written TypeScript floor ${fmt(threeFloor.best).padStart(9)} records/s`);
    say(`  compiled closures             ${fmt(threeCompiled.best).padStart(9)} records/s   ${ratio(threeFloor.best, threeCompiled.best)}× slower than the floor, ${ratio(threeCompiled.best, threeJre.best)}× json-rules-engine`);
    say(`  json-rules-engine             ${fmt(threeJre.best).padStart(9)} records/s   ${ratio(threeFloor.best, threeJre.best)}× slower than the floor`);
    say(`  floor vs compiled statuses: ${floorDisagreements} disagreements`);
  }
  if (runs('core')) {
    say('Condition core alone (every check of the record’s kind, statuses, no findings; each side on the record as validation gives it)');
    say(`  each chunk of ${fmt(CORE_CHUNK)} records just validated (untimed), as the evaluator reads a record:`);
    say(`    compiled (slots)              ${fmt(coreCompiled.best).padStart(9)} records/s   ${ratio(coreCompiled.best, coreJre.best)}× json-rules-engine per record`);
    say(`    json-rules-engine Engine#run  ${fmt(coreJre.best).padStart(9)} records/s   (facts object)`);
    say(`  all ${fmt(coreCount)} records validated beforehand (read back from memory):`);
    say(`    compiled (slots)              ${fmt(coreCompiledBefore.best).padStart(9)} records/s   ${ratio(coreCompiledBefore.best, coreJreBefore.best)}× json-rules-engine per record`);
    say(`    json-rules-engine Engine#run  ${fmt(coreJreBefore.best).padStart(9)} records/s   (facts object)`);
  }
  if (runs('floors')) {
    say(`Floors (results average ${fmt(resultBytes)} bytes)`);
    say(`  JSON.parse of a line          ${fmt(floorParse.best).padStart(9)} records/s`);
    say(`  parse + stringify             ${fmt(floorParseStringify.best).padStart(9)} records/s`);
  }
  say();

  // -- Disagreements on a larger batch -------------------------------------------------------
  let disagreements = 0;
  let compared = 0;
  for (const line of !runs('diff') ? [] : generateLines({ records: DIFF_RECORDS, seed: 4242, invalidRate: 0.01 })) {
    let input: unknown;
    try {
      input = JSON.parse(line);
    } catch {
      continue;
    }
    compared += 1;
    if (JSON.stringify(compiled.evaluateSync(input)) !== JSON.stringify(await reference.evaluate(input))) disagreements += 1;
  }
  if (runs('diff')) {
    say(`Disagreements compiled vs json-rules-engine: ${disagreements} of ${fmt(compared)} records`);
    say();
  }

  // -- Import time -------------------------------------------------------------------------------
  // `import('shequ-rules')` (the built package, ESM) in a fresh node against a bare node: median of
  // 7 runs each, interleaved, wall time of the whole process.
  const nodeRun = (code: string): number => {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: root, encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`node -e ${code} failed: ${run.stderr}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const bareRuns: number[] = [];
  const importRuns: number[] = [];
  for (let i = 0; i < (runs('import') ? 7 : 0); i += 1) {
    bareRuns.push(nodeRun(''));
    importRuns.push(nodeRun("await import('shequ-rules');"));
  }
  const importTime = runs('import') ? { bareNodeMs: Math.round(median(bareRuns)), importMs: Math.round(median(importRuns)) } : undefined;
  if (importTime) {
    say(`Import time: node -e "await import('shequ-rules')" ${importTime.importMs} ms, bare node ${importTime.bareNodeMs} ms (median of 7)`);
    say();
  }

  // -- CLI end to end ------------------------------------------------------------------------
  const cliRuns: CliEntry[] = [];
  let jobs2Ceiling: number | null = null;
  let parallel: Parallelism | undefined;
  let halvesAtOnce: (CliRate & { rounds?: CliRate[] }) | undefined;
  if (CLI_RECORDS > 0 && runs('cli')) {
    const cli = join(root, 'dist', 'cli.js');
    if (!existsSync(cli)) throw new Error('dist/cli.js not found: npm run bench builds first');
    const input = join(outDir, `bench-records-${CLI_RECORDS}.ndjson`);
    await generateToFile(input, { records: CLI_RECORDS, seed: 42, invalidRate: 0.01 });
    const inputMB = (await stat(input)).size / 1e6;
    // What two busy threads get out of this machine, before the CLI's --jobs 2 is judged by it.
    parallel = await machineParallelism(lines.find((line) => line.startsWith('{')) ?? '{}');
    say(`Machine: two CPU-bound processes at once (JSON.parse + stringify of a record line) each took ${parallel.slowdown}× the time of one alone`);
    say(`  (median of ${PARALLELISM_ROUNDS} rounds: ${parallel.aloneMs} ms alone, ${parallel.pairMs} ms together): ${parallel.scaling}× the work of one in the same wall time`);
    say();
    say(`CLI end to end (${fmt(CLI_RECORDS)} records, ${inputMB.toFixed(0)} MB NDJSON, wall time; the bench itself holds ${(process.memoryUsage.rss() / 1e6).toFixed(0)} MB RSS, not counted)`);
    // `round`: '(round 1 of 2)' when there are several, else ''.
    const measure = async (format: string, jobs: number, round: string): Promise<CliMeasure> => {
      const report = join(outDir, `bench-report.${format}`);
      const run = await measureCli(cli, ['check', input, '--format', format, '--jobs', String(jobs), '--as-of', AS_OF, '--out', report]);
      if (![0, 1, 2].includes(run.exitCode)) throw new Error(`the CLI failed (exit ${run.exitCode}): ${run.stderr}`);
      await rm(report, { force: true });
      const measured = {
        recordsPerSecond: Math.round(CLI_RECORDS / (run.wallMs / 1000)),
        wallSeconds: Math.round(run.wallMs / 10) / 100,
        cpuSeconds: run.cpuSeconds === null ? null : Math.round(run.cpuSeconds * 100) / 100,
        peakRssMB: Math.round(run.peakRssMB * 10) / 10,
        exitCode: run.exitCode,
      };
      say(`  --format ${format.padEnd(6)} --jobs ${jobs}${round && `   ${round}`}   ${fmt(measured.recordsPerSecond).padStart(9)} records/s   ${String(measured.wallSeconds).padStart(7)} s   CPU ${String(measured.cpuSeconds ?? '?').padStart(7)} s   peak RSS ${measured.peakRssMB} MB`);
      return measured;
    };
    // NDJSON, the targets' format: --jobs 1, --jobs 2 and the two halves alternated CLI_ROUNDS
    // times, so that a slow stretch of a shared host does not decide one of them alone.
    const halves = [join(outDir, 'bench-half-1.ndjson'), join(outDir, 'bench-half-2.ndjson')] as const;
    await splitInHalves(input, halves);
    const ndjson = new Map<number, CliMeasure[]>([[1, []], [2, []]]);
    const pairs: CliRate[] = [];
    for (let round = 1; round <= CLI_ROUNDS; round += 1) {
      const label = CLI_ROUNDS > 1 ? `(round ${round} of ${CLI_ROUNDS})` : '';
      for (const jobs of [1, 2]) ndjson.get(jobs)!.push(await measure('ndjson', jobs, label));
      // Two `--jobs 1` processes at once, each on half the records: what two cores give this
      // workload with nothing shared and nothing to coordinate, the bound for --jobs 2.
      const pair = await Promise.all(
        halves.map((half, i) => measureCli(cli, ['check', half, '--format', 'ndjson', '--jobs', '1', '--as-of', AS_OF, '--out', join(outDir, `bench-half-report-${i + 1}.ndjson`)])),
      );
      if (pair.some((run) => ![0, 1, 2].includes(run.exitCode))) throw new Error(`the CLI failed on half the records: ${pair.map((run) => run.stderr).join('')}`);
      const pairSeconds = Math.max(...pair.map((run) => run.wallMs)) / 1000;
      pairs.push({ wallSeconds: Math.round(pairSeconds * 100) / 100, recordsPerSecond: Math.round(CLI_RECORDS / pairSeconds) });
      say(`  two --format ndjson --jobs 1 at once, each on half the records${label && ` ${label}`}: ${fmt(pairs.at(-1)!.recordsPerSecond).padStart(9)} records/s   ${String(pairs.at(-1)!.wallSeconds).padStart(7)} s`);
    }
    for (const [i, half] of halves.entries()) {
      await rm(half, { force: true });
      await rm(join(outDir, `bench-half-report-${i + 1}.ndjson`), { force: true });
    }
    for (const [jobs, measured] of ndjson) cliRuns.push(fastestOf('ndjson', jobs, measured));
    halvesAtOnce = { ...fastest(pairs), ...(pairs.length > 1 ? { rounds: pairs } : {}) };
    for (const jobs of [1, 2]) cliRuns.push(fastestOf('csv', jobs, [await measure('csv', jobs, '')]));
    await rm(input, { force: true });
    const nd1 = cliRuns.find((r) => r.format === 'ndjson' && r.jobs === 1)!;
    const nd2 = cliRuns.find((r) => r.format === 'ndjson' && r.jobs === 2)!;
    if (CLI_ROUNDS > 1) {
      say(`  ndjson, the fastest of ${CLI_ROUNDS} rounds (peak RSS: the highest): --jobs 1 ${fmt(nd1.recordsPerSecond)} records/s, ${nd1.peakRssMB} MB; --jobs 2 ${fmt(nd2.recordsPerSecond)} records/s, ${nd2.peakRssMB} MB;`);
      say(`  two halves at once ${fmt(halvesAtOnce.recordsPerSecond)} records/s`);
    }
    const floorLine = runs('floors') ? `${ratio(floorParseStringify.best, nd1.recordsPerSecond)}×` : 'not measured (floors not run)';
    say(`  ndjson --jobs 2 / --jobs 1: ${ratio(nd2.recordsPerSecond, nd1.recordsPerSecond)}×; parse+stringify floor / CLI --jobs 1: ${floorLine}`);
    say(`  two --jobs 1 at once / --jobs 1: ${ratio(halvesAtOnce.recordsPerSecond, nd1.recordsPerSecond)}× (two cores on this workload, nothing shared: about the most --jobs 2 can gain here)`);
    const cores = Math.min(2, cpus().length);
    jobs2Ceiling = parallelCeiling(nd1, cores);
    if (jobs2Ceiling !== null) {
      say(`  --jobs 2 ceiling on this machine: ${jobs2Ceiling}× (${cores} cores × ${nd1.wallSeconds} s wall / ${nd1.cpuSeconds} s CPU of --jobs 1:`);
      say('  the gain if --jobs 2 used no more CPU than --jobs 1 and kept the cores busy throughout)');
    }
    say();
  }

  // -- Input robustness (another script, when present) --------------------------------------------
  let input: { exitCode: number | null; output: string } | undefined;
  const inputBench = join(root, 'scripts', 'bench-input.ts');
  if (existsSync(inputBench) && runs('input')) {
    say('Input (scripts/bench-input.ts)');
    const run = spawnSync(process.execPath, ['--import', 'tsx', inputBench], { cwd: root, encoding: 'utf8', env: process.env, maxBuffer: 1 << 26 });
    const output = `${run.stdout ?? ''}${run.status === 0 ? '' : run.stderr ?? ''}`.trimEnd();
    for (const line of output.split('\n')) say(`  ${line}`);
    input = { exitCode: run.status, output };
    say();
  }

  const report = {
    date: started.toISOString(),
    node: process.version,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? null,
    loadAverage: await loadAverage(),
    timing: `library: records per CPU-second, best of ${ROUNDS} interleaved rounds after ${WARMUP} untimed; CLI: wall time`,
    records: { library: inputs.length, disagreements: compared, cli: CLI_RECORDS },
    library: {
      compiled: Math.round(libCompiled.best),
      jsonRulesEngine: Math.round(libJre.best),
      compiledOverJre: ratio(libCompiled.best, libJre.best),
      validation: Math.round(libValidation.best),
      validationFast: Math.round(libValidationFast.best),
      validationFastOverZod: ratio(libValidationFast.best, libValidation.best),
    },
    threeChecks: {
      checks: FLOOR_CHECKS,
      records: threeRecords.length,
      handWritten: Math.round(threeFloor.best),
      compiled: Math.round(threeCompiled.best),
      jsonRulesEngine: Math.round(threeJre.best),
      floorOverCompiled: ratio(threeFloor.best, threeCompiled.best),
      compiledOverJre: ratio(threeCompiled.best, threeJre.best),
      floorDisagreements,
    },
    conditionCore: {
      compiled: Math.round(coreCompiled.best),
      jsonRulesEngine: Math.round(coreJre.best),
      compiledOverJre: ratio(coreCompiled.best, coreJre.best),
      chunk: CORE_CHUNK,
      validatedBeforehand: {
        compiled: Math.round(coreCompiledBefore.best),
        jsonRulesEngine: Math.round(coreJreBefore.best),
        compiledOverJre: ratio(coreCompiledBefore.best, coreJreBefore.best),
      },
    },
    floors: {
      jsonParse: Math.round(floorParse.best),
      parseStringify: Math.round(floorParseStringify.best),
      resultBytes,
    },
    disagreements,
    importTime,
    cli: cliRuns,
    cliJobs2Ceiling: jobs2Ceiling,
    ...(halvesAtOnce ? { cliHalvesAtOnce: halvesAtOnce } : {}),
    ...(parallel ? { machineParallelism: parallel } : {}),
    ...(input ? { input } : {}),
  };
  if (ONLY === undefined) {
    await writeFile(join(outDir, 'bench.json'), `${JSON.stringify(report, null, 2)}\n`);
    say('written bench/out/bench.json (npm run docs puts it in the README)');
  } else {
    say(`--only ${[...ONLY].join(',')}: bench/out/bench.json not written`);
  }
  if (disagreements > 0) process.exitCode = 1;
}

/**
 * Copies `input` into two files, split after the line end nearest its middle, streamed: the bench
 * keeps none of it in memory (its children's peak RSS is measured on its own, but a bench holding
 * the 320 MB input would still crowd the machine the CLI runs on).
 */
async function splitInHalves(input: string, halves: readonly [string, string]): Promise<void> {
  const size = (await stat(input)).size;
  let middle = size;
  const handle = await open(input, 'r');
  try {
    const window = Buffer.alloc(64 * 1024);
    for (let at = size >> 1; at < size; at += window.length) {
      const { bytesRead } = await handle.read(window, 0, window.length, at);
      const lineEnd = window.subarray(0, bytesRead).indexOf(0x0a);
      if (lineEnd !== -1) {
        middle = at + lineEnd + 1;
        break;
      }
      if (bytesRead === 0) break;
    }
  } finally {
    await handle.close();
  }
  await pipeline(createReadStream(input, { start: 0, end: middle - 1 }), createWriteStream(halves[0]));
  await pipeline(createReadStream(input, { start: middle }), createWriteStream(halves[1]));
}

/** One CLI run's rate (records/s from its wall time). */
interface CliRate {
  recordsPerSecond: number;
  wallSeconds: number;
}

interface CliMeasure extends CliRate {
  cpuSeconds: number | null;
  peakRssMB: number;
  exitCode: number;
}

/** A format and job count as reported: its fastest run, the highest peak RSS of its runs, and every run when there were several. */
interface CliEntry extends CliMeasure {
  format: string;
  jobs: number;
  rounds?: CliMeasure[];
}

/**
 * Speed from the fastest of the runs (a shared host only ever slows a run down), peak RSS from
 * the highest (memory is judged on the worst run).
 */
function fastestOf(format: string, jobs: number, runs: readonly CliMeasure[]): CliEntry {
  const peakRssMB = Math.max(...runs.map((run) => run.peakRssMB));
  return { format, jobs, ...fastest(runs), peakRssMB, ...(runs.length > 1 ? { rounds: [...runs] } : {}) };
}

/** The run of the shortest wall time. */
const fastest = <T extends CliRate>(runs: readonly T[]): T => runs.reduce((a, b) => (b.wallSeconds < a.wallSeconds ? b : a));

/**
 * The most `--jobs N` could gain over `--jobs 1` on `cores` cores: `--jobs 1` already keeps more
 * than one core busy (V8's collector and compiler threads, the writes), so its CPU seconds, spread
 * over every core with none idle and no work added by the threads, take cores × wall / CPU of its
 * wall time. Null when the CPU time was not measured.
 */
function parallelCeiling(jobs1: { wallSeconds: number; cpuSeconds: number | null }, cores: number): number | null {
  if (jobs1.cpuSeconds === null || jobs1.cpuSeconds <= 0) return null;
  return ratio(cores * jobs1.wallSeconds, jobs1.cpuSeconds);
}

const PARALLELISM_ROUNDS = 5;

interface Parallelism {
  /** One process's loop alone, and the slower of two run at once straight after (ms, the median round). */
  aloneMs: number;
  pairMs: number;
  /** pairMs / aloneMs: how much slower each of two busy processes runs than one. */
  slowdown: number;
  /** 2 × aloneMs / pairMs: the work two processes do in one's wall time (2 on two idle cores). */
  scaling: number;
}

/**
 * How much two CPU-bound processes get done at once against one alone: on two cores of their own
 * 2×, less where the cores share a physical core or the host is busy. The loop is JSON.parse and
 * JSON.stringify of `line` (no shequ-rules code), sized to take about 1.5 s alone.
 */
async function machineParallelism(line: string): Promise<Parallelism> {
  const loop = (count: number): number => {
    const start = process.hrtime.bigint();
    let bytes = 0;
    for (let i = 0; i < count; i += 1) bytes += JSON.stringify(JSON.parse(line)).length;
    if (bytes < 0) throw new Error('unreachable');
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  loop(20_000);
  loop(20_000);
  const count = Math.max(1_000, Math.round((20_000 / loop(20_000)) * 1_500));
  const child = `const line = ${JSON.stringify(JSON.stringify(line))}; const start = process.hrtime.bigint(); let bytes = 0;
for (let i = 0; i < ${count}; i += 1) bytes += JSON.stringify(JSON.parse(line)).length;
process.stdout.write(String(Number(process.hrtime.bigint() - start) / 1e6 + (bytes < 0 ? 1 : 0)));`;
  const one = (): Promise<number> =>
    new Promise((resolvePromise, reject) => {
      const run = spawn(process.execPath, ['-e', child], { stdio: ['ignore', 'pipe', 'inherit'] });
      let out = '';
      run.stdout.on('data', (data: Buffer) => (out += data.toString()));
      run.on('error', reject);
      run.on('close', (code) => (code === 0 ? resolvePromise(Number(out)) : reject(new Error(`the parallelism probe exited with ${code}`))));
    });
  // Each round: one alone, then two together straight after (the host's speed drifts between
  // rounds); the round with the median slowdown is reported.
  const rounds: Array<{ aloneMs: number; pairMs: number }> = [];
  for (let round = 0; round < PARALLELISM_ROUNDS; round += 1) {
    const aloneMs = await one();
    const pairMs = Math.max(...(await Promise.all([one(), one()])));
    rounds.push({ aloneMs, pairMs });
  }
  rounds.sort((a, b) => a.pairMs / a.aloneMs - b.pairMs / b.aloneMs);
  const { aloneMs, pairMs } = rounds[Math.floor(rounds.length / 2)]!;
  return { aloneMs: Math.round(aloneMs), pairMs: Math.round(pairMs), slowdown: ratio(pairMs, aloneMs), scaling: ratio(2 * aloneMs, pairMs) };
}

async function loadAverage(): Promise<number[]> {
  const { loadavg } = await import('node:os');
  return loadavg().map((l) => Math.round(l * 10) / 10);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
