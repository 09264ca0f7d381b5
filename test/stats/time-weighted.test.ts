import { describe, expect, it } from 'vitest';
import { TimeWeighted } from '../../sim/stats/index.js';

describe('TimeWeighted', () => {
  // Step function: 0 on [0,2), 3 on [2,5), 1 on [5,9), 4 on [9,10].
  // Area = 0·2 + 3·3 + 1·4 + 4·1 = 17, mean over [0,10] = 1.7.
  function stepFunction(): TimeWeighted {
    const tw = new TimeWeighted();
    tw.update(2, 3);
    tw.update(5, 1);
    tw.update(9, 4);
    return tw;
  }

  it('time-averages a known step function', () => {
    const tw = stepFunction();
    expect(tw.area(10)).toBe(17);
    expect(tw.mean(10)).toBeCloseTo(1.7, 14);
    expect(tw.level).toBe(4);
    expect(tw.max).toBe(4);
    expect(tw.min).toBe(0);
    // Up to the last update only: (9 + 4) / 9.
    expect(tw.mean()).toBeCloseTo(13 / 9, 14);
  });

  it('add applies deltas like arrivals and departures', () => {
    // Level 0→1 at t=1, →2 at t=2, →1 at t=4: area to t=5 = 1·1 + 2·2 + 1·1 = 6.
    const tw = new TimeWeighted();
    tw.add(1, 1);
    tw.add(2, 1);
    tw.add(4, -1);
    expect(tw.level).toBe(1);
    expect(tw.area(5)).toBe(6);
    expect(tw.mean(5)).toBeCloseTo(6 / 5, 14);
    expect(tw.max).toBe(2);
  });

  it('weights simultaneous updates at zero and honours start time and initial level', () => {
    // Level 2 on [100,104), then 7 (the intermediate 50 lasts zero time) on [104,110]:
    // area = 8 + 42 = 50 over 10 time units.
    const tw = new TimeWeighted(100, 2);
    tw.update(104, 50);
    tw.update(104, 7);
    expect(tw.mean(110)).toBeCloseTo(5, 14);
    expect(tw.max).toBe(50);
  });

  it('rejects time going backwards with both times in the message', () => {
    const tw = stepFunction();
    expect(() => tw.update(8, 1)).toThrow(/8.*9/);
    expect(() => tw.update(Number.NaN, 1)).toThrow(Error);
    expect(() => tw.mean(3)).toThrow(/3.*9/);
  });

  it('reset deletes the warm-up but keeps the current level', () => {
    // Same step function, with the warm-up [0,5) deleted in the middle of the run.
    const tw = new TimeWeighted();
    tw.update(2, 3);
    tw.update(5, 1);
    tw.reset(5);
    expect(tw.level).toBe(1);
    expect(tw.startTime).toBe(5);
    expect(tw.max).toBe(1); // the 3 seen during warm-up is forgotten
    tw.update(9, 4);
    // Remaining: 1 on [5,9), 4 on [9,10] → area 8 over 5 units.
    expect(tw.area(10)).toBe(8);
    expect(tw.mean(10)).toBeCloseTo(1.6, 14);
    expect(tw.max).toBe(4);
    expect(() => tw.reset(7)).toThrow(/7.*9/);
  });

  it('reset between updates carries the level across the reset time', () => {
    const tw = new TimeWeighted(0, 5);
    tw.reset(3); // level 5 continues from t=3
    expect(tw.mean(3)).toBe(5); // zero-length window: current level
    tw.update(4, 1);
    // 5 on [3,4), 1 on [4,7] → (5 + 3) / 4 = 2.
    expect(tw.mean(7)).toBeCloseTo(2, 14);
    expect(tw.max).toBe(5);
  });
});
