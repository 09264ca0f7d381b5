// --range values with units: the sampled number is passed on as a quantity in the
// unit given, so 150/week:250/week means a week, not an hour (a plain number is per
// hour for rates, as in a scenario file).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRanges, withRangeUnit } from '../../sim/cli/commands/sweep.js';
import { scenarioFor } from '../../sim/node/run-model.js';
import { ROOT } from './helpers.js';

const SMALL = join(ROOT, 'test', 'scenario', 'fixtures', 'small.yaml');

describe('--range with units', () => {
  it('reads the unit from both ends, or from max alone', () => {
    expect(parseRanges(['a.b=150/week:250/week'])).toEqual({ ranges: { 'a.b': { min: 150, max: 250 } }, units: { 'a.b': '/week' } });
    expect(parseRanges(['a.b=150:250 per week:int'])).toEqual({ ranges: { 'a.b': { min: 150, max: 250, integer: true } }, units: { 'a.b': 'per week' } });
    expect(parseRanges(['x=0:0.3'])).toEqual({ ranges: { x: { min: 0, max: 0.3 } }, units: { x: '' } });
  });

  it('refuses different units at the two ends, and min >= max', () => {
    expect(() => parseRanges(['a=1/day:2/week'])).toThrow(/different units/);
    expect(() => parseRanges(['a=2:1'])).toThrow(/min < max/);
    expect(() => parseRanges(['a=1'])).toThrow(/expected path=min:max/);
  });

  it('passes a sampled value on as the quantity the scenario loader reads', () => {
    expect(withRangeUnit(163.123456789, '/week')).toBe('163.123/week');
    expect(withRangeUnit(163.5, 'per week')).toBe('163.5 per week');
    expect(withRangeUnit(0.25, '')).toBe(0.25);
    const s = scenarioFor(SMALL, { 'organisation.streams[0].arrivals': withRangeUnit(200, '/week') });
    expect(s.designs['island']!.streams[0]!.arrivalRate).toBeCloseTo(200 / 40, 12);
  });
});
