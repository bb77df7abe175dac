import { describe, expect, it } from 'vitest';
import { deepFreeze } from './deepFreeze.js';

describe('deepFreeze', () => {
  it('freezes nested objects and arrays in place and returns the same value', () => {
    // Arrange
    const value = { a: { b: [1, { c: 'x' }] }, d: 'y' };
    // Act
    const frozen = deepFreeze(value);
    // Assert
    expect(frozen).toBe(value);
    expect(Object.isFrozen(value)).toBe(true);
    expect(Object.isFrozen(value.a)).toBe(true);
    expect(Object.isFrozen(value.a.b)).toBe(true);
    expect(Object.isFrozen(value.a.b[1])).toBe(true);
    expect(() => {
      (value.a.b as unknown[]).push(2);
    }).toThrow(TypeError);
  });

  it('returns primitives and null unchanged', () => {
    expect(deepFreeze(3)).toBe(3);
    expect(deepFreeze(null)).toBe(null);
    expect(deepFreeze('文')).toBe('文');
  });
});
