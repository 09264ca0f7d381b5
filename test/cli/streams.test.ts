// Per-stream and per-team results and run diagnostics through the CLI, the way a user
// sees them: tables, tidy CSV and JSON of run, compare and sweep on the small fixture
// (light load: stationary over its window) and on test/cli/fixtures/overloaded.yaml
// (team assess at offered load 1.30 before questions).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, stroom } from './helpers.js';

const SMALL = join(ROOT, 'test', 'scenario', 'fixtures', 'small.yaml');
const OVERLOADED = join(ROOT, 'test', 'cli', 'fixtures', 'overloaded.yaml');
// 26 observed weeks after 8 of warm-up: long enough for a trend interval to be narrow,
// short enough to run in seconds.
const CALM = ['--horizon', '26', '--warmup', '8', '--workers', '2'];
const SHORT = ['--horizon', '12', '--warmup', '4', '--workers', '2'];

function csvRows(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trim().split('\n');
  const cols = head!.split(',');
  // The fixtures' ids and codes hold no commas or quotes, so a plain split is exact here.
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i]!, v])));
}

describe('per-stream results', () => {
  it('compare prints a block per stream with units, its watermelon lines, a team table and no warning on a stationary scenario', async () => {
    const r = await stroom(['compare', SMALL, '--reps', '3', ...CALM]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('lead_time_mean [h]');
    expect(r.stdout).toContain('escalations_per_100 [per 100 requests]');
    expect(r.stdout).toMatch(/^stream permits \(Permits\)$/m);
    expect(r.stdout).toMatch(/^stream reports$/m);
    expect(r.stdout).toMatch(/^ {2}watermelon, island: own KPI of the teams it passes intake [\d.]+%, assess [\d.]+%, decide [\d.]+%; .*end to end on time [\d.]+%; gap /m);
    expect(r.stdout).toMatch(/^ {2}watermelon, usm: /m);
    expect(r.stdout).toMatch(/^team \/ metric +island +usm +usm − island$/m);
    expect(r.stdout).toContain('offered_load [-]');
    expect(r.stdout).not.toMatch(/^warning:/m);
  }, 120_000);

  it('--streams picks streams and --no-streams hides them', async () => {
    const [one, none] = await Promise.all([
      stroom(['run', SMALL, '--reps', '2', '--streams', 'reports', ...SHORT]),
      stroom(['run', SMALL, '--reps', '2', '--no-streams', ...SHORT]),
    ]);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/^stream reports$/m);
    expect(one.stdout).not.toMatch(/^stream permits/m);
    expect(none.code).toBe(0);
    expect(none.stdout).not.toMatch(/^stream /m);
    const bad = await stroom(['run', SMALL, '--reps', '2', '--streams', 'nope', ...SHORT]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--streams: unknown stream "nope"; streams: permits, reports');
  }, 120_000);

  it('CSV has stream and team columns; JSON has streams, teams and diagnostics; stream lead times weighted by completions give the overall mean', async () => {
    const [csv, json] = await Promise.all([
      stroom(['compare', SMALL, '--reps', '2', '-f', 'csv', ...SHORT]),
      stroom(['run', SMALL, '--reps', '1', '-f', 'json', ...SHORT]),
    ]);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('design,replication,seed,stream,team,metric,value,diagnostics\n')).toBe(true);
    const rows = csvRows(csv.stdout);
    expect(rows.some((x) => x['stream'] === 'permits' && x['team'] === '' && x['metric'] === 'lead_time_p90')).toBe(true);
    expect(rows.some((x) => x['team'] === 'assess' && x['stream'] === '' && x['metric'] === 'offered_load')).toBe(true);
    expect(rows.some((x) => x['stream'] === '' && x['team'] === '' && x['metric'] === 'lead_time_mean')).toBe(true);

    expect(json.code).toBe(0);
    const j = JSON.parse(json.stdout) as {
      summary: Record<string, { mean: number }>;
      streams: Record<string, Record<string, { mean: number }>>;
      teams: Record<string, Record<string, { mean: number }>>;
      diagnostics: { name: string; flagged: boolean }[];
    };
    expect(Object.keys(j.streams)).toEqual(['permits', 'reports']);
    expect(Object.keys(j.teams)).toEqual(['intake', 'assess', 'decide']);
    // One replication: every mean is that replication's value.
    let weighted = 0;
    let completions = 0;
    for (const s of Object.values(j.streams)) {
      weighted += s['completions']!.mean * s['lead_time_mean']!.mean;
      completions += s['completions']!.mean;
    }
    expect(completions).toBe(j.summary['completions']!.mean);
    expect(weighted / completions).toBeCloseTo(j.summary['lead_time_mean']!.mean, 9);
    expect(j.diagnostics.map((d) => d.name)).toContain('wip_trend');
    expect(j.diagnostics.filter((d) => d.flagged && d.name !== 'coverage_trend')).toEqual([]);
  }, 120_000);

  it('sweep prints per-stream blocks and carries streams in CSV and JSON', async () => {
    const args = ['sweep', SMALL, '--set', 'organisation.streams[1].arrivals=4 per day,6 per day', '--designs', 'island', '--reps', '2', ...SHORT];
    const [table, csv, json] = await Promise.all([stroom(args), stroom([...args, '-f', 'csv']), stroom([...args, '-f', 'json'])]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^stream permits$/m);
    expect(table.stdout).toMatch(/^organisation\.streams\[1\]\.arrivals +design +lead_time_mean \[h\]/m);
    expect(table.stdout).toMatch(/^ {2}watermelon: /m);
    expect(csv.code).toBe(0);
    expect(csv.stdout.startsWith('organisation.streams[1].arrivals,design,replication,seed,stream,team,metric,value,diagnostics\n')).toBe(true);
    expect(csvRows(csv.stdout).filter((x) => x['stream'] === 'reports' && x['metric'] === 'arrivals')).toHaveLength(2 * 2);
    const j = JSON.parse(json.stdout) as { points: { streams: Record<string, unknown>; teams: Record<string, unknown>; diagnostics: Record<string, unknown[]> }[] };
    expect(j.points).toHaveLength(2);
    expect(Object.keys(j.points[0]!.streams)).toEqual(['permits', 'reports']);
    expect(Object.keys(j.points[0]!.diagnostics)).toEqual(['island']);
  }, 180_000);
});

