// --scale flags: factors that move many parameters together (experiment/scale.ts).
// `--scale arrivals=0.8:1.3` is a Latin hypercube range (with --samples),
// `--scale arrivals=0.8,1,1.2` grid levels. Values are plain multipliers, or carry the
// unit "x" (1.2x) or "%" (120%). In a design point a factor is the key `scale:<name>`;
// CSV headers name it `scale_<name> [x]`.

import type { FactorRange } from '../experiment/design-points.js';
import { isScaleName, SCALE_KEY_PREFIX, SCALE_MEANING, SCALE_NAMES } from '../experiment/scale.js';
import { UsageError } from './errors.js';

export const SCALE_HINT = `expected name=min:max or name=v1,v2,..., a name from ${SCALE_NAMES.join(', ')}, values as multipliers (1.2, 1.2x or 120%), e.g. --scale arrivals=0.8:1.3`;

export const SCALE_HELP = SCALE_NAMES.map((n) => `${n}: ${SCALE_MEANING[n]}`).join('; ');

/** One multiplier: 1.2, 1.2x or 120%; undefined when it is not one. */
export function multiplier(text: string): number | undefined {
  const m = /^\s*((?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*(x|%)?\s*$/i.exec(text);
  if (!m) return undefined;
  const v = Number(m[1]) / (m[2] === '%' ? 100 : 1);
  return Number.isFinite(v) && v > 0 ? v : undefined;
}

export interface ScaleArgs {
  grid: Record<string, number[]>;
  ranges: Record<string, FactorRange>;
}

export function parseScales(flags: readonly string[], flag = '--scale'): ScaleArgs {
  const out: ScaleArgs = { grid: {}, ranges: {} };
  for (const s of flags) {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new UsageError(`${flag} "${s}": ${SCALE_HINT}`);
    const name = s.slice(0, eq).trim();
    if (!isScaleName(name)) throw new UsageError(`${flag} "${s}": unknown factor "${name}"; valid: ${SCALE_NAMES.join(', ')}`);
    const key = `${SCALE_KEY_PREFIX}${name}`;
    if (key in out.grid || key in out.ranges) throw new UsageError(`${flag}: factor "${name}" given twice`);
    const body = s.slice(eq + 1);
    if (body.includes(':')) {
      const parts = body.split(':');
      const lo = parts.length === 2 ? multiplier(parts[0]!) : undefined;
      const hi = parts.length === 2 ? multiplier(parts[1]!) : undefined;
      if (lo === undefined || hi === undefined) throw new UsageError(`${flag} "${s}": ${SCALE_HINT}; each multiplier must be a number > 0`);
      if (!(hi > lo)) throw new UsageError(`${flag} "${s}": need min < max`);
      if (hi > 100) throw new UsageError(`${flag} "${s}": at most 100x`);
      out.ranges[key] = { min: lo, max: hi };
    } else {
      const levels = body.split(',').map(multiplier);
      if (levels.length === 0 || levels.some((v) => v === undefined)) throw new UsageError(`${flag} "${s}": ${SCALE_HINT}; each multiplier must be a number > 0`);
      if (levels.some((v) => v! > 100)) throw new UsageError(`${flag} "${s}": at most 100x`);
      out.grid[key] = levels as number[];
    }
  }
  return out;
}

/** A CSV/table column name for a point key: `scale:arrivals` becomes `scale_arrivals [x]`. */
export function pointColumn(key: string): string {
  return key.startsWith(SCALE_KEY_PREFIX) ? `scale_${key.slice(SCALE_KEY_PREFIX.length)} [x]` : key;
}

/** Renames the point columns of a CSV's header line. */
export function renameCsvHeader(csv: string, keys: readonly string[]): string {
  const nl = csv.indexOf('\n');
  if (nl < 0 || !keys.some((k) => k.startsWith(SCALE_KEY_PREFIX))) return csv;
  const cells = csv.slice(0, nl).split(',');
  keys.forEach((k, i) => {
    if (cells[i] === k) cells[i] = pointColumn(k);
  });
  return `${cells.join(',')}${csv.slice(nl)}`;
}
