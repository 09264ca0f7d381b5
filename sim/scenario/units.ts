// Quantities in scenario files ("45 min", "2.5 per day", "0.8 * 38 h/week") read by a
// private mathjs instance whose clock counts working time: a day is 8 h and a week
// 40 h. Only numbers, time units, + - * / ^ and parentheses are evaluated, by our own
// walk over the parse tree, so a scenario file can never call a function or assign.
// The mathjs instance (unit-math.ts) holds only what this needs and is made at first use;
// the common forms ("45 min", "30 per day", "36 h/week") take a fast path that gives
// the same numbers without it (quantity-fast.ts).

import { fastQuantity, unitSeconds } from './quantity-fast.js';
import { createUnitMath, isUnit, type MathNode, type Unit, type UnitMath } from './unit-math.js';
import { WEEK_HOURS } from '../model/spec.js';
import { LIMITS } from './limits.js';

export const DAY_HOURS = 8;

let instance: UnitMath | undefined;
const mathjs = (): UnitMath => (instance ??= createUnitMath(DAY_HOURS, WEEK_HOURS));

/** Time units a scenario may name. Months and years are left out on purpose: on a
 * working-hour clock they are ambiguous (write "52 weeks"). */
const TIME_UNITS = new Set([
  's', 'sec', 'secs', 'second', 'seconds',
  'min', 'mins', 'minute', 'minutes',
  'h', 'hr', 'hrs', 'hour', 'hours',
  'day', 'days', 'week', 'weeks',
]);

const OPERATORS: Record<string, (m: UnitMath) => (...args: never[]) => unknown> = {
  add: (m) => m.add,
  subtract: (m) => m.subtract,
  multiply: (m) => m.multiply,
  divide: (m) => m.divide,
  pow: (m) => m.pow,
  unaryMinus: (m) => m.unaryMinus,
  unaryPlus: (m) => m.unaryPlus,
};

export type QuantityKind = 'time' | 'rate' | 'hoursPerWeek';

const EXPECTED: Record<QuantityKind, string> = {
  time: 'a time (e.g. "45 min", "2 h", "3 days")',
  rate: 'a rate (e.g. "30 per day", "150 per week", "2 / h")',
  hoursPerWeek: 'hours per week (e.g. "36 h/week", "0.8 * 38 h/week", or "36 h" meaning per week)',
};

export class UnitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnitError';
  }
}

type Value = number | Unit;

interface Evaluated {
  value: Value;
  /** Whether any unit was named: "36 h/week" is a ratio of units, "36" a bare number. */
  hasUnits: boolean;
}

function evaluateNode(node: MathNode, source: string, state: { hasUnits: boolean }): Value {
  switch (node.type) {
    case 'ConstantNode': {
      const value = (node as unknown as { value: unknown }).value;
      if (typeof value !== 'number') throw new UnitError(`"${source}": only numbers and units are allowed, got ${JSON.stringify(value)}`);
      return value;
    }
    case 'SymbolNode': {
      const name = (node as unknown as { name: string }).name;
      if (!TIME_UNITS.has(name)) {
        throw new UnitError(`"${source}": unknown unit "${name}"; use s, min, h, day or week (a day is ${DAY_HOURS} working hours, a week ${WEEK_HOURS})`);
      }
      state.hasUnits = true;
      return mathjs().unit(1, name);
    }
    case 'ParenthesisNode':
      return evaluateNode((node as unknown as { content: MathNode }).content, source, state);
    case 'OperatorNode': {
      const op = node as unknown as { fn: string; op: string; args: MathNode[] };
      const fn = Object.prototype.hasOwnProperty.call(OPERATORS, op.fn) ? OPERATORS[op.fn]?.(mathjs()) : undefined;
      if (!fn) throw new UnitError(`"${source}": operator "${op.op}" is not allowed; use + - * / ^ and parentheses`);
      const args = op.args.map((a) => evaluateNode(a, source, state));
      try {
        return (fn as (...a: Value[]) => Value)(...args);
      } catch {
        throw new UnitError(`"${source}": cannot combine these terms (e.g. adding a number to a time); write it as one quantity such as "2.5 h"`);
      }
    }
    case 'FunctionNode':
      throw new UnitError(`"${source}": functions are not allowed in a quantity; use numbers, units (s, min, h, day, week), + - * / ^ and parentheses`);
    case 'AssignmentNode':
    case 'FunctionAssignmentNode':
      throw new UnitError(`"${source}": assignments are not allowed in a quantity; use numbers, units, + - * / ^ and parentheses`);
    default:
      throw new UnitError(`"${source}" is not a plain quantity (${node.type}); use numbers, units (s, min, h, day, week), + - * / ^ and parentheses`);
  }
}

