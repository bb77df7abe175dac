import { describe, expect, it } from 'vitest';
import { applyPhraseTable, PHRASE_TABLE } from './phrases.js';
import { convertTaiwanCharacters, toMainlandSimplified } from './simplify.js';

describe('PHRASE_TABLE', () => {
  it('gives every entry a one-line reason', () => {
    for (const entry of PHRASE_TABLE) {
      expect(entry.reason.length).toBeGreaterThan(10);
      expect(entry.reason).not.toContain('\n');
    }
  });

  it('maps each phrase once, never onto another entry’s phrase', () => {
    const froms = PHRASE_TABLE.map((entry) => entry.from);
    expect(new Set(froms).size).toBe(froms.length);
    for (const entry of PHRASE_TABLE) expect(froms).not.toContain(entry.to);
  });

  it('is written in simplified characters, as it runs after opencc', () => {
    for (const entry of PHRASE_TABLE.filter((phrase) => phrase.from !== '製定')) {
      expect(convertTaiwanCharacters(entry.from)).toBe(entry.from);
    }
  });
});

describe('applyPhraseTable', () => {
  it('replaces the longer phrase first (入口网站 before any shorter entry)', () => {
    const table = [
      { from: '网站', to: 'X', reason: 'shorter entry listed first' },
      { from: '入口网站', to: '门户网站', reason: 'longer entry listed second' },
    ];
    expect(applyPhraseTable('建立社区入口网站和网站', table)).toBe('建立社区门户网站和X');
  });

  it('does not rewrite its own output', () => {
    expect(applyPhraseTable('格线化', [
      { from: '格线', to: '网格', reason: 'grid' },
      { from: '网格', to: 'never', reason: 'would loop' },
    ])).toBe('网格化');
  });

  it('returns the text unchanged for an empty table', () => {
    expect(applyPhraseTable('民众', [])).toBe('民众');
  });
});

describe('toMainlandSimplified', () => {
  it('converts the Taiwan-localised Guiyang wording back to the mainland law', () => {
    expect(toMainlandSimplified('科學劃分社區格線,合理配置格線工作人員,建立社區服務管理網路')).toBe(
      '科学划分社区网格,合理配置网格工作人员,建立社区服务管理网络',
    );
    expect(toMainlandSimplified('設立集中辦事服務視窗')).toBe('设立集中办事服务窗口');
    expect(toMainlandSimplified('制定以民眾滿意度為主要標準')).toBe('制定以群众满意度为主要标准');
    expect(toMainlandSimplified('依照本條例規定製定')).toBe('依照本条例规定制定');
  });

  it('leaves mainland simplified text alone', () => {
    const text = '社区综合服务设施场所应当满足社区实际需要,包括社区服务大厅、社区警务室。';
    expect(toMainlandSimplified(text)).toBe(text);
  });
});
