import { describe, expect, it } from 'vitest';
import { wordDetail } from './detail.js';

describe('wordDetail', () => {
  it('lists missing values by their labels', () => {
    const items = [
      { type: 'missingValue', path: 'facts.facilityComponents', value: 'policeOffice' },
      { type: 'missingValue', path: 'facts.facilityComponents', value: 'serviceHall' },
    ] as const;
    expect(wordDetail(items, 'zh')).toBe('警务室、服务大厅');
    expect(wordDetail(items, 'en')).toBe('police office, service hall');
  });

  it('says which value is not allowed where, in a sentence', () => {
    const items = [{ type: 'offendingValue', path: 'facts.utilityTariffs.electricity', value: 'commercial' }] as const;
    expect(wordDetail(items, 'zh')).toBe('用电价格为商业类价格');
    expect(wordDetail(items, 'en')).toBe('electricity tariff: commercial');
  });

  it('writes a late stage as a comparison of two dates in words', () => {
    const late = { type: 'lateStage', stage: 'construction', subject: 'facility', reference: 'project', referenceDate: '2022-06-01' } as const;
    expect(wordDetail([{ ...late, subjectDate: '2022-07-15' }], 'zh')).toBe('设施开工日期 2022-07-15 晚于项目开工日期 2022-06-01');
    expect(wordDetail([{ ...late, subjectDate: '2022-07-15' }], 'en')).toBe(
      'facility construction started 2022-07-15, later than project construction started 2022-06-01',
    );
    expect(wordDetail([{ ...late, subjectDate: null }], 'zh')).toBe('项目开工日期为 2022-06-01，设施开工日期尚无');
  });

  it('joins clauses with the language’s separator', () => {
    const late = { type: 'lateStage', stage: 'delivery', subject: 'facility', reference: 'project', subjectDate: null, referenceDate: '2024-01-01' } as const;
    const drop = { type: 'drop', key: '2023', previousKey: '2022' } as const;
    expect(wordDetail([late, drop], 'zh')).toBe('项目交付使用日期为 2024-01-01，设施交付使用日期尚无；2023 年比 2022 年');
    expect(wordDetail([drop], 'en')).toBe('2023 against 2022');
  });

  it('puts the missing values first, as one list, then each other item as a clause, whatever their order', () => {
    const drop = { type: 'drop', key: '2023', previousKey: '2022' } as const;
    const police = { type: 'missingValue', path: 'facts.facilityComponents', value: 'policeOffice' } as const;
    const hall = { type: 'missingValue', path: 'facts.facilityComponents', value: 'serviceHall' } as const;
    expect(wordDetail([drop, police, drop, hall], 'zh')).toBe('警务室、服务大厅；2023 年比 2022 年；2023 年比 2022 年');
    expect(wordDetail([police, drop], 'en')).toBe('police office; 2023 against 2022');
    expect(wordDetail([], 'en')).toBe('');
  });
});
