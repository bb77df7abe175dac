/**
 * Turns a rule file into what the evaluator runs: per record kind, its checks as json-rules-engine
 * `Rule`s (parameters substituted), each with its citation precomputed.
 */
import { Engine, Rule } from 'json-rules-engine';
import { formatCitationLabel } from '../catalogue/citationLabel.js';
import type { CatalogueArticle, CheckEntry, Citation, RecordKind, RuleFile } from '../types.js';
import { deepFreeze } from '../util/deepFreeze.js';
import { createRulesEngine } from './rulesEngine.js';
import { resolveParameters } from './parameters.js';
import { hasSeveralParts } from './trace.js';

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

/** The citation of a check, built once and shared frozen by every finding of the check. */
export function citationFor(file: RuleFile, article: CatalogueArticle, check: CheckEntry): Citation {
  const { paragraph, item } = check.cites;
  const paragraphCount = article.paragraphs.length;
  const para = paragraph !== undefined ? article.paragraphs.find((p) => p.number === paragraph) : undefined;
  if (paragraph !== undefined && !para) {
    throw new RangeError(`${check.id}: ${article.label} has no paragraph ${paragraph}`);
  }
  const itemEntry = item !== undefined ? para?.items?.find((i) => i.number === item) : undefined;
  // The article's own label (第十条, （三）): a rule pack's city cites as its law numbers.
  const label = formatCitationLabel({
    articleLabel: article.label,
    article: article.number,
    ...(paragraph !== undefined ? { paragraph } : {}),
    ...(item !== undefined ? { item } : {}),
    paragraphCount,
  });
  const citation: Citation = {
    city: file.city,
    law: file.law.title,
    article: article.number,
    ...(paragraph !== undefined && paragraphCount > 1 ? { paragraph } : {}),
    ...(item !== undefined ? { item } : {}),
    label,
    text: itemEntry?.text ?? para?.text ?? article.text,
  };
  if (check.liability !== undefined) {
    const liable = file.articles.find((a) => a.number === check.liability);
    if (!liable) throw new RangeError(`${check.id}: liability article ${check.liability} is not in the law`);
    citation.liability = {
      article: liable.number,
      label: liable.label,
      text: liable.text,
    };
  }
  // Shared by every finding of this check: frozen so one caller's edit cannot reach another's.
  return deepFreeze(citation);
}

/**
 * Whether a failure of the check names the parts that failed: its `passesWhen` has several parts
 * (`hasSeveralParts`) and its fail message does not already word them in `{detail}`.
 */
export function namesFailedParts(check: CheckEntry): boolean {
  const all = (check.conditions as { all?: { name?: string }[] }).all ?? [];
  const passes = all.find((c) => c?.name === 'passesWhen') ?? all[1];
  return hasSeveralParts(passes) && !check.message.fail.zh.includes('{detail}') && !check.message.fail.en.includes('{detail}');
}

/** The same citation without its liability article (for a record `liabilityWhen` does not reach). */
export function withoutLiability(citation: Citation): Citation {
  const { liability: _liability, ...rest } = citation;
  return deepFreeze(rest);
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

