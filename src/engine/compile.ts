/**
 * Turns a rule file into what the evaluator runs: per record kind, its checks as json-rules-engine
 * `Rule`s (parameters substituted), each with its citation precomputed.
 */
import { Engine, Rule } from 'json-rules-engine';
import type { CheckEntry, Citation, RecordKind, RuleFile } from '../types.js';
import { citationFor, namesFailedParts, withoutLiability } from './citation.js';
import { createRulesEngine } from './rulesEngine.js';
import { resolveParameters } from './parameters.js';

// Kept here too for the modules that import them from the rule compiler.
export { citationFor, namesFailedParts, withoutLiability };

export interface CompiledCheck {
  check: CheckEntry;
  rule: Rule;
  citation: Citation;
  /** With `liabilityWhen`: the rule of that condition, and the citation without the liability. */
  liability?: { rule: Rule; citationWithout: Citation };
  /** Whether its failure message names the parts that failed (see `namesFailedParts`). */
  namesFailedParts: boolean;
}

export interface CompiledNonBinding {
  rule: Rule;
  reason: string;
  article: number;
}

export interface CompiledKind {
  checks: CompiledCheck[];
  nonBinding: CompiledNonBinding[];
}

/** A json-rules-engine Engine with our generic operators and derived facts registered. */
export function createEngine(): Engine {
  return createRulesEngine();
}

/**
 * Compiles a city's checks for every kind. `overrides` maps check id → parameter → value; an
 * unknown check id or parameter is an error, so a typo in an override cannot pass silently.
 */
export function compileRuleFile(
  file: RuleFile,
  overrides: Readonly<Record<string, Readonly<Record<string, number>>>> = {},
  engine: Engine = createEngine(),
): Map<RecordKind, CompiledKind> {
  const byKind = new Map<RecordKind, CompiledKind>();
  const slot = (kind: RecordKind): CompiledKind => {
    let entry = byKind.get(kind);
    if (!entry) {
      entry = { checks: [], nonBinding: [] };
      byKind.set(kind, entry);
    }
    return entry;
  };
  for (const article of file.articles) {
    for (const raw of article.checks) {
      const check = resolveParameters(raw, overrides[raw.id]);
      const rule = new Rule({ name: check.name, conditions: check.conditions, event: check.event });
      engine.addRule(rule);
      const citation = citationFor(file, article, check);
      const compiled: CompiledCheck = { check, rule, citation, namesFailedParts: namesFailedParts(check) };
      if (check.liabilityWhen !== undefined) {
        const when = new Rule({
          name: `${check.name}.liabilityWhen`,
          conditions: { all: [check.liabilityWhen] } as Rule['conditions'],
          event: { type: 'liability' },
        });
        engine.addRule(when);
        compiled.liability = { rule: when, citationWithout: withoutLiability(citation) };
      }
      slot(check.kind).checks.push(compiled);
    }
  }
  for (const [index, exception] of (file.nonBinding ?? []).entries()) {
    const rule = new Rule({
      name: `${file.city}.nonBinding.${index}`,
      conditions: { all: [exception.when] } as Rule['conditions'],
      event: { type: 'nonBinding' },
    });
    engine.addRule(rule);
    slot(exception.kind).nonBinding.push({ rule, reason: exception.reason, article: exception.article });
  }
  return byKind;
}

/** Every check id across the given rule files, for validating caller overrides. */
export function checkIds(files: readonly RuleFile[]): Set<string> {
  return new Set(files.flatMap((f) => f.articles.flatMap((a) => a.checks.map((c) => c.id))));
}

