/**
 * shequ-rules: five Chinese municipal community-governance laws as data, a typed evaluator whose
 * findings cite the law, and the schemas of the records it checks. No side effects on import.
 */
export * from './catalogue/index.js';
export { checkCoverage, type CityCoverage } from './catalogue/coverage.js';
export * from './schema/index.js';
export {
  createEvaluator,
  evaluate,
  evaluateSync,
  type CheckedRecord,
  type EvaluateOptions,
  type EvaluationResultFor,
  type Evaluator,
  type ExplainedEvaluationResultFor,
  type ExplainOptions,
  type ParameterOverrides,
  type RulePackEvaluateOptions,
  type RulePackEvaluator,
  type UncheckedRecord,
} from './evaluate.js';
export { RulePackError, type NamedRulePack, type RulePack } from './engine/loadRulePack.js';
export { compareCities, type CityComparison, type CityOutcome, type CompareCitiesOptions } from './compareCities.js';
export { CHECK_IDS } from './generated/checkIds.js';
export { RuleCompileError } from './engine/compileConditions.js';
export { createRulesEngine, registerOperators, type CreateRulesEngineOptions } from './engine/rulesEngine.js';
export { resolveParameters } from './engine/parameters.js';
export { cityKeySchema, ruleFileSchema } from './ruleFileSchema.js';
export { VERSION } from './version.js';
export * from './types.js';
