// --series FILE (tidy weekly CSV), --windows N and --window A:B --window C:D, run the
// way a user runs them. Fixtures: test/scenario/fixtures/small.yaml and pilot.yaml (the
// island preset plus a timeline entry at week 12 that cancels the scheduled meetings).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERIES_NAMES } from '../../sim/model/index.js';
import { STRAIN_SERIES } from '../../sim/model/strain.js';
import { stroom, tempDir } from './helpers.js';

const SMALL = 'test/scenario/fixtures/small.yaml';
const PILOT = 'test/scenario/fixtures/pilot.yaml';
const HEADER = 'design,replication,week,stream,team,role,person,metric,unit,value';

interface Row { design: string; replication: number; week: number; stream: string; team: string; role: string; person: string; metric: string; unit: string; value: number }

function parse(csv: string): Row[] {
  const lines = csv.trimEnd().split('\n');
  expect(lines[0]).toBe(HEADER);
  return lines.slice(1).map((l) => {
    const c = l.split(',');
    expect(c.length).toBe(10);
    return { design: c[0]!, replication: Number(c[1]), week: Number(c[2]), stream: c[3]!, team: c[4]!, role: c[5]!, person: c[6]!, metric: c[7]!, unit: c[8]!, value: c[9] === 'NA' ? Number.NaN : Number(c[9]) };
  });
}

/** The mean ± half-width cell of `metric`'s row and `column` in the table that follows `title`. */
function tableCell(text: string, title: string, metric: string, column: number): { mean: number; decimals: number; raw: string } {
  const block = text.slice(text.indexOf(title));
  const line = block.split('\n').find((l) => l.startsWith(`${metric} [`));
  expect(line, `${metric} row after "${title}"`).toBeDefined();
  const cells = line!.split(/\s{2,}/);
  const raw = cells[column]!.trim();
  const m = /^([+-]?[0-9.]+)/.exec(raw)!;
  return { mean: Number(m[1]), decimals: (m[1]!.split('.')[1] ?? '').length, raw };
}

