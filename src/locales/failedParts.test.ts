import { describe, expect, it } from 'vitest';
import { wordFailedParts } from './failedParts.js';

describe('wordFailedParts', () => {
  it('names a required yes/no fact by its label alone', () => {
    const parts = [
      { fact: 'emergency', path: '$.team', operator: 'equal', value: true, actual: false, truth: false as const },
      { fact: 'emergency', path: '$.drills', operator: 'equal', value: true, actual: false, truth: false as const },
    ];
    expect(wordFailedParts(parts, 'zh')).toBe('应急队伍、应急演练');
    expect(wordFailedParts(parts, 'en')).toBe('emergency team, emergency drills');
  });

  it('gives a comparison with its actual value, enum values labelled', () => {
    const parts = [{ fact: 'gridWorkers', operator: 'greaterThanInclusive', value: 1, actual: 0, truth: false as const }];
    expect(wordFailedParts(parts, 'zh', 'grid')).toBe('网格员人数不少于 1（实际 0）');
    const inList = [{ fact: 'establishment', path: '$.decidedBy', operator: 'equal', value: 'districtGovernment', actual: 'other', truth: false as const }];
    expect(wordFailedParts(inList, 'zh', 'community')).toBe('社区设立的决定机关为区（市、县）人民政府（实际 其他机关）');
  });

  it('words a "not" part as the condition it negates', () => {
    const parts = [{ not: { fact: 'gridWorkers', operator: 'greaterThanInclusive', value: 1, actual: 2, truth: true as const }, truth: false as const }];
    expect(wordFailedParts(parts, 'zh', 'grid')).toBe('并非（网格员人数不少于 1）');
  });
});
