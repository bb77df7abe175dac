/**
 * Where each record fact of a kind sits in a flat array. Records of one kind arrive with many
 * different sets of facts, so V8 sees hundreds of object shapes, and reading `facts.households`
 * from each closure misses its caches: in a profile of the condition core that read was half the
 * time. Copying a record's facts into slots once (one pass over its own keys) lets every condition
 * read an array index instead.
 */
export type FactSlots = readonly unknown[];

export class FactLayout {
  readonly names: readonly string[];
  readonly #index: ReadonlyMap<string, number>;
  readonly #empty: readonly unknown[];

  constructor(names: Iterable<string>) {
    this.names = Object.freeze([...new Set(names)]);
    this.#index = new Map(this.names.map((name, i) => [name, i]));
    this.#empty = this.names.map(() => undefined);
  }

  /** Whether `name` is a record fact of the kind. */
  has(name: string): boolean {
    return this.#index.has(name);
  }

  /** The slot of a record fact, or undefined when it is not one. */
  slot(name: string): number | undefined {
    return this.#index.get(name);
  }

  /**
   * The record's facts in slot order: `slots[layout.slot(name)]` is `facts[name]` for every fact
   * of the kind (undefined when absent); other keys are left out.
   *
   * @example
   * const layout = new FactLayout(['households', 'setting']);
   * layout.read({ setting: 'urban' }) // [undefined, 'urban']
   */
  read(facts: Readonly<Record<string, unknown>>): FactSlots {
    const slots = this.#empty.slice();
    const index = this.#index;
    for (const key in facts) {
      const i = index.get(key);
      if (i !== undefined) slots[i] = facts[key];
    }
    return slots;
  }

  /** The facts object `slots` were read from (its facts of the kind, in slot order; absent ones left out). */
  toObject(slots: FactSlots): Record<string, unknown> {
    const facts: Record<string, unknown> = {};
    for (let i = 0; i < this.names.length; i += 1) if (slots[i] !== undefined) facts[this.names[i]!] = slots[i];
    return facts;
  }
}
