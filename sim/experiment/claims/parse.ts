// Reading a claims file: the parsed YAML document is untrusted data, checked field by
// field; every problem names its path inside the file and what would be valid. The
// names it refers to (metrics, series, designs) are checked here against the model's
// lists and, by the runner, against the scenarios it loads.

import { METRIC_IDS, SERIES_NAMES } from '../../model/index.js';
import { STRAIN_SERIES } from '../../model/strain.js';
import { EXPECTATIONS, type Check, type Claim, type ClaimsFile, type ClaimsSettings, type Expectation, type WeekWindow } from './types.js';

export class ClaimsFileError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ClaimsFileError';
  }
}

/** Factors a convergence check may lower (those of the scale transform). */
export const LOW_FACTORS = ['arrivals', 'service', 'questions', 'external'] as const;

const MAX_CLAIMS = 100;
const MAX_CHECKS = 20;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function parseClaimsFile(doc: unknown): ClaimsFile {
  const problems: string[] = [];
  const bad = (path: string, what: string) => {
    problems.push(`${path}: ${what}`);
  };
  if (!isObject(doc)) throw new ClaimsFileError(['(top): expected a mapping with `stroom: claims`, `settings` and `claims`']);
  if (doc['stroom'] !== 'claims') bad('stroom', 'expected "claims" (this marks a claims file)');
  for (const k of Object.keys(doc)) if (!['stroom', 'settings', 'claims'].includes(k)) bad(k, 'unknown key; allowed: stroom, settings, claims');

  const s = isObject(doc['settings']) ? doc['settings'] : (bad('settings', 'expected a mapping'), {});
  const int = (path: string, v: unknown, min: number, max: number): number => {
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    bad(path, `expected a whole number from ${min} to ${max}, got ${JSON.stringify(v)}`);
    return min;
  };
  const share = (path: string, v: unknown): number => {
    if (typeof v === 'number' && v >= 0 && v < 1) return v;
    bad(path, `expected a share in [0, 1), e.g. 0.02, got ${JSON.stringify(v)}`);
    return 0;
  };
  const settings: ClaimsSettings = {
    replications: int('settings.replications', s['replications'], 2, 1000),
    quickReplications: int('settings.quickReplications', s['quickReplications'], 2, 1000),
    relevant: share('settings.relevant', s['relevant']),
    robustnessPoints: int('settings.robustnessPoints', s['robustnessPoints'], 0, 10_000),
    robustnessReplications: int('settings.robustnessReplications', s['robustnessReplications'], 1, 100),
    quickRobustnessPoints: int('settings.quickRobustnessPoints', s['quickRobustnessPoints'], 0, 10_000),
    seed: int('settings.seed', s['seed'], 0, 2 ** 31 - 1),
  };

  const list = doc['claims'];
  const claims: Claim[] = [];
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_CLAIMS) bad('claims', `expected a list of 1 to ${MAX_CLAIMS} claims`);
  else {
    const ids = new Set<string>();
    list.forEach((c, i) => {
      const claim = parseClaim(c, `claims[${i}]`, bad, int);
      if (claim === undefined) return;
      if (ids.has(claim.id)) bad(`claims[${i}].id`, `"${claim.id}" is used twice`);
      ids.add(claim.id);
      claims.push(claim);
    });
  }
  if (problems.length > 0) throw new ClaimsFileError(problems);
  return { settings, claims };
}

type Bad = (path: string, what: string) => void;
type Int = (path: string, v: unknown, min: number, max: number) => number;

function text(path: string, v: unknown, bad: Bad, max = 2000): string {
  if (typeof v === 'string' && v.trim().length > 0 && v.length <= max) return v;
  bad(path, `expected text of 1 to ${max} characters`);
  return '';
}

function parseClaim(c: unknown, at: string, bad: Bad, int: Int): Claim | undefined {
  if (!isObject(c)) {
    bad(at, 'expected a mapping');
    return undefined;
  }
  const allowed = ['id', 'number', 'title', 'statement', 'source', 'scenario', 'set', 'checks', 'note', 'mechanism'];
  for (const k of Object.keys(c)) if (!allowed.includes(k)) bad(`${at}.${k}`, `unknown key; allowed: ${allowed.join(', ')}`);
  const id = text(`${at}.id`, c['id'], bad, 64);
  if (id && !/^[a-z0-9][a-z0-9-]*$/.test(id)) bad(`${at}.id`, 'expected lower-case letters, digits and dashes');
  const claim: Claim = {
    id,
    number: int(`${at}.number`, c['number'], 1, 999),
    title: text(`${at}.title`, c['title'], bad, 200),
    statement: text(`${at}.statement`, c['statement'], bad),
    source: text(`${at}.source`, c['source'], bad, 500),
    scenario: text(`${at}.scenario`, c['scenario'], bad, 500),
    checks: [],
  };
  if (claim.source && !/\b\d{3}:L\d+/.test(claim.source)) bad(`${at}.source`, 'expected source lines such as "000:L1375-1379"');
  if (c['set'] !== undefined) {
    if (!isObject(c['set'])) bad(`${at}.set`, 'expected a mapping of scenario paths to values');
    else claim.set = c['set'];
  }
  for (const k of ['note', 'mechanism'] as const) if (c[k] !== undefined) claim[k] = text(`${at}.${k}`, c[k], bad);
  const checks = c['checks'];
  if (!Array.isArray(checks) || checks.length === 0 || checks.length > MAX_CHECKS) bad(`${at}.checks`, `expected a list of 1 to ${MAX_CHECKS} checks`);
  else checks.forEach((k, j) => {
    const check = parseCheck(k, `${at}.checks[${j}]`, bad);
    if (check) claim.checks.push(check);
  });
  return claim;
}

