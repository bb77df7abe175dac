/**
 * `evaluate(record)` / `evaluateSync(record)`: validate a record, run its city's checks for its
 * kind, and return one cited finding per check. By default the checks run compiled
 * (evaluateCompiled.ts); `engine: 'json-rules-engine'` runs them through json-rules-engine, the
 * reference the compiled path is tested against.
 */
import { isBefore } from 'date-fns/isBefore';
import { parseISO } from 'date-fns/parseISO';
import { Almanac, type RuleResult } from 'json-rules-engine';
import * as z from 'zod';
import { bundledRuleFiles } from './engine/bundledRules.js';
import { checkIds, compileRuleFile, createEngine, type CompiledCheck, type CompiledKind } from './engine/compile.js';
import { loadRulePack, RulePackError, type RulePack } from './engine/loadRulePack.js';
import { refToPath, resolvePath } from './engine/factPath.js';
import { explain, judge, type EvaluatedCondition, type Judgement } from './engine/kleene.js';
import { failedParts, traceCondition } from './engine/trace.js';
import { wordFailedParts } from './locales/failedParts.js';
import { DERIVED_FACT_INSTANCES } from './engine/rulesEngine.js';
import { compileEvaluator } from './evaluateCompiled.js';
import { en } from './locales/en.js';
import { wordDetail } from './locales/detail.js';
import { labelFact } from './locales/label.js';
import { formatQuantity, render, type StatusMessages } from './locales/types.js';
import { zhCN } from './locales/zh-CN.js';
import { isoDate } from './schema/common.js';
import { validateRecord } from './schema/validateRecord.js';
import type { ShequRecord, ShequRecordInput } from './schema/record.js';
import type { CheckIdOf, CheckParameterNames } from './generated/checkIds.js';
import {
  CITY_KEYS,
  type CheckId,
  type CityKey,
  type EvaluationResult,
  type ExplainedEvaluationResult,
  type ExplainedFinding,
  type Finding,
  type FindingTrace,
  type LocalizedText,
  type RecordKind,
  type RuleFile,
} from './types.js';

const evaluateOptionsSchema = z.strictObject({
  /** Default `asOf` for records without one (YYYY-MM-DD); else today's date in `timeZone`. */
  asOf: isoDate.optional(),
  /**
   * Whose calendar "today" is for records without `asOf` when no `asOf` option is given: an IANA
   * time zone, default Asia/Shanghai (the laws are Chinese; a machine in UTC would otherwise be a
   * day behind Beijing until 08:00).
   */
  timeZone: z
    .string()
    .refine((zone) => isTimeZone(zone), 'expected an IANA time zone such as Asia/Shanghai')
    .optional(),
  /** Interpretation overrides: check id → parameter → value, e.g. `{ "shenyang.12.1.grid-size": { tolerance: 0.1 } }`. */
  parameters: z.record(z.string(), z.record(z.string(), z.number().finite())).optional(),
  /** Accept (and drop) unknown keys instead of rejecting the record. */
  allowUnknownKeys: z.boolean().optional(),
  /**
   * How the checks run: `compiled` (default; synchronous closures compiled once) or
   * `json-rules-engine` (the reference path, asynchronous; `evaluateSync` is not available).
   */
  engine: z.enum(['compiled', 'json-rules-engine']).optional(),
  /** Give every evaluated finding its `trace`: the check's condition tree with each node's truth. */
  explain: z.boolean().optional(),
  /** The date of the situation for every record, over the record's own `asOf` (a what-if "as of"). */
  asOfOverride: isoDate.optional(),
  /** Rule packs: rule files replacing the bundled file of their city, or adding a city (checked at load). */
  rules: z.array(z.unknown()).optional(),
});

/**
 * Interpretation overrides, typed per check id: only checks that declare parameters, and only the
 * parameters they declare, so a misspelt id or name does not compile (and is rejected at run time).
 */
export type ParameterOverrides = {
  readonly [Id in keyof CheckParameterNames]?: { readonly [Name in CheckParameterNames[Id]]?: number };
};