/** Parses and evaluates a quantity string without converting it to any kind. */
function evaluate(text: string): Evaluated {
  if (text.length > LIMITS.quantityChars) throw new UnitError(`quantity is ${text.length} characters; at most ${LIMITS.quantityChars} are allowed`);
  const source = text.trim();
  if (source === '') throw new UnitError('empty quantity; write a number with a unit, e.g. "2 h"');
  let node: MathNode;
  try {
    node = mathjs().parse(source.replace(/\bper\b/g, '/'));
  } catch (e) {
    throw new UnitError(`cannot read "${source}" as a quantity (${(e as Error).message}); write e.g. "45 min" or "30 per day"`);
  }
  const state = { hasUnits: false };
  const value = evaluateNode(node, source, state);
  return { value, hasUnits: state.hasUnits };
}

/** What a value is, in words, for messages. */
function describe(ev: Evaluated): string {
  const v = ev.value;
  if (typeof v === 'number') return ev.hasUnits ? 'a ratio of units (the units cancel out)' : 'a plain number';
  if (!isUnit(v)) return 'something that is not a quantity';
  const dims = v.dimensions as number[];
  const time = dims[2] ?? 0;
  const otherDims = dims.some((d, i) => i !== 2 && d !== 0);
  if (otherDims) return `a quantity in ${v.formatUnits()}`;
  if (time === 1) return 'a time';
  if (time === -1) return 'a rate';
  if (time === 0) return 'a ratio of units (the units cancel out)';
  return `a quantity in ${v.formatUnits()}`;
}

function magnitude(ev: Evaluated, kind: QuantityKind): number | undefined {
  const v = ev.value;
  if (typeof v === 'number') {
    if (!ev.hasUnits) return v;
    return kind === 'hoursPerWeek' ? v * WEEK_HOURS : undefined;
  }
  if (!isUnit(v)) return undefined;
  const dims = v.dimensions as number[];
  if (dims.some((d, i) => i !== 2 && d !== 0)) return undefined;
  const time = dims[2] ?? 0;
  if ((kind === 'time' || kind === 'hoursPerWeek') && time === 1) return v.toNumber('h');
  if (kind === 'rate' && time === -1) return v.toNumber('h^-1');
  if (kind === 'hoursPerWeek' && time === 0) return (v.value ?? 0) * WEEK_HOURS;
  return undefined;
}

/**
 * A quantity in the unit the model uses: hours for a time, per hour for a rate, hours
 * per week for contract and overtime hours (where a bare time, "36 h", is read as per
 * week). Plain numbers (and unitless strings) are taken as already in that unit.
 * Throws UnitError with a message naming what would be valid.
 */
export function readQuantity(q: number | string, kind: QuantityKind): number {
  return checked(q, kind, typeof q === 'string' && q.length <= LIMITS.quantityChars ? fastQuantity(q.trim().replace(/\bper\b/g, '/'), kind, SECONDS) : undefined);
}

/** readQuantity without the fast path: always through mathjs (for tests of the fast path). */
export function readQuantityByMathjs(q: number | string, kind: QuantityKind): number {
  return checked(q, kind, undefined);
}

const SECONDS = unitSeconds(DAY_HOURS, WEEK_HOURS);

function checked(q: number | string, kind: QuantityKind, fast: number | undefined): number {
  const shown = typeof q === 'number' ? String(q) : `"${q.trim()}"`;
  let x = fast;
  if (x === undefined) {
    const ev: Evaluated = typeof q === 'number' ? { value: q, hasUnits: false } : evaluate(q);
    x = magnitude(ev, kind);
    if (x === undefined) throw new UnitError(`expected ${EXPECTED[kind]}, got ${describe(ev)}: ${shown}`);
  }
  if (Number.isNaN(x) || !Number.isFinite(x)) throw new UnitError(`${shown} is not a finite quantity; expected ${EXPECTED[kind]}`);
  if (x < 0) throw new UnitError(`must not be negative, got ${shown}; expected ${EXPECTED[kind]}`);
  return x === 0 ? 0 : x; // no -0
}

export const toHours = (q: number | string): number => readQuantity(q, 'time');
export const toPerHour = (q: number | string): number => readQuantity(q, 'rate');
export const toHoursPerWeek = (q: number | string): number => readQuantity(q, 'hoursPerWeek');
