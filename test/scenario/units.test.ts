// Quantities: working-time day and week, the three field kinds, dimension errors, and
// the restriction to plain arithmetic (no functions, no assignments).
import { describe, expect, it } from 'vitest';
import { readQuantity, toHours, toHoursPerWeek, toPerHour, UnitError } from '../../sim/scenario/index.js';

describe('units', () => {
  it('reads the documented examples on a working-hour clock', () => {
    expect(toPerHour('2.5 per day')).toBeCloseTo(2.5 / 8, 12);
    expect(toHoursPerWeek('0.8 * 38 h/week')).toBeCloseTo(30.4, 12);
    expect(toHours('10 days')).toBeCloseTo(80, 12);
    expect(toHours('45 min')).toBeCloseTo(0.75, 12);
    expect(toHours('52 weeks')).toBeCloseTo(2080, 9);
    expect(toHours('1 week')).toBeCloseTo(40, 12);
    expect(toPerHour('30 per day')).toBeCloseTo(3.75, 12);
    expect(toPerHour('150 per week')).toBeCloseTo(3.75, 12);
    expect(toPerHour('2 / h')).toBeCloseTo(2, 12);
    expect(toHoursPerWeek('36 h/week')).toBeCloseTo(36, 12);
    expect(toHours('2 h + 30 min')).toBeCloseTo(2.5, 12);
    expect(toHours('(1 + 1) * 90 s')).toBeCloseTo(0.05, 12);
  });

  it('takes plain numbers, and strings without a unit, in the field unit', () => {
    expect(toHours(5)).toBe(5);
    expect(toHours('5')).toBe(5);
    expect(toPerHour(0.25)).toBe(0.25);
    expect(toHoursPerWeek(36)).toBe(36);
    expect(toHoursPerWeek('36 h')).toBeCloseTo(36, 12); // a bare time is read as per week
  });

  it('refuses a quantity of the wrong dimension, saying what was expected', () => {
    expect(() => toHours('3 per day')).toThrow('expected a time (e.g. "45 min", "2 h", "3 days"), got a rate');
    expect(() => toPerHour('2 h')).toThrow('expected a rate');
    expect(() => toHoursPerWeek('3 per day')).toThrow('expected hours per week');
    expect(() => toHours('2 h/week')).toThrow('got a ratio of units');
  });

  it('refuses negative, non-finite and unparsable values', () => {
    expect(() => toHours('-2 h')).toThrow('must not be negative');
    expect(() => toHours(-1)).toThrow('must not be negative');
    expect(() => toHours('1e400 h')).toThrow('not a finite quantity');
    expect(() => toHours('0/0')).toThrow('not a finite quantity');
    expect(() => toHours(Number.NaN)).toThrow(UnitError);
    expect(() => toHours('45 min +')).toThrow('cannot read "45 min +" as a quantity');
    expect(() => toHours('')).toThrow('empty quantity');
    expect(() => toHours('x'.repeat(300))).toThrow('at most 200');
  });

  it('refuses units other than s, min, h, day and week', () => {
    expect(() => toHours('1 year')).toThrow('unknown unit "year"');
    expect(() => toHours('2 m')).toThrow('unknown unit "m"');
    expect(() => toHours('pi h')).toThrow('unknown unit "pi"');
  });

  it('never evaluates functions, assignments or other expressions', () => {
    expect(() => toHours('import("fs")')).toThrow('functions are not allowed');
    expect(() => toHours("evaluate('1')")).toThrow('functions are not allowed');
    expect(() => toHours('createUnit("x")')).toThrow('functions are not allowed');
    expect(() => toHours('f(x) = x')).toThrow('assignments are not allowed');
    expect(() => toHours('a = 2')).toThrow('assignments are not allowed');
    expect(() => toHours('[1, 2]')).toThrow('not a plain quantity');
    expect(() => toHours('a.b')).toThrow(UnitError);
    expect(() => toHours('1 h to min')).toThrow('operator "to" is not allowed');
    expect(() => toHours('2 > 1 ? 1 : 2')).toThrow(UnitError);
    expect(() => toHours('"5"')).toThrow('only numbers and units');
  });

  it('reports every failure as a UnitError', () => {
    for (const bad of ['3 per day', 'import("x")', '-1 h', 'nonsense!', '1 year']) {
      expect(() => readQuantity(bad, 'time')).toThrow(UnitError);
    }
  });
});