export interface EvaluateOptions {
  /** Default `asOf` for records without one (YYYY-MM-DD); else today in `timeZone`. */
  asOf?: string;
  /** IANA time zone whose calendar date is "today" for records without `asOf` (default Asia/Shanghai). */
  timeZone?: string;
  /** Interpretation overrides: check id → parameter → value, e.g. `{ 'shenyang.12.1.grid-size': { tolerance: 0.1 } }`. */
  parameters?: ParameterOverrides;
  /** Accept (and drop) unknown keys instead of rejecting the record. */
  allowUnknownKeys?: boolean;
  /**
   * How the checks run: `compiled` (default; synchronous closures compiled once) or
   * `json-rules-engine` (the reference path, asynchronous; `evaluateSync` is not available).
   */
  engine?: 'compiled' | 'json-rules-engine';
  /**
   * Give every evaluated finding its `trace`: both conditions of the check as evaluated, each
   * node with its truth, each comparison with its fact, operator, compared and actual value.
   * Costs a second evaluation of each check; off by default.
   */
  explain?: boolean;
  /**
   * The date of the situation (YYYY-MM-DD) for every record, over the record's own `asOf`:
   * "what would these records get on 2013-11-30?".
   */
  asOfOverride?: string;
}

/**
 * Options with rule packs (`createEvaluator({ rules })`). Their check ids are known only at run
 * time, so `parameters` is checked then (unknown ids and names still throw at once).
 */
