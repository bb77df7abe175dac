/** The status messages every locale provides. */
export interface StatusMessages {
  pass: string;
  passQuantity: string;
  /** A pass of a check of several parts over several facts: each part with its value. */
  passedParts: string;
  failPrefix: string;
  unknown: string;
  notInForce: string;
  conditionNotMet: string;
  /** Appended to a failing multi-part check's message: the parts that failed. */
  failedParts: string;
  listSeparator: string;
}

/**
 * A placeholder: `{name}`, or `{name|one|other}` for a count and its noun, which renders the value
 * and the noun in the form its number takes in English (`{actual|work body|work bodies}` gives
 * "1 work body", "2 work bodies", "0 work bodies"). Chinese nouns have no plural: zh templates use
 * `{name}`.
 */
export const PLACEHOLDER = /\{(\w+)(?:\|([^{}|]*)\|([^{}|]*))?\}/g;

/** The noun forms of a placeholder, when it has them. */
export type NounForms = readonly [one: string, other: string] | undefined;

/**
 * A value as its placeholder says it: the value alone, or the value and the English form of the
 * noun its number takes (singular for exactly 1, as Intl.PluralRules('en') has it for integers and
 * "1"; plural otherwise, 0 and 1.5 included).
 */
export function fillPlaceholder(value: string | number, forms: NounForms): string {
  const text = String(value);
  if (forms === undefined) return text;
  return `${text} ${text === '1' ? forms[0] : forms[1]}`;
}

/** Fills the placeholders of `template` found in `values`; unknown names are left as they are. */
export function substitutePlaceholders(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(PLACEHOLDER, (placeholder, name: string, one: string | undefined, other: string | undefined) =>
    Object.hasOwn(values, name) ? fillPlaceholder(values[name]!, one === undefined ? undefined : [one, other!]) : placeholder,
  );
}

/** Fills `{name}` placeholders; unknown names are left as they are so a typo shows. */
export function render(template: string, values: Readonly<Record<string, string | number | undefined>>): string {
  return compileTemplate(template)(values);
}

export type TemplateValues = Readonly<Record<string, string | number | undefined>>;

const compiledTemplates = new Map<string, (values: TemplateValues) => string>();

/**
 * `render` with the template split once into text and placeholders, for templates used on many
 * findings (the compiled evaluator); `render` goes through the same cache.
 */
export function compileTemplate(template: string): (values: TemplateValues) => string {
  let compiled = compiledTemplates.get(template);
  if (compiled) return compiled;
  const t = compileTemplateWith([template], {});
  compiled = t.render;
  if (compiledTemplates.size < 4096) compiledTemplates.set(template, compiled);
  return compiled;
}

/**
 * Templates said one after the other (a prefix and its message), with some placeholders filled
 * once (a check's label) and the rest left for each call: what `compileTemplate` gives for the
 * same values, with the fixed part split and joined only once. `constant` is the whole text when
 * nothing is left to fill; `keys` are the placeholders left.
 *
 * @example
 * const t = compileTemplateWith(['符合{label}（要求 {expected}）。'], { label: '第十条' });
 * t.render({ expected: 620 }) // '符合第十条（要求 620）。'
 */
export function compileTemplateWith(templates: readonly string[], fixed: TemplateValues): PartialTemplate {
  const texts: string[] = [];
  const keys: string[] = [];
  const forms: NounForms[] = [];
  const raw: string[] = [];
  let text = '';
  for (const template of templates) {
    const pattern = new RegExp(PLACEHOLDER);
    let last = 0;
    for (let match = pattern.exec(template); match !== null; match = pattern.exec(template)) {
      text += template.slice(last, match.index);
      last = match.index + match[0].length;
      const key = match[1]!;
      const nounForms: NounForms = match[2] === undefined ? undefined : [match[2], match[3]!];
      const value = fixed[key];
      if (value !== undefined) {
        text += fillPlaceholder(value, nounForms);
      } else {
        texts.push(text);
        keys.push(key);
        forms.push(nounForms);
        raw.push(match[0]);
        text = '';
      }
    }
    text += template.slice(last);
  }
  const tail = text;
  const count = keys.length;
  const render = (values: TemplateValues): string => {
    let out = '';
    for (let i = 0; i < count; i += 1) {
      const value = values[keys[i]!];
      const nounForms = forms[i];
      out += texts[i]! + (value === undefined ? raw[i]! : nounForms === undefined ? String(value) : fillPlaceholder(value, nounForms));
    }
    return out + tail;
  };
  return { constant: count === 0 ? tail : undefined, keys, render };
}

export interface PartialTemplate {
  /** The text, when no placeholder is left to fill. */
  constant: string | undefined;
  /** The placeholders left, in order. */
  keys: readonly string[];
  render(values: TemplateValues): string;
}

/** Quantities as a person reads them: no float noise, at most two decimals. */
export function formatQuantity(value: number | undefined): string | undefined {
  if (value === undefined) return undefined;
  // Above ~1.8e306 `value * 100` overflows to Infinity: such a number has no decimals to round.
  const scaled = value * 100;
  return Number.isFinite(scaled) ? String(Math.round(scaled) / 100) : String(value);
}
