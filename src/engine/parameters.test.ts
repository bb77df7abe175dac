import { describe, expect, it } from 'vitest';
import type { CheckEntry } from '../types.js';
import { resolveParameters } from './parameters.js';

const check = {
  id: 'x.1.1.demo',
  parameters: { tolerance: { default: 0.2, min: 0, max: 0.5, reason: 'demo' } },
  message: { fail: { zh: '偏离 {tolerance} 以上（{detail}）', en: 'off by more than {tolerance} ({detail})' } },
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

  it("words a message that names a parameter with the value judged, leaving the finding's own placeholders", () => {
    expect(resolveParameters(check).message.fail).toEqual({ zh: '偏离 0.2 以上（{detail}）', en: 'off by more than 0.2 ({detail})' });
    expect(resolveParameters(check, { tolerance: 0.1 }).message.fail.en).toBe('off by more than 0.1 ({detail})');
  });

  it('rejects names that live on Object.prototype', () => {
    for (const name of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(() => resolveParameters(check, JSON.parse(`{"${name}": 0.1}`) as Record<string, number>)).toThrow(`has no parameter '${name}'`);
    }
  });

  it('rejects a value outside the declared range, with the reason', () => {
    expect(() => resolveParameters(check, { tolerance: -1 })).toThrow("parameter 'tolerance' must be from 0 to 0.5 (got -1); demo");
    expect(() => resolveParameters(check, { tolerance: 1e8 })).toThrow(/from 0 to 0.5/);
    expect(valueOf(resolveParameters(check, { tolerance: 0.5 }))).toContain('"tolerance":0.5');
  });

  it('rejects an override the check does not declare, listing the ones it has', () => {
    expect(() => resolveParameters(check, { tolerence: 1 })).toThrow("check 'x.1.1.demo' has no parameter 'tolerence' (it has: tolerance)");
  });
});