export interface RulePackEvaluateOptions extends Omit<EvaluateOptions, 'parameters'> {
  /**
   * Rule files in the schema of `rules/<city>.json` (or `{ name, file }` to have errors name
   * them): one for a bundled city replaces its file; one for a new city key adds the city.
   * Each is checked whole at load; a mistake throws a `RulePackError` naming file and JSON path.
   */
  rules: readonly RulePack[];
  parameters?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** Options that ask for traces: the findings are typed `ExplainedFinding`. */
export type ExplainOptions = EvaluateOptions & { explain: true };

/**
 * Input whose type does not claim a record kind (`unknown`, parsed JSON, `kind: string`): checked at
 * run time only. A value whose `kind` is a literal must match `ShequRecordInput` at compile time, so
 * a typed record literal with a misspelt fact or kind does not compile.
 */
export type UncheckedRecord<T> = T extends { kind: infer K } ? (string extends K ? unknown : never) : unknown;

/** The result type for a typed record: its findings' `ruleId` is a check of its city and kind. */
export type EvaluationResultFor<R extends ShequRecordInput> = EvaluationResult<CheckIdOf<R['city'], R['kind']>>;

/** The same with `explain: true`: findings with their trace. */
export type ExplainedEvaluationResultFor<R extends ShequRecordInput> = ExplainedEvaluationResult<CheckIdOf<R['city'], R['kind']>>;

/** An evaluator; `Evaluator<true>` (from `createEvaluator({ explain: true })`) traces its findings. */
export interface Evaluator<Explain extends boolean = false> {
  /** Never throws for any input: an invalid record gives `{ valid: false, errors }`. */
  evaluate<const R extends ShequRecordInput>(
    record: R & ShequRecordInput,
  ): Promise<Explain extends true ? ExplainedEvaluationResultFor<R> : EvaluationResultFor<R>>;
  evaluate<const T>(record: T & UncheckedRecord<T>): Promise<Explain extends true ? ExplainedEvaluationResult : EvaluationResult>;
  /**
   * The same result, synchronously (the compiled engine). Throws only when the evaluator was
   * created with `engine: 'json-rules-engine'`, which cannot run synchronously.
   */
  evaluateSync<const R extends ShequRecordInput>(
    record: R & ShequRecordInput,
  ): Explain extends true ? ExplainedEvaluationResultFor<R> : EvaluationResultFor<R>;
  evaluateSync<const T>(record: T & UncheckedRecord<T>): Explain extends true ? ExplainedEvaluationResult : EvaluationResult;
  /** The city keys whose records this evaluator checks. */
  readonly cities: readonly CityKey[];
}

/**
 * An evaluator with rule packs: a pack's city and check ids are known only at run time, so
 * records are `unknown` and the results' `city` and `ruleId` are strings.
 */
export interface RulePackEvaluator<Explain extends boolean = false> {
  /** Never throws for any input: an invalid record gives `{ valid: false, errors }`. */
  evaluate(record: unknown): Promise<Explain extends true ? ExplainedEvaluationResult<string, string> : EvaluationResult<string, string>>;
  /** The same result, synchronously (throws only with `engine: 'json-rules-engine'`). */
  evaluateSync(record: unknown): Explain extends true ? ExplainedEvaluationResult<string, string> : EvaluationResult<string, string>;
  /** The five city keys (a revised city keeps its key) and the new ones of the packs. */
  readonly cities: readonly string[];
}

/**
 * json-rules-engine's `Rule#evaluate(almanac)` is public in its source but missing from its
 * typings. We call it per rule, on our own almanac, because `Engine#run` keeps a shared status
 * flag that makes concurrent runs on one engine skip rules.
 */
interface EvaluableRule {
  evaluate(almanac: Almanac): Promise<RuleResult>;
}

const localeOf = { zh: zhCN, en } as const satisfies Record<keyof LocalizedText, StatusMessages>;

function localized(build: (messages: StatusMessages, lang: keyof LocalizedText) => string): LocalizedText {
  return { zh: build(localeOf.zh, 'zh'), en: build(localeOf.en, 'en') };
}

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar date (YYYY-MM-DD) in `timeZone`, whatever the machine's own zone. */
function today(timeZone: string = DEFAULT_TIME_ZONE): string {
  let day = dayFormats.get(timeZone);
  if (day === undefined) {
    day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    dayFormats.set(timeZone, day);
  }
  return day.format(new Date());
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function topLevel(result: RuleResult): { applies: EvaluatedCondition; passes: EvaluatedCondition } {
  const all = (result.conditions as EvaluatedCondition).all ?? [];
  const applies = all.find((c) => c.name === 'appliesWhen') ?? all[0];
  const passes = all.find((c) => c.name === 'passesWhen') ?? all[1];
  if (!applies || !passes) throw new Error(`rule ${result.name}: conditions must be { all: [appliesWhen, passesWhen] }`);
  return { applies, passes };
}

/** The absent paths, each once; a path inside another listed one is left out (`facts.workerPay` covers its members). */
function uniquePaths(judgement: Judgement): string[] {
  const paths = [...new Set(judgement.missing.map(refToPath))];
  return paths.filter((path) => !paths.some((other) => path.startsWith(`${other}.`)));
}

interface FindingContext {
  record: ShequRecord;
  file: RuleFile;
  binding: boolean;
  /** Checks with `liabilityWhen` whose condition does not hold (false or unknown) for this record. */
  withoutLiability: ReadonlySet<CompiledCheck>;
}

function baseFinding(compiled: CompiledCheck, ctx: FindingContext) {
  return {
    recordId: ctx.record.id,
    // The bundled rules' ids are the generated CheckId union (a test keeps it in step).
    ruleId: compiled.check.id as CheckId,
    city: ctx.record.city,
    kind: ctx.record.kind,
    severity: compiled.check.severity,
    binding: ctx.binding,
    citation: ctx.withoutLiability.has(compiled) ? compiled.liability!.citationWithout : compiled.citation,
  };
}

/**
 * "Applies when" is unknown, so the finding is unknown whatever "passes when" says. What is missing
 * is what the caller must supply to get an answer in one more round: the absent facts of "applies
 * when", and those of "passes when" too when it is undecided (once the check turns out to apply,
 * they decide it).
 */
function unknownApplicability(applies: Judgement, passes: Judgement): Judgement {
  return {
    truth: undefined,
    missing: passes.truth === undefined ? [...applies.missing, ...passes.missing] : applies.missing,
    leaves: applies.leaves,
  };
}

function findingFrom(compiled: CompiledCheck, result: RuleResult, ctx: FindingContext): Finding {
  const facts = ctx.record.facts as Record<string, unknown>;
  const { applies, passes } = topLevel(result);
  const label = compiled.citation.label;
  const base = baseFinding(compiled, ctx);
  const applicability = judge(applies, facts);
  if (applicability.truth === false) {
    return {
      ...base,
      status: 'not-applicable',
      reason: 'condition-not-met',
      message: localized((m) => render(m.conditionNotMet, { label })),
    };
  }
  const outcome = applicability.truth === undefined ? unknownApplicability(applicability, judge(passes, facts)) : judge(passes, facts);
  if (outcome.truth === undefined) {
    const missing = uniquePaths(outcome);
    const kind = ctx.record.kind;
    return {
      ...base,
      status: 'unknown',
      missing,
      message: localized((m, lang) =>
        render(m.unknown, { label, missing: missing.map((path) => labelFact(path, lang, kind)).join(m.listSeparator) }),
      ),
    };
  }
  const evidence = explain(outcome, facts);
  const failed = outcome.truth === false && compiled.namesFailedParts ? failedParts(passes, facts) : [];
  const quantities = {
    ...(evidence.expected !== undefined ? { expected: evidence.expected } : {}),
    ...(evidence.actual !== undefined ? { actual: evidence.actual } : {}),
  };
  const valuesIn = (lang: keyof LocalizedText) => ({
    label,
    expected: formatQuantity(evidence.expected),
    actual: formatQuantity(evidence.actual),
    detail: evidence.items !== undefined ? wordDetail(evidence.items, lang, ctx.record.kind) : evidence.detail,
  });
  if (outcome.truth) {
    const template = compiled.check.message.pass;
    return {
      ...base,
      status: 'pass',
      ...quantities,
      message: localized((m, lang) =>
        template
          ? render(template[lang], valuesIn(lang))
          : render(evidence.expected !== undefined && evidence.actual !== undefined ? m.passQuantity : m.pass, valuesIn(lang)),
      ),
    };
  }
  const template = compiled.check.message.fail;
  return {
    ...base,
    status: 'fail',
    ...quantities,
    message: localized(
      (m, lang) =>
        render(m.failPrefix, valuesIn(lang)) +
        render(template[lang], valuesIn(lang)) +
        (failed.length > 0 ? render(m.failedParts, { parts: wordFailedParts(failed, lang, ctx.record.kind) }) : ''),
    ),
  };
}

/** The trace of a rule result: both named conditions as json-rules-engine evaluated them. */
function traceOf(result: RuleResult, facts: Record<string, unknown>): FindingTrace {
  const { applies, passes } = topLevel(result);
  return { appliesWhen: traceCondition(applies, facts), passesWhen: traceCondition(passes, facts) };
}

function notInForce(compiled: CompiledCheck, ctx: FindingContext, asOf: string): Finding {
  const { title, inForceFrom } = ctx.file.law;
  return {
    ...baseFinding(compiled, ctx),
    status: 'not-applicable',
    reason: 'not-in-force',
    message: localized((m) => render(m.notInForce, { law: title, inForceFrom: inForceFrom ?? '', asOf })),
  };
}

/** Whether the law is in force on `asOf`; drafts have no date and are always evaluated. */
function inForceOn(file: RuleFile, asOf: string): boolean {
  const from = file.law.inForceFrom;
  return from === null || !isBefore(parseISO(asOf), parseISO(from));
}

/**
 * Builds an evaluator once (rule files compiled, parameters applied) for many records.
 *
 * @example
 * const evaluator = createEvaluator({ asOf: '2024-03-01' });
 * const result = await evaluator.evaluate({
 *   id: 'SY-0001', city: 'shenyang', kind: 'community',
 *   facts: { households: 1550, serviceFacilityAreaSqm: 610 },
 * });
 * // result.findings.find(f => f.ruleId === 'shenyang.10.1.facility-area')
 * //   → { status: 'fail', expected: 620, actual: 610, citation: { label: '第十条第一款', … }, … }
 */
export function createEvaluator(options: RulePackEvaluateOptions & { explain: true }): RulePackEvaluator<true>;
export function createEvaluator(options: RulePackEvaluateOptions): RulePackEvaluator;
export function createEvaluator(options: ExplainOptions): Evaluator<true>;
export function createEvaluator(options?: EvaluateOptions): Evaluator;
export function createEvaluator(
  options: EvaluateOptions | RulePackEvaluateOptions = {},
): Evaluator | Evaluator<true> | RulePackEvaluator | RulePackEvaluator<true> {
  const {
    asOf: defaultAsOf,
    timeZone = DEFAULT_TIME_ZONE,
    parameters = {},
    allowUnknownKeys = false,
    engine: engineChoice = 'compiled',
    explain: traced = false,
    asOfOverride,
    rules = [],
  } = parseOptions(options);
  const engine = createEngine();
  const files = withRulePacks(rules, engine);
  const cities = Object.freeze(files.map((file) => file.city as string));
  const knownIds = checkIds(files);
  for (const id of Object.keys(parameters)) {
    if (!knownIds.has(id)) throw new RangeError(`invalid evaluate options: parameters: unknown check id '${id}'`);
  }
  // A pack's new city is not one of the five the record schema knows: its records are validated
  // under a bundled key (nothing in a record's facts depends on its city) and given theirs back.
  const newCities = new Set(cities.filter((city) => !(CITY_KEYS as readonly string[]).includes(city)));
  const validate = newCities.size === 0 ? (input: unknown) => validateRecord(input, { allowUnknownKeys }) : (input: unknown) => validateWithCities(input, newCities, allowUnknownKeys);
  const asOfFor = (record: ShequRecord): string => asOfOverride ?? record.asOf ?? defaultAsOf ?? today(timeZone);
  const invalidResult = (validation: Extract<ReturnType<typeof validateRecord>, { ok: false }>): EvaluationResult => ({
    recordId: validation.recordId,
    ...(validation.city ? { city: validation.city } : {}),
    ...(validation.kind ? { kind: validation.kind } : {}),
    valid: false,
    errors: validation.errors,
    findings: [],
  });

  if (engineChoice === 'compiled') {
    const core = compileEvaluator(files, parameters, engine);
    const evaluateSync = (input: unknown): EvaluationResult => {
      const validation = validate(input);
      if (!validation.ok) return invalidResult(validation);
      const record = validation.record;
      const asOf = () => asOfFor(record);
      return traced ? core.explainValid(record, asOf) : core.evaluateValid(record, asOf);
    };
    // One implementation behind both overloads: the typed one only narrows the result's ruleIds.
    return {
      evaluateSync: evaluateSync as Evaluator['evaluateSync'],
      evaluate: (async (input: unknown) => evaluateSync(input)) as Evaluator['evaluate'],
      cities: cities as readonly CityKey[],
    };
  }

  const compiled = new Map<CityKey, Map<RecordKind, CompiledKind>>();
  for (const file of files) compiled.set(file.city, compileRuleFile(file, parameters, engine));
  const fileOf = new Map(files.map((f) => [f.city, f]));

  async function evaluateValid(record: ShequRecord): Promise<EvaluationResult> {
    const file = fileOf.get(record.city)!;
    const kind = compiled.get(record.city)?.get(record.kind) ?? { checks: [], nonBinding: [] };
    const asOf = asOfFor(record);
    const header = { recordId: record.id, city: record.city, kind: record.kind, valid: true as const };
    const facts = record.facts as Record<string, unknown>;
    const almanac = new Almanac({ allowUndefinedFacts: true, pathResolver: resolvePath });
    for (const fact of DERIVED_FACT_INSTANCES) almanac.addFact(fact);
    for (const [name, value] of Object.entries(facts)) if (value !== undefined) almanac.addFact(name, value);

    let binding = file.law.status !== 'draft';
    if (binding && kind.nonBinding.length > 0) {
      const results = await Promise.all(kind.nonBinding.map((n) => (n.rule as unknown as EvaluableRule).evaluate(almanac)));
      binding = !results.some((r) => judge(r.conditions as EvaluatedCondition, facts).truth === true);
    }
    // `liabilityWhen`: the liability article is cited only when its condition is known to hold.
    const conditional = kind.checks.filter((c) => c.liability !== undefined);
    const liabilityResults = await Promise.all(conditional.map((c) => (c.liability!.rule as unknown as EvaluableRule).evaluate(almanac)));
    const withoutLiability = new Set(
      conditional.filter((_, i) => judge(liabilityResults[i]!.conditions as EvaluatedCondition, facts).truth !== true),
    );
    const ctx: FindingContext = { record, file, binding, withoutLiability };
    if (!inForceOn(file, asOf)) return { ...header, findings: kind.checks.map((c) => notInForce(c, ctx, asOf)) };
    const results = await Promise.all(kind.checks.map((c) => (c.rule as unknown as EvaluableRule).evaluate(almanac)));
    const findings = kind.checks.map((c, i) => findingFrom(c, results[i]!, ctx));
    if (!traced) return { ...header, findings };
    return { ...header, findings: findings.map((finding, i): ExplainedFinding => ({ ...finding, trace: traceOf(results[i]!, facts) })) };
  }

  return {
    evaluate: (async (input: unknown): Promise<EvaluationResult> => {
      const validation = validate(input);
      if (!validation.ok) return invalidResult(validation);
      return evaluateValid(validation.record);
    }) as Evaluator['evaluate'],
    evaluateSync: ((): EvaluationResult => {
      throw new Error("evaluateSync: an evaluator created with engine 'json-rules-engine' runs asynchronously; use evaluate()");
    }) as Evaluator['evaluateSync'],
    cities: cities as readonly CityKey[],
  };
}

/**
 * The bundled rule files with the packs applied: a pack for one of the five replaces its file (in
 * its place), a pack for a new city key is added after them. Two packs for one city are an error.
 */
function withRulePacks(rules: readonly unknown[], engine: ReturnType<typeof createEngine>): RuleFile[] {
  const byCity = new Map<string, RuleFile>(bundledRuleFiles().map((file) => [file.city, file]));
  const packed = new Map<string, number>();
  for (const [index, input] of rules.entries()) {
    const file = loadRulePack(input, index, engine);
    const earlier = packed.get(file.city);
    if (earlier !== undefined) throw new RulePackError(`'${file.city}'`, 'city', `rules[${earlier}] and rules[${index}] are both for '${file.city}'`);
    packed.set(file.city, index);
    byCity.set(file.city, file);
  }
  return [...byCity.values()];
}

type Validation = ReturnType<typeof validateRecord>;

/** `validateRecord`, accepting the new city keys of rule packs too. */
function validateWithCities(input: unknown, newCities: ReadonlySet<string>, allowUnknownKeys: boolean): Validation {
  let city: unknown;
  try {
    city = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as { city?: unknown }).city : undefined;
  } catch {
    city = undefined; // a throwing getter: validateRecord reports the record unreadable
  }
  if (typeof city !== 'string' || !newCities.has(city)) return validateRecord(input, { allowUnknownKeys });
  let standIn: unknown;
  try {
    standIn = { ...(input as object), city: CITY_KEYS[0] };
  } catch {
    return validateRecord(input, { allowUnknownKeys });
  }
  const validation = validateRecord(standIn, { allowUnknownKeys });
  // Fresh objects from validateRecord: the pack's key goes back where the stand-in was.
  const packCity = city as CityKey;
  if (validation.ok) return { ok: true, record: { ...validation.record, city: packCity } };
  return { ...validation, city: packCity };
}

let defaultEvaluator: Evaluator | undefined;
const evaluatorsByOptions = new Map<string, Evaluator>();

/**
 * Evaluates one record against its city's checks for its kind: exactly one finding per check.
 *
 * @example
 * const { valid, findings } = await evaluate(
 *   { id: 'GY-7', city: 'guiyang', kind: 'community', asOf: '2014-01-01', facts: { serviceFacilityAreaSqm: 750 } },
 * );
 * // findings.find(f => f.ruleId === 'guiyang.37.1.premises-area')
 * //   → { status: 'fail', expected: 800, actual: 750, citation: { label: '第三十七条', … }, … }
 */
export async function evaluate<const R extends ShequRecordInput>(
  record: R & ShequRecordInput,
  options: ExplainOptions,
): Promise<ExplainedEvaluationResultFor<R>>;
export async function evaluate<const R extends ShequRecordInput>(
  record: R & ShequRecordInput,
  options?: EvaluateOptions,
): Promise<EvaluationResultFor<R>>;
export async function evaluate<const T>(record: T & UncheckedRecord<T>, options: ExplainOptions): Promise<ExplainedEvaluationResult>;
export async function evaluate<const T>(record: T & UncheckedRecord<T>, options?: EvaluateOptions): Promise<EvaluationResult>;
export async function evaluate(record: unknown, options?: EvaluateOptions): Promise<EvaluationResult> {
  return evaluatorFor(options).evaluate(record);
}

/**
 * `evaluate`, synchronously (the compiled engine).
 *
 * @example
 * const { findings } = evaluateSync(
 *   { id: 'GY-7', city: 'guiyang', kind: 'community', asOf: '2014-01-01', facts: { serviceFacilityAreaSqm: 750 } },
 * );
 * // findings.find(f => f.ruleId === 'guiyang.37.1.premises-area')?.status → 'fail'
 */
export function evaluateSync<const R extends ShequRecordInput>(
  record: R & ShequRecordInput,
  options: ExplainOptions,
): ExplainedEvaluationResultFor<R>;
export function evaluateSync<const R extends ShequRecordInput>(
  record: R & ShequRecordInput,
  options?: EvaluateOptions,
): EvaluationResultFor<R>;
export function evaluateSync<const T>(record: T & UncheckedRecord<T>, options: ExplainOptions): ExplainedEvaluationResult;
export function evaluateSync<const T>(record: T & UncheckedRecord<T>, options?: EvaluateOptions): EvaluationResult;
export function evaluateSync(record: unknown, options?: EvaluateOptions): EvaluationResult {
  return evaluatorFor(options).evaluateSync(record);
}

function parseOptions(options: unknown): z.output<typeof evaluateOptionsSchema> {
  // '__proto__' as an own key (JSON.parse makes one) would become a prototype in the parsed copy and vanish.
  const parameters = (options as { parameters?: unknown } | null)?.parameters;
  if (typeof parameters === 'object' && parameters !== null) {
    if (Object.hasOwn(parameters, '__proto__')) throw new RangeError("invalid evaluate options: parameters: unknown check id '__proto__'");
    for (const [id, values] of Object.entries(parameters)) {
      if (typeof values === 'object' && values !== null && Object.hasOwn(values, '__proto__')) {
        throw new RangeError(`check '${id}' has no parameter '__proto__'`);
      }
    }
  }
  const parsed = evaluateOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TypeError(`invalid evaluate options: ${issue ? `${issue.path.join('.') || '(options)'}: ${issue.message}` : ''}`);
  }
  return parsed.data;
}

/**
 * The evaluator for `options`, cached by their validated value: every call validates its own
 * options first, so whether options are accepted never depends on what was called before.
 */
function evaluatorFor(options: EvaluateOptions | undefined): Evaluator {
  if (options === undefined) {
    defaultEvaluator ??= createEvaluator();
    return defaultEvaluator;
  }
  const parsed = parseOptions(options);
  // Rule packs are compiled per call (use createEvaluator to compile them once).
  if (parsed.rules !== undefined) return createEvaluator(parsed as RulePackEvaluateOptions) as unknown as Evaluator;
  const key = JSON.stringify(parsed);
  if (key === '{}') {
    defaultEvaluator ??= createEvaluator();
    return defaultEvaluator;
  }
  let evaluator = evaluatorsByOptions.get(key);
  if (!evaluator) {
    evaluator = createEvaluator(parsed);
    if (evaluatorsByOptions.size < 32) evaluatorsByOptions.set(key, evaluator);
  }
  return evaluator;
}
