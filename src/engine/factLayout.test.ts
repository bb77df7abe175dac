import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FactLayout } from './factLayout.js';

describe('FactLayout', () => {
  it('reads every fact of the layout into its slot, absent ones as undefined, other keys left out', () => {
    const layout = new FactLayout(['households', 'setting', 'emergency']);
    const slots = layout.read({ emergency: { plan: true }, other: 1, households: 0 });
    expect(slots).toEqual([0, undefined, { plan: true }]);
  });

  it('gives at each slot what reading the fact by name gives, for any facts object', () => {
    const names = ['a', 'b', 'c', 'd'];
    const layout = new FactLayout(names);
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('a', 'b', 'c', 'x', 'y'), fc.jsonValue()), (facts) => {
        const slots = layout.read(facts);
        for (const name of names) expect(slots[layout.slot(name)!]).toBe(facts[name]);
      }),
    );
  });
});
