/**
 * A check's citation, computed from its rule file alone (no json-rules-engine here: the compiled
 * evaluator needs it without loading the engine).
 */
import { formatCitationLabel } from '../catalogue/citationLabel.js';
import type { CatalogueArticle, CheckEntry, Citation, RuleFile } from '../types.js';
import { deepFreeze } from '../util/deepFreeze.js';
import { hasSeveralParts } from './trace.js';

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

/** The same citation without its liability article (for a record `liabilityWhen` does not reach). */
export function withoutLiability(citation: Citation): Citation {
  const { liability: _liability, ...rest } = citation;
  return deepFreeze(rest);
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