const KINDS = ['difference', 'change', 'diff-in-diff', 'convergence', 'tipping', 'cannot-test'];

function parseCheck(k: unknown, at: string, bad: Bad): Check | undefined {
  if (!isObject(k)) {
    bad(at, 'expected a mapping');
    return undefined;
  }
  const kind = k['kind'];
  if (typeof kind !== 'string' || !KINDS.includes(kind)) {
    bad(`${at}.kind`, `expected one of ${KINDS.join(', ')}`);
    return undefined;
  }
  const label = text(`${at}.label`, k['label'], bad, 200);
  if (kind === 'cannot-test') return { kind, label, why: text(`${at}.why`, k['why'], bad) };
  const expect = k['expect'] as Expectation;
  if (!EXPECTATIONS.includes(expect)) bad(`${at}.expect`, `expected one of ${EXPECTATIONS.join(', ')}`);
  const relevant = k['relevant'];
  if (relevant !== undefined && !(typeof relevant === 'number' && relevant >= 0 && relevant < 1)) bad(`${at}.relevant`, 'expected a share in [0, 1)');
  const base = { label, expect, ...(typeof relevant === 'number' ? { relevant } : {}) };
  const seriesKind = kind === 'change' || kind === 'diff-in-diff';
  const metric = k['metric'];
  const names: readonly string[] = seriesKind ? [...SERIES_NAMES, ...STRAIN_SERIES] : METRIC_IDS;
  if (kind !== 'tipping' && (typeof metric !== 'string' || !names.includes(metric))) bad(`${at}.metric`, `expected a ${seriesKind ? 'weekly series' : 'metric'}: one of ${names.join(', ')}`);
  const designs = (): [string, string] => {
    const d = k['designs'];
    if (Array.isArray(d) && d.length === 2 && d.every((x) => typeof x === 'string' && x.length > 0) && d[0] !== d[1]) return [d[0], d[1]];
    bad(`${at}.designs`, 'expected two different design names [a, b]; the statistic is b − a');
    return ['', ''];
  };
  const windows = (): [WeekWindow, WeekWindow] => {
    const w = k['windows'];
    const one = (v: unknown, p: string): WeekWindow => {
      if (Array.isArray(v) && v.length === 2 && v.every((x) => Number.isInteger(x) && (x as number) >= 1) && (v[0] as number) <= (v[1] as number)) return { from: v[0] as number, to: v[1] as number };
      bad(p, 'expected [first week, last week] of the run (week 1 is the first week, warm-up included)');
      return { from: 1, to: 1 };
    };
    if (!Array.isArray(w) || w.length !== 2) {
      bad(`${at}.windows`, 'expected two windows [[a, b], [c, d]]');
      return [{ from: 1, to: 1 }, { from: 1, to: 1 }];
    }
    return [one(w[0], `${at}.windows[0]`), one(w[1], `${at}.windows[1]`)];
  };
  if (kind === 'tipping') {
    const l = k['loads'];
    let loads: [number, number, number] = [1, 2, 2];
    if (Array.isArray(l) && l.length === 3 && typeof l[0] === 'number' && typeof l[1] === 'number' && l[0] > 0 && l[1] > l[0] && l[1] <= 20 && Number.isInteger(l[2]) && l[2] >= 2 && l[2] <= 50) loads = [l[0], l[1], l[2]];
    else bad(`${at}.loads`, 'expected [lowest arrival scale, highest, number of loads], e.g. [0.8, 2, 7]: 0 < lowest < highest <= 20, 2 to 50 loads');
    if (expect !== 'higher' && expect !== 'lower') bad(`${at}.expect`, 'a tipping check expects higher (b tips at a higher load than a) or lower');
    return { kind, ...base, designs: designs(), loads };
  }
  const m = String(metric);
  if (kind === 'difference') return { kind, ...base, designs: designs(), metric: m };
  if (kind === 'diff-in-diff') return { kind, ...base, designs: designs(), metric: m, windows: windows() };
  if (kind === 'change') return { kind, ...base, design: text(`${at}.design`, k['design'], bad, 200), metric: m, windows: windows() };
  const low = k['low'];
  const lowOut: Record<string, number> = {};
  if (!isObject(low) || Object.keys(low).length === 0) bad(`${at}.low`, `expected factors to lower, e.g. { questions: 0.1 }; factors: ${LOW_FACTORS.join(', ')}`);
  else for (const [f, v] of Object.entries(low)) {
    if (!(LOW_FACTORS as readonly string[]).includes(f)) bad(`${at}.low.${f}`, `unknown factor; factors: ${LOW_FACTORS.join(', ')}`);
    else if (!(typeof v === 'number' && v > 0 && v <= 10)) bad(`${at}.low.${f}`, 'expected a multiplier in (0, 10]');
    else lowOut[f] = v;
  }
  return { kind: 'convergence', ...base, designs: designs(), metric: m, low: lowOut };
}
