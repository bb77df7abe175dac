/**
 * contract v2, cross-city consistency: the checks of one concept (task lists, grid staffing, the
 * consultation body, the resident convention, funding in the budget, facility sync) read the same
 * facts in the same way in every city, unless a check carries a `differsBecause` note whose quotes
 * stand in its cited paragraph. A concept's reading is its duty (`passesWhen`); who the duty binds
 * (`appliesWhen`: each law's own assigners and assignees) is pinned per city in tests/v2.
 */
import { describe, expect, it } from 'vitest';
import { ruleFiles } from '../src/catalogue/ruleFiles.js';
import { CITY_KEYS, type CatalogueArticle, type CheckEntry, type ConditionJson } from '../src/types.js';

interface Located {
  city: string;
  article: CatalogueArticle;
  check: CheckEntry;
}

/** JSON with sorted keys, so that two readings compare by content, not by key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The facts a condition tree reads. */
function factsOf(condition: ConditionJson): Set<string> {
  const out = new Set<string>();
  const walk = (c: ConditionJson): void => {
    if ('all' in c) c.all.forEach(walk);
    else if ('any' in c) c.any.forEach(walk);
    else if ('not' in c) walk(c.not);
    else out.add(c.fact);
  };
  walk(condition);
  return out;
}

const readingOf = (check: CheckEntry): string => canonical(check.conditions.all[1]);

function citedText(article: CatalogueArticle, check: CheckEntry): string {
  const paragraph = check.cites.paragraph;
  if (paragraph === undefined) return article.text;
  const p = article.paragraphs.find((x) => x.number === paragraph);
  if (!p) return '';
  const item = check.cites.item === undefined ? undefined : p.items?.find((i) => i.number === check.cites.item);
  return item ? `${p.text}${item.text}` : p.text;
}

/** Every way the checks break the rule of one reading per concept, as lines a reviewer can act on. */
export function consistencyProblems(checks: readonly Located[]): string[] {
  const problems: string[] = [];
  const byConcept = new Map<string, Located[]>();
  for (const located of checks) {
    const { concept } = located.check;
    if (concept === undefined) continue;
    byConcept.set(concept, [...(byConcept.get(concept) ?? []), located]);
  }
  for (const [concept, members] of byConcept) {
    const kinds = new Set(members.map((m) => m.check.kind));
    if (kinds.size > 1) problems.push(`${concept}: checks of ${kinds.size} kinds (${[...kinds].join(', ')})`);
    const plain = members.filter((m) => m.check.differsBecause === undefined);
    if (plain.length === 0) {
      problems.push(`${concept}: every check carries differsBecause, so the concept has no common reading`);
      continue;
    }
    // The common reading is the one most un-noted checks share (the first of them on a tie).
    const counts = new Map<string, number>();
    for (const m of plain) counts.set(readingOf(m.check), (counts.get(readingOf(m.check)) ?? 0) + 1);
    const top = Math.max(...counts.values());
    const reference = plain.find((m) => counts.get(readingOf(m.check)) === top)!.check;
    const reading = readingOf(reference);
    const readingFacts = factsOf(reference.conditions.all[1]);
    for (const m of plain) {
      if (readingOf(m.check) !== reading) {
        problems.push(`${m.check.id}: reads ${concept} unlike ${reference.id} and carries no differsBecause`);
      }
    }
    for (const m of members.filter((x) => x.check.differsBecause !== undefined)) {
      const { quotes } = m.check.differsBecause!;
      if (readingOf(m.check) === reading) {
        problems.push(`${m.check.id}: differsBecause, yet reads ${concept} like ${reference.id}`);
      }
      const text = citedText(m.article, m.check);
      for (const quote of quotes) {
        if (!text.includes(quote)) problems.push(`${m.check.id}: differsBecause quotes «${quote}», which is not in the cited text`);
      }
      const shared = [...factsOf(m.check.conditions.all[1])].filter((f) => readingFacts.has(f));
      if (shared.length === 0) problems.push(`${m.check.id}: shares no fact with the ${concept} reading`);
    }
    // A check of the same kind whose duty reads one of the concept's facts is a check of the concept.
    for (const other of checks) {
      if (other.check.concept === concept || other.check.kind !== reference.kind) continue;
      const read = [...factsOf(other.check.conditions.all[1])].filter((f) => readingFacts.has(f));
      if (read.length > 0) problems.push(`${other.check.id}: reads ${read.join(', ')} of ${concept} but names no concept`);
    }
  }
  return problems;
}

