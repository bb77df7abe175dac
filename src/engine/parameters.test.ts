import { describe, expect, it } from 'vitest';
import type { CheckEntry } from '../types.js';
import { resolveParameters } from './parameters.js';

const check = {
  id: 'x.1.1.demo',
  parameters: { tolerance: { default: 0.2, reason: 'demo' } },
  conditions: {
    all: [
      { name: 'appliesWhen', all: [] },
      { name: 'passesWhen', all: [{ fact: 'n', operator: 'withinTolerance', value: { target: 10, tolerance: { param: 'tolerance' } } }] },
    ],
  },
} as unknown as CheckEntry;

const valueOf = (c: CheckEntry) => JSON.stringify(c.conditions.all[1]);

describe('resolveParameters', () => {
  it('puts the default where the rule says { param }', () => {
    expect(valueOf(resolveParameters(check))).toContain('"tolerance":0.2');
  });

  it('puts a caller override there instead', () => {
    expect(valueOf(resolveParameters(check, { tolerance: 0 }))).toContain('"tolerance":0');
  });

  it('rejects an override the check does not declare, listing the ones it has', () => {
    expect(() => resolveParameters(check, { tolerence: 1 })).toThrow("check 'x.1.1.demo' has no parameter 'tolerence' (it has: tolerance)");
  });
});
