// A fast path for the quantity forms scenario files use almost everywhere ("45 min",
// "30 per day", "36 h/week", "0.9 * 40 h/week", "0.5"), so that loading a scenario
// rarely needs the mathjs instance, whose set-up costs a noticeable part of a second.
//
// It must give the very number the mathjs path gives, bit for bit, so it repeats that
// path's floating-point operations in the same order (mathjs's Unit keeps values in
// seconds: "45 min" is 45 * 60 s, read in hours as that / 3600; a rate divides by the
// unit and is read per hour by dividing by 3600^-1). Whatever it does not recognise,
// or where the kind does not fit (which is an error with a message to write), it
// leaves to the mathjs path by returning undefined. test/scenario/units-fast.test.ts
// checks it against mathjs on every form, unit and kind.

import { WEEK_HOURS } from '../model/spec.js';

export type FastKind = 'time' | 'rate' | 'hoursPerWeek';

/** What mathjs holds for one of each time unit (in seconds), given the working day. */
export function unitSeconds(dayHours: number, weekHours: number): Readonly<Record<string, number>> {
  const table: Record<string, number> = {};
  const add = (names: string[], seconds: number) => {
    for (const n of names) table[n] = seconds;
  };
  add(['s', 'sec', 'secs', 'second', 'seconds'], 1);
  add(['min', 'mins', 'minute', 'minutes'], 60);
  add(['h', 'hr', 'hrs', 'hour', 'hours'], 3600);
  add(['day', 'days'], 3600 * dayHours);
  add(['week', 'weeks'], 3600 * weekHours);
  return table;
}

const SP = '[ \\t]*'; // mathjs skips spaces and tabs; a line break would start a new expression
// Only plain decimals: no sign, exponent, leading zeros or leading dot.
const NUM = '(0|[1-9]\\d*(?:\\.\\d+)?|0\\.\\d+)';
const WORD = '([a-z]+)';
const PLAIN = new RegExp(`^${NUM}$`);
const TIME = new RegExp(`^${NUM}${SP}${WORD}$`);
const RATE = new RegExp(`^${NUM}${SP}/${SP}${WORD}$`);
const RATIO = new RegExp(`^${NUM}${SP}${WORD}${SP}/${SP}${WORD}$`);
const SCALED_RATIO = new RegExp(`^${NUM}${SP}\\*${SP}${NUM}${SP}${WORD}${SP}/${SP}${WORD}$`);

/**
 * The quantity in the model's unit, or undefined to leave it to mathjs. `text` is the
 * trimmed quantity with "per" already written as "/", as the mathjs path parses it.
 */
export function fastQuantity(text: string, kind: FastKind, seconds: Readonly<Record<string, number>>): number | undefined {
  const unit = (name: string | undefined) => (name !== undefined && Object.prototype.hasOwnProperty.call(seconds, name) ? seconds[name] : undefined);
  let m = PLAIN.exec(text);
  if (m) return Number(m[1]);
  m = TIME.exec(text);
  if (m) {
    const u = unit(m[2]);
    if (u === undefined || kind === 'rate') return undefined;
    return (u * Number(m[1])) / 3600;
  }
  m = RATE.exec(text);
  if (m) {
    const u = unit(m[2]);
    if (u === undefined || kind !== 'rate') return undefined;
    return Number(m[1]) / u / Math.pow(3600, -1);
  }
  m = RATIO.exec(text);
  if (m) {
    const u1 = unit(m[2]);
    const u2 = unit(m[3]);
    if (u1 === undefined || u2 === undefined || kind !== 'hoursPerWeek') return undefined;
    return ((u1 * Number(m[1])) / u2) * WEEK_HOURS;
  }
  m = SCALED_RATIO.exec(text);
  if (m) {
    const u1 = unit(m[3]);
    const u2 = unit(m[4]);
    if (u1 === undefined || u2 === undefined || kind !== 'hoursPerWeek') return undefined;
    return (((u1 * Number(m[2])) * Number(m[1])) / u2) * WEEK_HOURS;
  }
  return undefined;
}
