import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CityKey, RecordKind } from '../types.js';
import type { CommunityFacts, CommunityFactsInput, GridFacts } from './facts.js';
import { envelopeSchema, gridRecordSchema, recordSchema, type RecordOfKind, type ShequRecord } from './record.js';

describe('record schemas', () => {
  it('type a validated record as a union discriminated by kind, with defaults set', () => {
    expectTypeOf<ShequRecord['kind']>().toEqualTypeOf<RecordKind>();
    expectTypeOf<ShequRecord['city']>().toEqualTypeOf<CityKey>();
    expectTypeOf<RecordOfKind<'community'>['facts']>().toEqualTypeOf<CommunityFacts>();
    expectTypeOf<CommunityFacts['setting']>().toEqualTypeOf<'urban' | 'rural'>();
    expectTypeOf<CommunityFactsInput['setting']>().toEqualTypeOf<'urban' | 'rural' | undefined>();
    expectTypeOf<GridFacts['type']>().toEqualTypeOf<'comprehensive' | 'dedicated'>();
    expectTypeOf<GridFacts['households']>().toEqualTypeOf<number | undefined>();
  });

  it('parse a record of one kind with that kind’s schema', () => {
    // Act
    const record = gridRecordSchema.parse({ id: 'G', city: 'dalian', kind: 'grid' });
    // Assert
    expect(record).toEqual({ id: 'G', city: 'dalian', kind: 'grid', facts: { setting: 'urban', type: 'comprehensive' } });
  });

  it('parse any kind through the union', () => {
    // Act
    const record = recordSchema.parse({ id: 'S', city: 'guiyang', kind: 'streetOffice', facts: { compounds: 3 } });
    // Assert
    expect(record).toEqual({ id: 'S', city: 'guiyang', kind: 'streetOffice', facts: { setting: 'urban', compounds: 3 } });
  });

  it('check the envelope without reading the facts', () => {
    // Act
    const result = envelopeSchema.safeParse({ id: 'S', city: 'guiyang', kind: 'task', facts: { anything: -1 } });
    // Assert
    expect(result.success).toBe(true);
  });
});
