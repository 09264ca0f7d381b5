// RandomStream carries its own copy of Alea (written out for speed): it must give the
// very numbers seedrandom's Alea gives for the same seed string, or every pinned result
// in the repository would move.
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { RandomStream, streamSeed } from '../../sim/random/index.js';

describe('RandomStream Alea', () => {
  const seeds = [streamSeed(2026, 0, 'arrivals/a'), streamSeed(1, 7, 'cases/x'), streamSeed('text seed', 3, 'effort'), '', 'ünïcødé ✓'];
  for (const seed of seeds) {
    it(`matches seedrandom.alea number for number (${JSON.stringify(seed)})`, () => {
      const ref = seedrandom.alea(seed) as unknown as () => number;
      const mine = new RandomStream('x', seed);
      for (let i = 0; i < 20000; i++) {
        const a = ref();
        const b = mine.next();
        if (!Object.is(a, b)) expect(`draw ${i}: ${b}`).toBe(`draw ${i}: ${a}`);
      }
    });
  }
});
