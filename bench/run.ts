// The benchmark orchestrator behind `npm run bench`.
//
// Runs every registered case (bench/cases/index.ts) as a fresh Node process per
// repetition, collects the one-line JSON report each child prints, takes the median of
// every figure over the repetitions, computes derived figures (ratios, cross-checks)
// from those medians, and prints a table; with --json the last stdout line is one JSON
// object with a fixed key order and no timestamps, so runs can be diffed and stored.
//
//   npm run bench -- [--reps N] [--only case1,case2] [--json] [--scale F] [--list]
//
// Cases run one after another, never side by side: on a 2-core machine a concurrent
// benchmark would steal the core under measurement. Repetitions are interleaved
// (every case once, then again) so slow drifts of the machine spread over all cases
// instead of landing on whichever case ran last.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { type CaseSpec, type DerivedSpec, cases, derived } from './cases/index.js';
import type { ChildReport } from './lib/types.js';

const CASE_ENTRY = fileURLToPath(new URL('./case.ts', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const DEFAULT_TIMEOUT_S = 120;

interface Options {
  reps: number;
  selected: readonly CaseSpec[];
  json: boolean;
  scale: number;
}

function usage(): string {
  return [
    'usage: npm run bench -- [options]',
    '  --reps N          repetitions per case (default 5); figures are medians',
    '  --only a,b        run only these cases (see --list)',
    '  --json            print one JSON object as the last line of stdout',
    '  --scale F         multiply run lengths by F (quick smoke runs; not for results)',
    '  --list            list cases and derived figures, then exit',
  ].join('\n');
}

function parseOptions(argv: string[]): Options | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      reps: { type: 'string' },
      only: { type: 'string' },
      json: { type: 'boolean' },
      scale: { type: 'string' },
      list: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    console.log(usage());
    return null;
  }
  if (values.list) {
    for (const c of cases) console.log(`${c.name.padEnd(18)} ${c.about}\n${' '.repeat(19)}-> ${c.figures.join(', ')}`);
    console.log('\nderived:');
    for (const d of derived) console.log(`${d.name.padEnd(26)} ${d.about}`);
    return null;
  }
  const reps = values.reps === undefined ? 5 : Number(values.reps);
  if (!Number.isInteger(reps) || reps < 1) throw new Error(`--reps must be a positive integer, got ${values.reps}`);
  const scale = values.scale === undefined ? 1 : Number(values.scale);
  if (!(scale > 0) || !Number.isFinite(scale)) throw new Error(`--scale must be a number > 0, got ${values.scale}`);
  let selected: readonly CaseSpec[] = cases;
  if (values.only !== undefined) {
    const names = values.only.split(',').map((s) => s.trim()).filter(Boolean);
    const unknown = names.filter((n) => !cases.some((c) => c.name === n));
    if (unknown.length > 0) throw new Error(`unknown case(s) ${unknown.join(', ')}; known: ${cases.map((c) => c.name).join(', ')}`);
    // Keep registry order whatever order --only lists them in: it fixes the output order.
    selected = cases.filter((c) => names.includes(c.name));
  }
  return { reps, selected, json: values.json === true, scale };
}

/** tsx's ESM loader as a URL for `node --import`, found from this file, not from the cwd. */
function tsxLoader(): string {
  try {
    return import.meta.resolve('tsx');
  } catch {
    return pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  }
}

interface ChildOutcome {
  report: ChildReport | null;
  /** Why there is no report (crash, timeout), with the tail of the child's stderr. */
  error: string | null;
  seconds: number;
}

