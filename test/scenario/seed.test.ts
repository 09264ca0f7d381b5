// The seed rule shared by scenario files and --seed (sim/scenario/seed.ts).
import { describe, expect, it } from 'vitest';
import { checkSeed, SEED_HINT } from '../../sim/scenario/index.js';

describe('checkSeed', () => {
  it('accepts whole numbers from 0 to 2^53 - 1, as numbers or digit text', () => {
    for (const v of [0, 1, 2026, Number.MAX_SAFE_INTEGER]) expect(checkSeed(v)).toEqual({ ok: true, seed: v });
    expect(checkSeed('2026')).toEqual({ ok: true, seed: 2026 });
    expect(checkSeed('007')).toEqual({ ok: true, seed: 7 });
    expect(checkSeed('9007199254740991')).toEqual({ ok: true, seed: Number.MAX_SAFE_INTEGER });
  });

  it.each([1.5, -1, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY, '1.5', '-1', '+1', ' 7', '1e3', '0x10', '', 'abc', '9007199254740992', true, null, undefined, [1], { seed: 1 }])(
    'refuses %j, saying what a seed is',
    (v) => {
      const c = checkSeed(v);
      expect(c.ok).toBe(false);
      if (!c.ok) expect(c.message).toMatch(new RegExp(`^must be ${SEED_HINT.replace(/[()^]/g, '\\$&')}, got .+`));
    },
  );
});
