/**
 * The operators by name as a json-rules-engine `Engine` has them — its built-in operators and
 * decorators (`equal`, `in`, `greaterThanInclusive`, `everyFact:` …) and ours — built from the
 * engine's own modules without the engine itself (its almanac, JSONPath and event emitter). The
 * compiled evaluator runs the very same operator code as json-rules-engine without loading it.
 */
/// <reference path="./jsonRulesEngineModules.d.ts" />
import * as defaultDecoratorsModule from 'json-rules-engine/dist/engine-default-operator-decorators.js';
import * as defaultOperatorsModule from 'json-rules-engine/dist/engine-default-operators.js';
import * as operatorMapModule from 'json-rules-engine/dist/operator-map.js';
import type { EngineOperator } from './compileConditions.js';
import { OPERATORS } from './operators.js';

/** Looks an operator up by name, decorators applied; undefined for an unknown name. */
export interface OperatorLookup {
  get(name: string): EngineOperator | undefined;
}

interface JsonRulesEngineOperatorMap {
  addOperator(operator: unknown, evaluate?: (factValue: unknown, compareTo: unknown) => boolean): void;
  addOperatorDecorator(decorator: unknown): void;
  get(name: string): EngineOperator | null;
}

/**
 * A module's export `default` as its Babel-compiled CommonJS file means it: Node and bundlers in
 * Node mode hand over `module.exports` as the default, whose own `default` is the value.
 */
function babelDefault<T>(module: unknown): T {
  let value = module;
  while (typeof value === 'object' && value !== null && !Array.isArray(value) && 'default' in value) {
    value = (value as { default: unknown }).default;
  }
  return value as T;
}

/** A fresh operator map, set up as `new Engine()` and `registerOperators` set up an engine's. */
export function createOperatorMap(): OperatorLookup {
  const OperatorMap = babelDefault<new () => JsonRulesEngineOperatorMap>(operatorMapModule);
  const map = new OperatorMap();
  for (const operator of babelDefault<unknown[]>(defaultOperatorsModule)) map.addOperator(operator);
  for (const decorator of babelDefault<unknown[]>(defaultDecoratorsModule)) map.addOperatorDecorator(decorator);
  for (const op of OPERATORS) map.addOperator(op.name, op.evaluate);
  return { get: (name) => map.get(name) ?? undefined };
}
