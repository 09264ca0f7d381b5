// The ?run=<scenario>&design=<d>[,<d2>]&seed=<s>&weeks=<w> part of the address, checked
// before the worker is asked for anything: a link can come from anywhere, and a typo
// (weeks=1e9, seed=abc) should be named, not turned into a run of another length.

export const MAX_RUN_WEEKS = 520;

export interface RunQuery {
  scenario: string;
  designs: string[];
  seed: number;
  weeks?: number;
}

const NAME = /^[A-Za-z0-9_.-]{1,80}$/;

/** The run the address asks for, or a message saying which parameter is wrong. */
export function checkRunQuery(params: URLSearchParams): RunQuery | string {
  const scenario = params.get('run') ?? '';
  if (!NAME.test(scenario)) return `?run=${scenario.slice(0, 40)}: expected the id of a built-in scenario (letters, digits, - _ .)`;
  const designs = (params.get('design') ?? 'island').split(',').filter(Boolean);
  if (designs.length === 0 || designs.length > 2 || designs.some((d) => !NAME.test(d))) {
    return `?design=${(params.get('design') ?? '').slice(0, 40)}: expected one design or two separated by a comma (e.g. island,usm)`;
  }
  const seedText = params.get('seed') ?? '1';
  const seed = Number(seedText);
  if (seedText.trim() === '' || !Number.isSafeInteger(seed) || seed < 0) return `?seed=${seedText.slice(0, 40)}: expected a whole number from 0`;
  const weeksText = params.get('weeks');
  if (weeksText === null) return { scenario, designs, seed };
  const weeks = Number(weeksText);
  if (weeksText.trim() === '' || !Number.isInteger(weeks) || weeks < 1 || weeks > MAX_RUN_WEEKS) {
    return `?weeks=${weeksText.slice(0, 40)}: expected a whole number of weeks from 1 to ${MAX_RUN_WEEKS}`;
  }
  return { scenario, designs, seed, weeks };
}
