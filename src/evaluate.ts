/**
 * `evaluate(record)` / `evaluateSync(record)`: validate a record, run its city's checks for its
 * kind, and return one cited finding per check. By default the checks run compiled
 * (evaluateCompiled.ts); `engine: 'json-rules-engine'` runs them through json-rules-engine, the
 * reference the compiled path is tested against.
 */
import * as z from 'zod';
import { bundledRuleFiles } from './engine/bundledRules.js';
import { createOperatorMap, type OperatorLookup } from './engine/operatorMap.js';
import { loadRulePack, RulePackError, type RulePack } from './engine/loadRulePack.js';
import { compileEvaluator } from './evaluateCompiled.js';
import { closestWord, isoDate, oneOf } from './schema/common.js';
import { localizeIssue } from './schema/issueText.js';
import { MAX_KEY_IN_MESSAGE, shownKey } from './schema/keyText.js';
import { parseRecordToSlots, validateRecord } from './schema/validateRecord.js';
import type { ReadonlyShequRecordInput, ShequRecord } from './schema/record.js';
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
   * `json-rules-engine` (the reference path, asynchronous; `evaluateSync` is not available). Only
   * `createEvaluator` takes `json-rules-engine` (loaded on its first evaluation); `evaluate` and
   * `evaluateSync` refuse it, so that an app using them does not bundle json-rules-engine.
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
 * run time only. A value whose `kind` is a literal must be a `CheckedRecord` at compile time, so
 * a typed record with a misspelt fact or kind does not compile.
 */
export type UncheckedRecord<T> = T extends { kind: infer K } ? (string extends K ? unknown : never) : unknown;

/** The keys of any member of the union `S`, and the value one of them has for key `K`. */
type KeysOfUnion<S> = S extends unknown ? keyof S : never;
type ValueInUnion<S, K extends PropertyKey> = S extends unknown ? (K extends keyof S ? S[K] : never) : never;

/**
 * `R` with each key that its shape `S` lacks typed `never`, in nested objects and array elements
 * too: a record variable (not only a fresh literal) with a misspelt key besides correct ones then
 * fails to compile, where plain assignability would let it through. An index signature is left to
 * the run-time check, as a `kind: string` is.
 */
type NoUnknownKeys<R, S> = R extends readonly unknown[]
  ? NonNullable<S> extends readonly (infer E)[]
    ? { readonly [I in keyof R]: NoUnknownKeys<R[I], E> }
    : R
  : R extends object
    ? {
        [K in keyof R]: K extends KeysOfUnion<NonNullable<S>>
          ? NoUnknownKeys<R[K], ValueInUnion<NonNullable<S>, K>>
          : string extends K
            ? R[K] // an index signature (facts typed Record<string, unknown>): no key to check
            : never;
      }
    : R;

/**
 * A typed record as `evaluate` accepts it: the record input of its kind, readonly or mutable (an
 * `as const` literal is fine), with no key the schema does not know.
 */
export type CheckedRecord<R extends ReadonlyShequRecordInput> = R & NoUnknownKeys<R, Extract<ReadonlyShequRecordInput, { kind: R['kind'] }>>;

/** The result type for a typed record: its findings' `ruleId` is a check of its city and kind. */
export type EvaluationResultFor<R extends ReadonlyShequRecordInput> = EvaluationResult<CheckIdOf<R['city'], R['kind']>>;

/** The same with `explain: true`: findings with their trace. */
export type ExplainedEvaluationResultFor<R extends ReadonlyShequRecordInput> = ExplainedEvaluationResult<CheckIdOf<R['city'], R['kind']>>;