function runChild(spec: CaseSpec, scale: number, loader: string): Promise<ChildOutcome> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', loader, CASE_ENTRY, spec.name, '--scale', String(scale)], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderrTail = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => {
    stdout += s;
  });
  child.stderr.setEncoding('utf8').on('data', (s: string) => {
    // Diagnostics go straight through (they are warnings worth seeing); keep a tail for errors.
    process.stderr.write(s.replace(/^(?=.)/gm, `  [${spec.name}] `));
    stderrTail = (stderrTail + s).slice(-2000);
  });
  const timeoutS = spec.timeoutSeconds ?? DEFAULT_TIMEOUT_S;
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, timeoutS * 1000);
  return new Promise((resolve) => {
    const finish = (error: string | null) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      const line = stdout.split('\n').reverse().find((l) => l.startsWith('{"stroomBench"'));
      let report: ChildReport | null = null;
      if (line !== undefined) {
        try {
          report = JSON.parse(line) as ChildReport;
        } catch {
          error ??= 'unparseable report line';
        }
      }
      if (report === null) error ??= 'no report line on stdout';
      resolve({ report, error, seconds });
    };
    child.on('error', (err) => finish(`could not start: ${err.message}`));
    child.on('close', (code, signal) => {
      if (timedOut) finish(`timed out after ${timeoutS} s`);
      else if (code !== 0 && stdout.indexOf('{"stroomBench"') < 0) {
        const tail = stderrTail.trim().split('\n').slice(-3).join(' | ');
        finish(`exited ${code ?? signal}${tail ? `: ${tail}` : ''}`);
      }
      else finish(null);
    });
  });
}