describe('diagnostics of an overloaded scenario (team assess at 1.30)', () => {
  it('the table warns in words, CSV and JSON carry the diagnostics, validate warns and exits 0', async () => {
    const [table, csv, json, validate] = await Promise.all([
      stroom(['compare', OVERLOADED, '--reps', '3', ...SHORT]),
      stroom(['run', OVERLOADED, '--reps', '2', '-f', 'csv', ...SHORT]),
      stroom(['run', OVERLOADED, '--reps', '2', '-f', 'json', ...SHORT]),
      stroom(['validate', OVERLOADED]),
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('warning: island: team assess is overloaded: offered load 1.30 before questions');
    expect(table.stdout).toContain('warning: usm: team assess is overloaded: offered load 1.30 before questions');
    expect(table.stdout).toMatch(/^warning: island is not stationary: WIP grows [\d.]+%\/week .*; results depend on the horizon$/m);

    expect(csv.code).toBe(0);
    const rows = csvRows(csv.stdout);
    expect(new Set(rows.map((x) => x['diagnostics']))).toEqual(new Set([rows[0]!['diagnostics']]));
    expect(rows[0]!['diagnostics']).toMatch(/(^|;)overload:assess(;|$)/);

    const j = JSON.parse(json.stdout) as { diagnostics: { name: string; subject?: string; value: number; flagged: boolean; message: string }[] };
    const overload = j.diagnostics.find((d) => d.name === 'overload' && d.subject === 'assess')!;
    expect(overload.flagged).toBe(true);
    expect(overload.value).toBeCloseTo(1.3, 2);
    expect(j.diagnostics.find((d) => d.name === 'overload' && d.subject === 'intake')!.flagged).toBe(false);

    expect(validate.code).toBe(0);
    expect(validate.stdout).toContain('warning: design island: team assess is overloaded: offered load 1.30 before questions');
    expect(validate.stderr).toContain('warning');
  }, 180_000);

  it('validate does not warn on a scenario whose teams are below 1', async () => {
    const r = await stroom(['validate', SMALL]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('warning');
    expect(r.stderr).toBe('');
  }, 60_000);
});
