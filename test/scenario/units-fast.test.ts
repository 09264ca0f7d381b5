// The quantity fast path (sim/scenario/quantity-fast.ts) against the mathjs path it
// stands in for: on every form it knows, every time unit, many numbers and every kind,
// readQuantity must return the very number (Object.is) or throw the very message that
// reading through mathjs gives. And the common forms must really take the fast path.

import { describe, expect, it } from 'vitest';
import { fastQuantity, unitSeconds } from '../../sim/scenario/quantity-fast.js';
import { DAY_HOURS, readQuantity, readQuantityByMathjs, type QuantityKind } from '../../sim/scenario/units.js';
import { WEEK_HOURS } from '../../sim/model/spec.js';

const KINDS: QuantityKind[] = ['time', 'rate', 'hoursPerWeek'];
const UNITS = Object.keys(unitSeconds(DAY_HOURS, WEEK_HOURS));
const NUMBERS = ['0', '1', '2', '7', '0.1', '0.3', '0.7', '0.9', '2.5', '36', '38', '45', '0.85', '123.456', '1150', '99999.99'];

function outcome(f: () => number): { value: number } | { error: string } {
  try {
    return { value: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
}

function texts(): string[] {
  const out: string[] = [];
  for (const n of NUMBERS) {
    out.push(n, ` ${n} `);
    for (const u of UNITS) {
      out.push(`${n} ${u}`, `${n}${u}`, `${n} per ${u}`, `${n}/${u}`, `${n} / ${u}`);
      for (const v of ['week', 'day', 'h']) out.push(`${n} ${u}/${v}`, `${n} ${u} per ${v}`, `0.9 * ${n} ${u}/${v}`, `${n}*2 ${u} / ${v}`);
    }
  }
  // Near misses the fast path must leave alone.
  out.push('45 mon', '45\tmin', '045 min', '.5 h', '1e3 h', '-2 h', '2 h h', '30 perday', '30per day', '2 * 3 h', '36 h/week/week', '');
  return out;
}

describe('quantity fast path', () => {
  it('gives exactly what mathjs gives, value or message, for every form, unit, number and kind', () => {
    let compared = 0;
    for (const t of texts()) {
      for (const kind of KINDS) {
        expect(outcome(() => readQuantity(t, kind)), `${JSON.stringify(t)} as ${kind}`).toEqual(outcome(() => readQuantityByMathjs(t, kind)));
        const fast = outcome(() => readQuantity(t, kind));
        const slow = outcome(() => readQuantityByMathjs(t, kind));
        if ('value' in fast && 'value' in slow) expect(Object.is(fast.value, slow.value), `${t} as ${kind}`).toBe(true);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(5000);
  });

  it('takes the fast path for the forms scenario files use', () => {
    const seconds = unitSeconds(DAY_HOURS, WEEK_HOURS);
    expect(fastQuantity('45 min', 'time', seconds)).toBe(0.75);
    expect(fastQuantity('2 weeks', 'time', seconds)).toBe(80);
    expect(fastQuantity('30 / day', 'rate', seconds)).toBeCloseTo(3.75, 12);
    expect(fastQuantity('36 h/week', 'hoursPerWeek', seconds)).toBeCloseTo(36, 12);
    expect(fastQuantity('0.9 * 40 h/week', 'hoursPerWeek', seconds)).toBeCloseTo(36, 12);
    expect(fastQuantity('0.5', 'rate', seconds)).toBe(0.5);
    // A kind that does not fit is an error, written by the mathjs path.
    expect(fastQuantity('45 min', 'rate', seconds)).toBeUndefined();
    expect(fastQuantity('30 / day', 'time', seconds)).toBeUndefined();
  });
});
