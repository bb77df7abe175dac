/**
 * json-rules-engine, the reference: an `Engine` with this package's operators and derived facts
 * registered, able to run the shipped rule files on its own. The compiled evaluator takes its
 * operators from such an engine, so both paths run the very same operator code.
 */
import { Almanac, Engine, Fact, Rule } from 'json-rules-engine';
import { CITY_KEYS, type CityKey, type RecordKind } from '../types.js';
import { bundledRuleFiles } from './bundledRules.js';
import type { EngineOperator } from './compileConditions.js';
import { DERIVED_FACTS } from './derivedFacts.js';
import { resolvePath } from './factPath.js';
import { OPERATORS } from './operators.js';
import { resolveParameters } from './parameters.js';

/** The derived facts as json-rules-engine dynamic facts, reading their inputs from the almanac. */
export const DERIVED_FACT_INSTANCES: readonly Fact[] = DERIVED_FACTS.map(
  (derived) =>
    new Fact(
      derived.name,
      async (params: Record<string, unknown>, almanac: Almanac) => {
        const inputs = derived.inputs(params);
        const values = await Promise.all(inputs.map((ref) => almanac.factValue(ref.fact, {}, ref.path ?? '')));
        return derived.compute(params, values);
      },
      { cache: false },
    ),
);

/**
 * Adds this package's operators (`exists`, `includesAll`, `withinTolerance` …) and derived facts
 * (`scaled`, `milestoneSync` …) to a json-rules-engine `Engine`, so it can run the rule files.
 * The engine should resolve paths with `resolvePath` (as `createRulesEngine` sets up).
 */
export function registerOperators(engine: Engine): Engine {
  for (const op of OPERATORS) engine.addOperator(op.name, op.evaluate);
  for (const fact of DERIVED_FACT_INSTANCES) engine.addFact(fact);
  return engine;
}

export interface CreateRulesEngineOptions {
  /** Add this city's checks as rules (parameters resolved); without it the engine has no rules. */
  city?: CityKey;
  /** Only the checks of this record kind. */
  kind?: RecordKind;
  /** Interpretation overrides: check id → parameter → value. */
  parameters?: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/**
 * A bare json-rules-engine `Engine` set up for the rule files: undefined facts allowed (an absent
 * fact is not an error), paths resolved like the evaluator's, operators and derived facts
 * registered, and, with `city`, that city's checks added as rules.
 *
 * @example
 * const engine = createRulesEngine({ city: 'shenyang', kind: 'community' });
 * const { results } = await engine.run({ households: 1550, serviceFacilityAreaSqm: 700 });
 * // results: the rules whose conditions hold, each with its evaluated condition tree
 */
export function createRulesEngine(options: CreateRulesEngineOptions = {}): Engine {
  const engine = registerOperators(new Engine([], { allowUndefinedFacts: true, pathResolver: resolvePath }));
  if (options.city !== undefined) {
    // The evaluator's copy of the rule files: every check, without the law text the engine never reads.
    for (const article of bundledRuleFiles()[CITY_KEYS.indexOf(options.city)]!.articles) {
      for (const raw of article.checks) {
        if (options.kind !== undefined && raw.kind !== options.kind) continue;
        const check = resolveParameters(raw, options.parameters?.[raw.id]);
        engine.addRule(new Rule({ name: check.name, conditions: check.conditions, event: check.event }));
      }
    }
  }
  return engine;
}

/**
 * The engine's operator by name (built-ins such as `equal`, `in`, `greaterThanInclusive`, and
 * ours), or undefined. `Engine#operators` is public in json-rules-engine's source, not its typings.
 */
export function engineOperator(engine: Engine, name: string): EngineOperator | undefined {
  const map = (engine as unknown as { operators?: { get(name: string): EngineOperator | null } }).operators;
  if (!map || typeof map.get !== 'function') throw new Error('json-rules-engine: Engine#operators is not available');
  return map.get(name) ?? undefined;
}
