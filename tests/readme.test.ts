import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withChecksTable } from '../scripts/checksTable.js';

describe('README', () => {
  it('carries the checks table as generated from the rule files (run npm run docs after editing rules/)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toBe(withChecksTable(readme));
  });

  it('opens with the two commands a newcomer runs', () => {
    const head = readFileSync('README.md', 'utf8').split('\n').slice(0, 25).join('\n');
    expect(head).toContain('npm test');
    expect(head).toMatch(/shequ-rules(\.js)? check|cli\.js check/);
  });
});
