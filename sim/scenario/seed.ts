// The rule for a master seed, shared by scenario files (`experiment.seed`) and the
// command line (`--seed`), so that a run can always be repeated from either: a whole
// number from 0 to 2^53 - 1. Whole numbers only, because a seed printed in a report
// must read back as the same seed, which 1.5, 1e21 or " 7" would not guarantee.

export const SEED_HINT = 'a whole number from 0 to 9007199254740991 (2^53 - 1), e.g. 2026';

export type SeedCheck = { ok: true; seed: number } | { ok: false; message: string };

/**
 * Checks a seed as a scenario file gives it (a YAML number) or as text from a flag
 * ("2026"). Text must be digits only: no sign, decimal point, exponent or spaces.
 */
export function checkSeed(value: unknown): SeedCheck {
  const bad = (got: string): SeedCheck => ({ ok: false, message: `must be ${SEED_HINT}, got ${got}` });
  if (typeof value === 'string') {
    if (!/^[0-9]+$/.test(value)) return bad(value === '' ? 'nothing' : JSON.stringify(value));
    return checkSeed(Number(value));
  }
  if (typeof value !== 'number') {
    const kind = value === undefined ? 'nothing' : value === null || typeof value === 'boolean' ? String(value) : Array.isArray(value) ? 'a list' : 'a mapping';
    return bad(kind);
  }
  if (!Number.isSafeInteger(value) || value < 0) return bad(String(value));
  return { ok: true, seed: value };
}