/** One figure over all repetitions. */
interface Stat {
  median: number | null;
  min: number | null;
  max: number | null;
  /** Why median is null, or a note worth showing beside a value. */
  problem: string | null;
  /** True when the figure is null only because a tool is not installed. */
  unavailable: boolean;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function summarise(samples: (number | null)[], problems: string[], unavailable: boolean): Stat {
  const got = samples.filter((x): x is number => x !== null);
  const problem = problems[0] ?? null;
  // One failed repetition fails the figure: a median of the survivors would hide it.
  if (got.length < samples.length || got.length === 0) {
    const why = problem ?? `missing in ${samples.length - got.length} of ${samples.length} repetitions`;
    return { median: null, min: null, max: null, problem: why, unavailable };
  }
  return { median: median(got), min: Math.min(...got), max: Math.max(...got), problem, unavailable: false };
}

interface DerivedValue {
  spec: DerivedSpec;
  value: number | null;
  problem: string | null;
}

function derive(stats: Map<string, Stat>): DerivedValue[] {
  const out: DerivedValue[] = [];
  for (const spec of derived) {
    // Only derive what this run can: with --only, figures of unselected cases are absent.
    if (!spec.inputs.every((f) => stats.has(f))) continue;
    const missing = spec.inputs.find((f) => stats.get(f)!.median === null);
    if (missing !== undefined) {
      out.push({ spec, value: null, problem: `needs ${missing}: ${stats.get(missing)!.problem}` });
      continue;
    }
    const value = spec.compute(...spec.inputs.map((f) => stats.get(f)!.median!));
    out.push({ spec, value: Number.isFinite(value) ? value : null, problem: Number.isFinite(value) ? null : `computed ${value}` });
  }
  return out;
}

function fmt(x: number | null): string {
  if (x === null) return 'n/a';
  if (Math.abs(x) >= 1000) return Math.round(x).toLocaleString('en-US');
  if (Number.isInteger(x)) return String(x);
  return x.toPrecision(4);
}

function table(rows: string[][], align: ('l' | 'r')[]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows
    .map((r) => r.map((c, i) => (align[i] === 'r' ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd())
    .join('\n');
}

async function main(): Promise<number> {
  const opts = parseOptions(process.argv.slice(2));
  if (opts === null) return 0;
  const wallStart = performance.now();
  // Other processes on a 2-core machine skew every figure; the load average is the cheap tell.
  const loadStart = loadavg()[0]!;
  const loader = tsxLoader();
  const cpuList = cpus();
  const cpuModel = cpuList[0]?.model.trim() ?? 'unknown';

  // samples[figure] = one value (or null) per repetition; problems likewise.
  const samples = new Map<string, (number | null)[]>();
  const problems = new Map<string, string[]>();
  const unavailable = new Set<string>();
  const info = new Map<string, string>();
  for (const c of opts.selected) for (const f of c.figures) {
    samples.set(f, []);
    problems.set(f, []);
  }

  for (let rep = 1; rep <= opts.reps; rep++) {
    for (const spec of opts.selected) {
      process.stderr.write(`[rep ${rep}/${opts.reps}] ${spec.name} ... `);
      const r = await runChild(spec, opts.scale, loader);
      process.stderr.write(`${r.error ?? 'ok'} (${r.seconds.toFixed(1)} s)\n`);
      for (const f of spec.figures) {
        const v = r.report?.figures[f];
        samples.get(f)!.push(typeof v === 'number' ? v : null);
        const p = r.error !== null ? `case ${r.error}` : r.report?.problems[f];
        if (p !== undefined) problems.get(f)!.push(p);
        if (r.report?.unavailable) unavailable.add(f);
      }
      for (const [k, v] of Object.entries(r.report?.info ?? {})) if (!info.has(k)) info.set(k, v);
    }
  }

  const stats = new Map<string, Stat>();
  for (const [f, xs] of samples) stats.set(f, summarise(xs, problems.get(f)!, unavailable.has(f)));
  const derivedValues = derive(stats);
  const wallSeconds = (performance.now() - wallStart) / 1000;

  // Human-readable report.
  const head = `stroom bench: node ${process.version}, ${cpuList.length} CPU(s) (${cpuModel}), ${opts.reps} repetition(s)` +
    (opts.scale === 1 ? '' : `, scale ${opts.scale} (NOT a real measurement)`);
  const rows: string[][] = [['figure', 'median', 'min', 'max', 'note']];
  for (const [f, s] of stats) {
    const note = s.median === null ? (s.unavailable ? `MISSING: ${s.problem}` : `FAILED: ${s.problem}`) : (s.problem ?? '');
    rows.push([f, fmt(s.median), fmt(s.min), fmt(s.max), note]);
  }
  const drows: string[][] = [['derived (from medians)', 'value', 'target', 'status']];
  for (const d of derivedValues) {
    const { targetMin, targetMax } = d.spec;
    const target = targetMin !== undefined ? `>= ${targetMin}` : targetMax !== undefined ? `<= ${targetMax}` : '';
    const status =
      d.value === null ? `n/a: ${d.problem}`
      : targetMin !== undefined ? (d.value >= targetMin ? 'ok' : 'BELOW TARGET')
      : targetMax !== undefined ? (d.value <= targetMax ? 'ok' : 'ABOVE TARGET')
      : '';
    drows.push([d.spec.name, fmt(d.value), target, status]);
  }
  const lines = [head, '', table(rows, ['l', 'r', 'r', 'r', 'l'])];
  if (derivedValues.length > 0) lines.push('', table(drows, ['l', 'r', 'r', 'l']));
  if (info.size > 0) lines.push('', `info: ${[...info].map(([k, v]) => `${k}=${v}`).join(', ')}`);
  const loadEnd = loadavg()[0]!;
  lines.push('', `total wall time ${wallSeconds.toFixed(1)} s`);
  // This run itself keeps about one core busy, so ~1 at the end is expected.
  lines.push(`load average (1 min): ${loadStart.toFixed(2)} at start, ${loadEnd.toFixed(2)} at end` +
    (loadStart > 0.5 || loadEnd > 1.5 ? '  WARNING: other work was running; figures may be low and noisy' : ''));
  console.log(lines.join('\n'));

  if (opts.json) {
    // Key order: machine, then figures in registry order, then derived in registry order.
    const json: Record<string, unknown> = {
      node_version: process.version,
      cpus: cpuList.length,
      cpu_model: cpuModel,
      reps: opts.reps,
      scale: opts.scale,
    };
    for (const [f, s] of stats) json[f] = s.median;
    for (const d of derivedValues) json[d.spec.name] = d.value;
    const probs: Record<string, string> = {};
    for (const [f, s] of stats) if (s.problem !== null) probs[f] = s.problem;
    for (const d of derivedValues) if (d.problem !== null) probs[d.spec.name] = d.problem;
    json.problems = probs;
    json.ranges = Object.fromEntries([...stats].map(([f, s]) => [f, [s.min, s.max]]));
    json.info = Object.fromEntries([...info].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    console.log(JSON.stringify(json));
  }

  // Non-zero when something was measured wrong or crashed; a missing tool is not an error.
  const bad = [...stats.values()].some((s) => s.median === null && !s.unavailable);
  return bad ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  },
);