/** An evaluator; `Evaluator<true>` (from `createEvaluator({ explain: true })`) traces its findings. */
export interface Evaluator<Explain extends boolean = false> {
  /** Never throws for any input: an invalid record gives `{ valid: false, errors }`. */
  evaluate<const R extends ReadonlyShequRecordInput>(
    record: CheckedRecord<R>,
  ): Promise<Explain extends true ? ExplainedEvaluationResultFor<R> : EvaluationResultFor<R>>;
  evaluate<const T>(record: T & UncheckedRecord<T>): Promise<Explain extends true ? ExplainedEvaluationResult : EvaluationResult>;
  /**
   * The same result, synchronously (the compiled engine). Throws only when the evaluator was
   * created with `engine: 'json-rules-engine'`, which cannot run synchronously.
   */
  evaluateSync<const R extends ReadonlyShequRecordInput>(
    record: CheckedRecord<R>,
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

export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const JSON_RULES_ENGINE_REFUSED =
  "invalid evaluate options: engine: 'json-rules-engine' is an option of createEvaluator; evaluate and evaluateSync run the compiled checks";

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
  return buildEvaluator(options, () => import('./evaluateRulesEngine.js'));
}

type ReferenceModule = typeof import('./evaluateRulesEngine.js');

/**
 * createEvaluator's work. `loadReference` loads the json-rules-engine path: only createEvaluator
 * passes it, so that evaluate and evaluateSync (which refuse that engine) do not bundle it.
 */
function buildEvaluator(
  options: EvaluateOptions | RulePackEvaluateOptions,
  loadReference?: () => Promise<ReferenceModule>,
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
  const operators = createOperatorMap();
  const files = withRulePacks(rules, operators);
  const cities = Object.freeze(files.map((file) => file.city as string));
  const knownIds = new Set(files.flatMap((file) => file.articles.flatMap((article) => article.checks.map((check) => check.id))));
  for (const id of Object.keys(parameters)) {
    if (!knownIds.has(id)) {
      const near = closestWord(id, [...knownIds]);
      throw new RangeError(`invalid evaluate options: parameters: unknown check id '${id}'${near === undefined ? '' : ` (did you mean '${near}'?)`}`);
    }
  }
  // A pack's new city is not one of the five the record schema knows: its records are validated
  // under a bundled key (nothing in a record's facts depends on its city) and given theirs back.
  const newCities = new Set(cities.filter((city) => !(CITY_KEYS as readonly string[]).includes(city)));
  const validate =
    newCities.size === 0
      ? (input: unknown) => validateRecord(input, { allowUnknownKeys })
      : withCityIssues(cities, (input: unknown) => validateWithCities(input, newCities, allowUnknownKeys));
  const asOfFor = (record: Pick<ShequRecord, 'asOf'>): string => asOfOverride ?? record.asOf ?? defaultAsOf ?? today(timeZone);
  const invalidResult = (validation: Extract<ReturnType<typeof validateRecord>, { ok: false }>): EvaluationResult => ({
    recordId: validation.recordId,
    ...(validation.city ? { city: validation.city } : {}),
    ...(validation.kind ? { kind: validation.kind } : {}),
    valid: false,
    errors: validation.errors,
    findings: [],
  });

  if (engineChoice === 'compiled') {
    const core = compileEvaluator(files, parameters, operators);
    // Without traces and pack cities, validation fills the facts' slots itself where it can.
    const slotted = traced || newCities.size > 0 ? undefined : (input: unknown) => parseRecordToSlots(input, { allowUnknownKeys });
    const evaluateSync = (input: unknown): EvaluationResult => {
      const fast = slotted?.(input);
      if (fast !== undefined) return core.evaluateSlotted(fast, asOfFor);
      const validation = validate(input);
      if (!validation.ok) return invalidResult(validation);
      return traced ? core.explainValid(validation.record, asOfFor) : core.evaluateValid(validation.record, asOfFor);
    };
    // One implementation behind both overloads: the typed one only narrows the result's ruleIds.
    return {
      evaluateSync: evaluateSync as Evaluator['evaluateSync'],
      evaluate: (async (input: unknown) => evaluateSync(input)) as Evaluator['evaluate'],
      cities: cities as readonly CityKey[],
    };
  }

  // json-rules-engine, the reference: the rules and overrides were checked above (compiled as the
  // default path runs them); the engine is loaded on the first evaluation, so that an app that
  // never asks for it neither loads nor bundles it (evaluate and evaluateSync never do).
  compileEvaluator(files, parameters, operators);
  let evaluation: Promise<(record: ShequRecord) => Promise<EvaluationResult>> | undefined;
  return {
    evaluate: (async (input: unknown): Promise<EvaluationResult> => {
      const validation = validate(input);
      if (!validation.ok) return invalidResult(validation);
      if (!loadReference) throw new TypeError(JSON_RULES_ENGINE_REFUSED);
      evaluation ??= loadReference().then(({ createRulesEngineEvaluation }) =>
        createRulesEngineEvaluation(files, parameters, asOfFor, traced),
      );
      return (await evaluation)(validation.record);
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
function withRulePacks(rules: readonly unknown[], operators: OperatorLookup): RuleFile[] {
  const byCity = new Map<string, RuleFile>(bundledRuleFiles().map((file) => [file.city, file]));
  const packed = new Map<string, number>();
  for (const [index, input] of rules.entries()) {
    const file = loadRulePack(input, index, operators);
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

/**
 * `validate`, with the issue of a record's `city` worded from the evaluator's own keys (the five
 * and the packs' new ones): the record schema knows only the five, so its "expected one of" and
 * "did you mean" would leave the packs' cities out.
 */
function withCityIssues(cities: readonly string[], validate: (input: unknown) => Validation): (input: unknown) => Validation {
  const schema = z.object({ city: oneOf(cities as readonly [string, ...string[]]) });
  return (input) => {
    const validation = validate(input);
    if (validation.ok) return validation;
    const index = validation.errors.findIndex((issue) => issue.path === 'city');
    if (index < 0) return validation;
    let city: unknown;
    try {
      city = (input as { city?: unknown }).city;
    } catch {
      return validation; // a throwing getter: the record is reported unreadable as it is
    }
    const parsed = schema.safeParse({ city });
    const issue = parsed.success ? undefined : parsed.error.issues[0];
    if (issue === undefined) return validation;
    const errors = [...validation.errors];
    errors[index] = localizeIssue({ path: ['city'], pathText: 'city', zodCode: issue.code, message: issue.message }, schema, { city }, validation.kind);
    return { ...validation, errors };
  };
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
export async function evaluate(
  record: unknown,
  options: RulePackEvaluateOptions & { explain: true },
): Promise<ExplainedEvaluationResult<string, string>>;
export async function evaluate(record: unknown, options: RulePackEvaluateOptions): Promise<EvaluationResult<string, string>>;
export async function evaluate<const R extends ReadonlyShequRecordInput>(
  record: CheckedRecord<R>,
  options: ExplainOptions,
): Promise<ExplainedEvaluationResultFor<R>>;
export async function evaluate<const R extends ReadonlyShequRecordInput>(
  record: CheckedRecord<R>,
  options?: EvaluateOptions,
): Promise<EvaluationResultFor<R>>;
export async function evaluate<const T>(record: T & UncheckedRecord<T>, options: ExplainOptions): Promise<ExplainedEvaluationResult>;
export async function evaluate<const T>(record: T & UncheckedRecord<T>, options?: EvaluateOptions): Promise<EvaluationResult>;
export async function evaluate(record: unknown, options?: EvaluateOptions | RulePackEvaluateOptions): Promise<EvaluationResult<string, string>> {
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
export function evaluateSync(record: unknown, options: RulePackEvaluateOptions & { explain: true }): ExplainedEvaluationResult<string, string>;
export function evaluateSync(record: unknown, options: RulePackEvaluateOptions): EvaluationResult<string, string>;
export function evaluateSync<const R extends ReadonlyShequRecordInput>(
  record: CheckedRecord<R>,
  options: ExplainOptions,
): ExplainedEvaluationResultFor<R>;
export function evaluateSync<const R extends ReadonlyShequRecordInput>(
  record: CheckedRecord<R>,
  options?: EvaluateOptions,
): EvaluationResultFor<R>;
export function evaluateSync<const T>(record: T & UncheckedRecord<T>, options: ExplainOptions): ExplainedEvaluationResult;
export function evaluateSync<const T>(record: T & UncheckedRecord<T>, options?: EvaluateOptions): EvaluationResult;
export function evaluateSync(record: unknown, options?: EvaluateOptions | RulePackEvaluateOptions): EvaluationResult<string, string> {
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
    const unknown = parsed.error.issues.find((issue) => issue.code === 'unrecognized_keys');
    if (unknown !== undefined) throw new TypeError(unknownOptionsMessage(unknown.keys));
    const issue = parsed.error.issues[0];
    throw new TypeError(`invalid evaluate options: ${issue ? `${issue.path.join('.') || '(options)'}: ${issue.message}` : ''}`);
  }
  return parsed.data;
}

const OPTION_NAMES = Object.keys(evaluateOptionsSchema.shape);

/** Each unknown option named, with the option a typo of it meant, and the options there are. */
function unknownOptionsMessage(keys: readonly string[]): string {
  const named = keys.map((key) => {
    const near = key.length <= MAX_KEY_IN_MESSAGE ? closestWord(key, OPTION_NAMES) : undefined;
    return `'${shownKey(key)}'${near === undefined ? '' : ` (did you mean '${near}'?)`}`;
  });
  return `invalid evaluate options: unknown option${keys.length === 1 ? '' : 's'} ${named.join(', ')}; the options are ${OPTION_NAMES.join(', ')}`;
}

/** Evaluators built for one `rules` array: the packs they were built from, and one per other options. */
interface PackCacheEntry {
  packs: readonly unknown[];
  byOptions: Map<string, Evaluator>;
}
const evaluatorsByRules = new WeakMap<object, PackCacheEntry>();

/**
 * The evaluator for `options`, cached by their validated value: every call validates its own
 * options first, so whether options are accepted never depends on what was called before.
 *
 * With `rules`, the cache is keyed on the caller's array (a WeakMap: it goes with the array) and
 * holds a snapshot: the packs are copied when first compiled, so what a later call gets never
 * depends on edits made inside a pack object since. The array's members are compared on every call
 * (by identity, O(packs)): a pack added, removed or replaced is compiled anew.
 */
function evaluatorFor(options: EvaluateOptions | RulePackEvaluateOptions | undefined): Evaluator {
  if (options === undefined) {
    defaultEvaluator ??= buildEvaluator({}) as Evaluator;
    return defaultEvaluator;
  }
  const parsed = parseOptions(options);
  if (parsed.engine === 'json-rules-engine') throw new TypeError(JSON_RULES_ENGINE_REFUSED);
  if (parsed.rules !== undefined) return packEvaluatorFor(options as RulePackEvaluateOptions, parsed as RulePackEvaluateOptions);
  const key = JSON.stringify(parsed);
  if (key === '{}') {
    defaultEvaluator ??= buildEvaluator({}) as Evaluator;
    return defaultEvaluator;
  }
  let evaluator = evaluatorsByOptions.get(key);
  if (!evaluator) {
    evaluator = buildEvaluator(parsed) as Evaluator;
    if (evaluatorsByOptions.size < 32) evaluatorsByOptions.set(key, evaluator);
  }
  return evaluator;
}

function packEvaluatorFor(options: RulePackEvaluateOptions, parsed: RulePackEvaluateOptions): Evaluator {
  const build = () => buildEvaluator(parsed) as unknown as Evaluator;
  let array: unknown;
  try {
    array = options.rules;
  } catch {
    return build(); // unreachable after parseOptions read it, unless a getter throws the second time
  }
  if (!Array.isArray(array)) return build();
  const packs = parsed.rules;
  let entry = evaluatorsByRules.get(array);
  if (entry === undefined || entry.packs.length !== packs.length || entry.packs.some((pack, i) => pack !== packs[i])) {
    entry = { packs: [...packs], byOptions: new Map() };
    evaluatorsByRules.set(array, entry);
  }
  const { rules: _rules, ...rest } = parsed;
  const key = JSON.stringify(rest);
  let evaluator = entry.byOptions.get(key);
  if (evaluator === undefined) {
    evaluator = build();
    if (entry.byOptions.size < 32) entry.byOptions.set(key, evaluator);
  }
  return evaluator;
}
