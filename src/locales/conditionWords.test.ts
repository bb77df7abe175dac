import { describe, expect, it } from 'vitest';
import { conditionWords } from './conditionWords.js';

describe('conditionWords', () => {
  it('words booleans, lists and bounds with labels', () => {
    expect(conditionWords({ fact: 'hasServiceWindow', operator: 'equal', value: true }, 'zh')).toBe('服务窗口：是');
    expect(conditionWords({ fact: 'assignedBy', operator: 'in', value: ['department', 'streetOffice'] }, 'zh')).toBe('交办单位为职能部门或街道办事处');
    expect(conditionWords({ fact: 'gridWorkers', operator: 'greaterThanInclusive', value: 1 }, 'en')).toBe('grid workers ≥ 1');
    expect(conditionWords({ fact: 'facilityComponents', operator: 'includesAll', value: ['policeOffice'] }, 'zh')).toBe('综合服务设施组成包括警务室');
  });

  it('counts entries in the singular for exactly one', () => {
    expect(conditionWords({ fact: 'budgets', operator: 'lengthAtLeast', value: 1 }, 'en')).toMatch(/ has at least 1 entry$/);
    expect(conditionWords({ fact: 'budgets', operator: 'lengthAtLeast', value: 2 }, 'en')).toMatch(/ has at least 2 entries$/);
    expect(conditionWords({ fact: 'budgets', operator: 'lengthAtLeast', value: 1 }, 'zh')).toMatch(/至少 1 项$/);
  });

  it('joins all and any, bracketing nested groups', () => {
    const condition = {
      all: [
        { fact: 'temporary', operator: 'equal', value: true },
        { any: [{ fact: 'onDutyList', operator: 'equal', value: true }, { fact: 'onAssistanceList', operator: 'equal', value: true }] },
      ],
    };
    expect(conditionWords(condition, 'zh')).toBe('临时性事务：是，并且（列入工作事项清单：是，或者列入协助事项清单：是）');
    expect(conditionWords({ all: [] }, 'en')).toBe('always');
  });

  it('names a fact compared with another fact, and derived facts by their inputs', () => {
    expect(conditionWords({ fact: 'buildingsWithLeader', operator: 'equal', value: { fact: 'buildings' } }, 'zh')).toBe('已确定楼栋长的楼栋数为楼栋数');
    const scaled = { fact: 'scaled', operator: 'lessThanInclusive', value: { fact: 'emergencyMobileTeams' }, params: { of: { fact: 'compounds' }, rate: 0.5, per: 1 } };
    expect(conditionWords(scaled, 'zh')).toBe('小区数×0.5/1不多于 应急机动队数');
  });
});