describe('--series: replicated weekly series as tidy CSV', () => {
  it('writes weeks × series × replications rows, observed weeks only, with group rows and units', async () => {
    const dir = tempDir();
    const file = join(dir, 'weekly.csv');
    const r = await stroom(['run', SMALL, '--reps', '3', '--horizon', '6', '--warmup', '2', '--workers', '1', '--series', file, '-m', 'throughput_per_week']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(file, 'utf8'));
    const global = rows.filter((x) => x.stream === '' && x.team === '' && x.role === '' && x.person === '');
    // Warm-up of 2 weeks: observed weeks are 3 to 8.
    expect(new Set(rows.map((x) => x.week))).toEqual(new Set([3, 4, 5, 6, 7, 8]));
    // The organisation's series: the model's list plus the strain index per role class.
    expect(global.length).toBe(6 * (SERIES_NAMES.length + STRAIN_SERIES.length) * 3);
    expect(new Set(global.map((x) => `${x.replication}|${x.week}|${x.metric}`)).size).toBe(global.length);
    // Two streams with four series each, three teams with one.
    expect(rows.filter((x) => x.stream !== '').length).toBe(6 * 2 * 4 * 3);
    expect(rows.filter((x) => x.team !== '').length).toBe(6 * 3 * 1 * 3);
    // Persons by default: those holding a role besides operator (4 named, 3 de-op line coordinators).
    const persons = new Set(rows.filter((x) => x.person !== '').map((x) => x.person));
    expect([...persons].sort()).toEqual(['boss-decide', 'boss-intake', 'de-op-1', 'de-op-2', 'de-op-3', 'marieke', 'rachid']);
    // Stream arrivals add up to the organisation's, week by week.
    for (const g of global.filter((x) => x.metric === 'arrivals')) {
      const sum = rows.filter((x) => x.stream !== '' && x.metric === 'arrivals' && x.week === g.week && x.replication === g.replication).reduce((a, x) => a + x.value, 0);
      expect(sum).toBe(g.value);
    }
    // A person's hours over the categories but overtime and off fill the 40-hour week.
    const marieke = rows.filter((x) => x.person === 'marieke' && x.week === 5 && x.replication === 0);
    const onWeek = marieke.filter((x) => x.metric !== 'hours_overtime').reduce((a, x) => a + x.value, 0);
    expect(onWeek).toBeCloseTo(40, 6);
    expect(marieke.every((x) => x.unit === 'h/week')).toBe(true);
    expect(global.find((x) => x.metric === 'lead_time_mean')!.unit).toBe('h');
  });

  it("a named person's absence shows in her week: Marieke (36 h/week) is away from week 20 to 21 in small.yaml", async () => {
    const dir = tempDir();
    const file = join(dir, 'absence.csv');
    const r = await stroom(['run', SMALL, '--reps', '2', '--horizon', '3', '--warmup', '19', '--workers', '1', '--series', file, '-m', 'arrivals']);
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(file, 'utf8')).filter((x) => x.person === 'marieke' && x.week === 21);
    for (const rep of [0, 1]) {
      const h = Object.fromEntries(rows.filter((x) => x.replication === rep).map((x) => [x.metric, x.value]));
      expect(h['hours_absent']).toBeCloseTo(36, 9);
      const working = ['operate', 'improvise', 'consult', 'coordinate', 'compensate', 'design', 'meeting', 'idle'].reduce((a, c) => a + h[`hours_${c}`]!, 0);
      expect(working).toBe(0);
    }
  });

  it('is byte-identical with 1, 2 and 4 workers (compare, two designs)', async () => {
    const dir = tempDir();
    const outs: string[] = [];
    for (const w of [1, 2, 4]) {
      const file = join(dir, `w${w}.csv`);
      const r = await stroom(['compare', SMALL, '--reps', '4', '--horizon', '4', '--warmup', '1', '--workers', String(w), '--series', file, '--series-persons', 'all', '-m', 'throughput_per_week']);
      expect(r.code).toBe(0);
      outs.push(readFileSync(file, 'utf8'));
    }
    expect(parse(outs[0]!).filter((x) => x.design === 'usm').length).toBeGreaterThan(0);
    expect(outs[1]).toBe(outs[0]);
    expect(outs[2]).toBe(outs[0]);
  }, 300_000); // three runs in a row: room for a busy machine

  it('sweep: one column per factor, the same rows at every point', async () => {
    const dir = tempDir();
    const file = join(dir, 'sweep.csv');
    const r = await stroom(['sweep', SMALL, '--set', 'designs.usm.policies.protectedDesignShare=0,0.3', '--designs', 'usm', '--reps', '2', '--horizon', '3', '--warmup', '1', '--workers', '1', '--series', file]);
    expect(r.code).toBe(0);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(`designs.usm.policies.protectedDesignShare,${HEADER}`);
    const perPoint = (v: string) => lines.slice(1).filter((l) => l.startsWith(`${v},usm,`)).length;
    expect(perPoint('0')).toBeGreaterThan(3 * SERIES_NAMES.length * 2);
    expect(perPoint('0.3')).toBe(perPoint('0'));
    expect(perPoint('0') + perPoint('0.3')).toBe(lines.length - 1);
  });
});