const checks: Located[] = CITY_KEYS.flatMap((city) =>
  ruleFiles[city].articles.flatMap((article) => article.checks.map((check) => ({ city, article, check }))),
);

/** A deep copy of the checks with one of them edited, to show that the rule catches the edit. */
function edited(id: string, edit: (check: CheckEntry) => void): Located[] {
  return checks.map((located) => {
    if (located.check.id !== id) return located;
    const check = structuredClone(located.check) as CheckEntry;
    edit(check);
    return { ...located, check };
  });
}

describe('cross-city consistency', () => {
  it('the shipped rules read each concept one way, or say in the words of the law why not', () => {
    expect(consistencyProblems(checks)).toEqual([]);
  });

  it.each(['task-lists', 'grid-staffing', 'consultation-body', 'resident-convention', 'funding-budgeted', 'facility-sync'])(
    '%s is a concept shared by at least two cities',
    (concept) => {
      const cities = new Set(checks.filter((c) => c.check.concept === concept).map((c) => c.city));
      expect(cities.size).toBeGreaterThanOrEqual(2);
    },
  );

  it('every differsBecause note quotes the law and says why in one line', () => {
    const noted = checks.filter((c) => c.check.differsBecause !== undefined);
    expect(noted.length).toBeGreaterThan(0);
    for (const { check } of noted) {
      expect(check.differsBecause!.quotes.every((q) => /\p{Script=Han}/u.test(q)), check.id).toBe(true);
      expect(check.differsBecause!.note).not.toContain('\n');
    }
  });

  describe('catches', () => {
    const noted = checks.find((c) => c.check.differsBecause !== undefined)!.check;
    const plainOf = (concept: string): CheckEntry =>
      checks.find((c) => c.check.concept === concept && c.check.differsBecause === undefined)!.check;

    it('a difference without a note', () => {
      const problems = consistencyProblems(edited(noted.id, (c) => delete c.differsBecause));
      expect(problems).toContainEqual(expect.stringContaining(`${noted.id}: reads ${noted.concept} unlike`));
    });

    it('a note that quotes words the paragraph does not have', () => {
      const problems = consistencyProblems(edited(noted.id, (c) => (c.differsBecause!.quotes = ['本条不存在的字句'])));
      expect(problems).toEqual([`${noted.id}: differsBecause quotes «本条不存在的字句», which is not in the cited text`]);
    });

    it('a stale note on a check that reads the concept the common way', () => {
      const reference = plainOf(noted.concept!);
      const problems = consistencyProblems(edited(noted.id, (c) => (c.conditions = structuredClone(reference.conditions))));
      expect(problems).toContainEqual(`${noted.id}: differsBecause, yet reads ${noted.concept} like ${reference.id}`);
    });

    it('a common-reading check that drifts (another operator on the same fact)', () => {
      const members = checks.filter((c) => c.check.concept === 'resident-convention' && !c.check.differsBecause);
      const drifting = members[members.length - 1]!.check;
      const problems = consistencyProblems(
        edited(drifting.id, (c) => {
          const passes = c.conditions.all[1] as { all: Array<{ operator: string }> };
          passes.all[0]!.operator = 'notEqual';
        }),
      );
      expect(problems).toEqual([`${drifting.id}: reads resident-convention unlike ${members[0]!.check.id} and carries no differsBecause`]);
    });

    it('a check that reads a concept fact but names no concept', () => {
      const member = plainOf('grid-staffing');
      const problems = consistencyProblems(edited(member.id, (c) => delete c.concept));
      expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${member.id.replace(/\./g, '\\.')}: reads gridWorkers of grid-staffing but names no concept$`)));
    });
  });
});