describe('--windows and --window', () => {
  it('per-window means equal the mean of the weekly values in the window', async () => {
    const dir = tempDir();
    const file = join(dir, 'weekly.csv');
    const r = await stroom(['compare', SMALL, '--reps', '4', '--horizon', '8', '--warmup', '2', '--workers', '2', '--windows', '2', '--series', file, '--series-persons', 'none', '-m', 'throughput_per_week']);
    expect(r.code).toBe(0);
    const rows = parse(readFileSync(file, 'utf8')).filter((x) => x.stream === '' && x.team === '' && x.role === '');
    // Observed weeks 3-10: window 1 is weeks 3-6, window 2 weeks 7-10.
    expect(r.stdout).toContain('Window 2 of 2, weeks 7-10');
    for (const [title, lo, hi] of [['Window 1 of 2', 3, 6], ['Window 2 of 2', 7, 10]] as const) {
      for (const [design, column] of [['island', 1], ['usm', 2]] as const) {
        for (const metric of ['throughput', 'wip', 'arrivals']) {
          const perRep = [0, 1, 2, 3].map((rep) => {
            const v = rows.filter((x) => x.design === design && x.replication === rep && x.metric === metric && x.week >= lo && x.week <= hi).map((x) => x.value);
            expect(v.length).toBe(4);
            return v.reduce((a, b) => a + b, 0) / v.length;
          });
          const expected = perRep.reduce((a, b) => a + b, 0) / perRep.length;
          const cell = tableCell(r.stdout, title, metric, column);
          expect(Math.abs(cell.mean - expected)).toBeLessThanOrEqual(0.5 * 10 ** -cell.decimals + 1e-12);
        }
      }
    }
    // The paired difference column is there, against the baseline.
    expect(r.stdout).toMatch(/usm − island/);
  });

  it('detects a known shift: cancelling meetings at week 12 lowers the managers\' meeting share in the pilot only', async () => {
    const r = await stroom(['compare', PILOT, '--designs', 'island,pilot', '--reps', '5', '--horizon', '16', '--warmup', '4', '--workers', '2', '--window', '6w:12w', '--window', '12w:20w', '-m', 'throughput_per_week']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const title = 'Change from weeks 7-12 to weeks 13-20';
    expect(r.stdout).toContain(title);
    const did = tableCell(r.stdout, title, 'manager_meeting_share', 3);
    expect(did.mean).toBeLessThan(0);
    expect(did.raw.endsWith('*')).toBe(true); // its interval excludes zero
    const pilot = tableCell(r.stdout, title, 'manager_meeting_share', 2);
    expect(pilot.mean).toBeLessThan(0);
    // Arrivals do not depend on the design (common random numbers): no difference at all.
    expect(tableCell(r.stdout, title, 'arrivals', 3).raw).toBe('+0');
  });

  it('-f json carries the windows and the before/after with their units', async () => {
    const r = await stroom(['compare', PILOT, '--designs', 'island,pilot', '--reps', '3', '--horizon', '16', '--warmup', '4', '--workers', '2', '--windows', '2', '--window', '6:12', '--window', '12:20', '-f', 'json', '-m', 'throughput_per_week']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout) as { windows: { first_week: number; last_week: number; summary: Record<string, Record<string, { mean: number; n: number }>>; differences: Record<string, unknown> }[]; before_after: { before: { first_week: number }; differences: Record<string, Record<string, { mean: number }>> }; series_units: Record<string, string> };
    expect(j.windows.map((w) => [w.first_week, w.last_week])).toEqual([[5, 12], [13, 20]]);
    expect(j.windows[0]!.summary['pilot']!['throughput']!.n).toBe(3);
    expect(Object.keys(j.windows[1]!.differences)).toEqual(['pilot-island']);
    expect(j.before_after.before.first_week).toBe(7);
    expect(j.before_after.differences['pilot-island']!['manager_meeting_share']!.mean).toBeLessThan(0);
    expect(j.series_units['lead_time_mean']).toBe('h');
  });

  it('--series FILE.html writes a self-contained report: a chart per weekly series, bands, the timeline marked', async () => {
    const dir = tempDir();
    const file = join(dir, 'weekly.html');
    const r = await stroom(['compare', PILOT, '--designs', 'island,pilot', '--reps', '3', '--horizon', '16', '--warmup', '4', '--workers', '2', '--series', file, '-m', 'arrivals']);
    expect(r.code).toBe(0);
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!doctype html>') || html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script[^>]+src=/); // nothing fetched from elsewhere
    for (const m of SERIES_NAMES) expect(html).toContain(`${m}: `);
    expect(html).toContain('"marks":[{"x":12.5,"label":"pilot: pilot starts"}]');
    expect(html).toMatch(/"lo":\[/);
  });

  it.each([
    [['--window', '6w:12w'], /--window: give it exactly twice/],
    [['--window', '12w:6w', '--window', '12w:20w'], /--window "12w:6w": the start .* must come before the end/],
    [['--window', '6w', '--window', '12w:20w'], /--window "6w": expected A:B/],
    [['--window', 'soon:later', '--window', '12w:20w'], /--window "soon:later": .*unknown unit/],
    [['--window', '1w:3w', '--window', '12w:20w'], /--window "1w:3w": outside the observation period, weeks 5-20/],
    [['--window', '6w:12w', '--window', '12w:30w'], /--window "12w:30w": outside the observation period/],
    [['--window', '6w:12w', '--window', '12w:20w', '-f', 'csv'], /--window: applies to the table and JSON forms/],
    [['--windows', '0'], /--windows: expected a whole number/],
    [['--windows', '17'], /--windows 17: the observation period has only 16 weeks/],
    [['--series', 'test'], /--series "test": /],
  ])('refuses %j with exit 2, naming the flag', async (flags, message) => {
    const r = await stroom(['compare', PILOT, '--reps', '2', '--horizon', '16', '--warmup', '4', ...flags]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });
});
