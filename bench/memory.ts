// Peak memory of one DPV run against its horizon (issue 12, point 6: "memory grows with
// the horizon"). Runs the island design of the built-in DPV scenario for 1 year and for
// 20 years (8-week warm-up, trace off), each in a fresh Node process so that neither
// inherits the other's heap, and reports each child's peak RSS, the peak it had before
// simulate() (module loading and the scenario: the part that does not depend on the
// horizon), and the ratio of the peaks.
//
// Peak RSS is the kernel's high-water mark of the child's own address space (VmHWM in
// /proc/self/status). Not process.resourceUsage().maxRSS: on Linux that survives
// fork + exec, so a child reports at least its parent's peak at the time of the spawn
// (measured: a 40 MB child of a 346 MB parent reported 309 MB). Where /proc is missing
// (not Linux) maxRSS is the fallback, and the parent imports nothing heavy to keep it
// honest there too.
//
// It then estimates, from the run's own counts, how much of the growth each store that
// is kept for the whole run accounts for, so that a change can be aimed at the largest:
// - lead-time samples: every completed request's lead time, once for the whole model
//   (Metrics.leadTimes) and once per value stream (StreamMetrics), each a Float64Array
//   that doubles when full: at the last doubling the full old copy and the copied half
//   of the new one are both resident (the untouched zero pages of the new half are not),
//   8 bytes times the final capacity (with QuantileSketch instead, at most 64 KiB
//   per sketch whatever the horizon: the line then no longer applies);
// - escalations (EscalationStore): plain number arrays, 8 bytes an element in Node (no
//   pointer compression), grown by ~1.5x; the line assumes every escalation of the run
//   is kept, as the store did until it began reusing the slots of ended escalations
//   (since then it follows the escalations in play, and the line is an upper bound);
// - the calendar: absences are drawn for the whole run up front, 56 bytes an event
//   (sim/engine/calendar.ts: two f64 heap keys, an i32 heap slot, 4 f64 slot fields,
//   an i32 free slot), capacity doubling;
// - weekly series and per-cell queues (estimateRunSize's resultBytes), kept twice while
//   the result is built (number arrays, then Float64Array copies).
// These are estimates of live bytes, not of RSS: the garbage collector's slack, freed
// but unreturned pages and JIT code make RSS larger. The start-up peak (about 240 to
// 260 MB here, most of it loading the scenario code: mathjs alone is about 110 MB) does
// not depend on the horizon, varies by some 30 MB from process to process and can hide
// a run's whole peak. So the child resets the kernel's peak mark just before simulate()
// (writing 5 to /proc/self/clear_refs) and reports the run's own peak and its growth over
// the RSS it started from: compare those. Nothing here is timed.
//
//   npx tsx bench/memory.ts            # both horizons, table on stdout
//   npx tsx bench/memory.ts --json     # ... and the figures as one JSON line

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HOURS_PER_WEEK = 40;
const WARMUP_WEEKS = 8;
const HORIZONS = [
  { label: '1 year', weeks: 52 },
  { label: '20 years', weeks: 1040 },
];

interface ChildReport {
  weeks: number;
  /** Peak before simulate(): loading modules and the scenario. */
  startPeakMB: number;
  /** Resident set just before simulate(). */
  rssBeforeMB: number;
  /** Peak during simulate() alone (NaN where the peak mark cannot be reset). */
  runPeakMB: number;
  /** Peak of the whole process. */
  maxRssMB: number;
  completions: number;
  streamCompletions: number[];
  escalations: number;
  pendingAtStart: number;
  resultBytes: number;
  events: number;
}

/** This process's current resident set, MB (NaN where /proc is missing). */
function rssNowMB(): number {
  try {
    const rss = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (rss) return Number(rss[1]) / 1024;
  } catch {
    // not Linux
  }
  return Number.NaN;
}

/** Resets the kernel's peak-RSS mark to the current RSS (Linux >= 4.0), so that the run's
 *  peak is not hidden under the start-up's (loading mathjs peaks higher than a year's run). */
function resetPeak(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

/** This process's peak resident set, MB (see the header for why not maxRSS first). */
function peakRssMB(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // not Linux: fall back below
  }
  return process.resourceUsage().maxRSS / 1024;
}

async function child(weeks: number): Promise<void> {
  // Imported here, not at the top, so the parent stays small (maxRSS fallback).
  const { simulate } = await import('../sim/model/index.js');
  const { estimateRunSize } = await import('../sim/model/size.js');
  const { loadScenarioFile } = await import('../sim/node/scenario-files.js');
  const scenario = loadScenarioFile('scenarios/dpv.yaml');
  const model = scenario.designs.island!;
  const horizon = weeks * HOURS_PER_WEEK;
  const warmup = WARMUP_WEEKS * HOURS_PER_WEEK;
  const startPeakMB = peakRssMB();
  const rssBeforeMB = rssNowMB();
  const reset = resetPeak();
  const r = simulate(model, { seed: 2026, replication: 0, horizon, warmup, trace: false });
  const runPeakMB = peakRssMB();
  const maxRssMB = reset ? Math.max(startPeakMB, runPeakMB) : runPeakMB;
  const size = estimateRunSize(model, { horizon, warmup, trace: false });
  const report: ChildReport = {
    weeks,
    startPeakMB,
    rssBeforeMB,
    runPeakMB: reset ? runPeakMB : Number.NaN,
    maxRssMB,
    completions: r.metrics.completions,
    streamCompletions: Object.values(r.byStream).map((s) => s.completions),
    // The weekly series covers the whole run, as the store does.
    escalations: r.series.escalations.reduce((a, b) => a + b, 0),
    pendingAtStart: size.pendingAtStart,
    resultBytes: size.resultBytes,
    events: r.events,
  };
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

/** Capacity a doubling store reaches for n values, starting from `initial`. */
function doubledCapacity(n: number, initial: number): number {
  let c = initial;
  while (c < n) c *= 2;
  return c;
}

/** V8's growth for a plain array filled by push: new = old + old/2 + 16. */
function pushedCapacity(n: number): number {
  let c = 0;
  while (c < n) c = c + (c >> 1) + 16;
  return c;
}

const MB = 1024 * 1024;

/** Estimated live bytes, at their peak, of each store kept for the whole run. */
function shares(r: ChildReport): Record<string, number> {
  const sample = (n: number) => 8 * doubledCapacity(n, 64);
  return {
    'lead times, if all were kept (QuantileSample)': (sample(r.completions) + r.streamCompletions.reduce((a, n) => a + sample(n), 0)) / MB,
    'escalations, if all were kept': (14 * 8 * pushedCapacity(r.escalations)) / MB,
    'calendar (absences drawn up front)': (56 * doubledCapacity(r.pendingAtStart, 1024)) / MB,
    'weekly series and cell queues': (2 * r.resultBytes) / MB,
  };
}

function runChild(weeks: number): ChildReport {
  const self = fileURLToPath(import.meta.url);
  const out = spawnSync(process.execPath, ['--import', 'tsx', self, '--child', String(weeks)], {
    encoding: 'utf8',
    maxBuffer: 16 * MB,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (out.status !== 0) throw new Error(`memory: the ${weeks}-week child failed (exit ${out.status ?? out.signal})`);
  const line = out.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as ChildReport;
}

function main(): void {
  const json = process.argv.includes('--json');
  const reports: ChildReport[] = [];
  for (const h of HORIZONS) {
    process.stderr.write(`memory: DPV island, ${h.label} (${h.weeks} weeks + ${WARMUP_WEEKS} warm-up), fresh process...\n`);
    reports.push(runChild(h.weeks));
  }
  const fmt = (x: number) => x.toFixed(1).padStart(8);
  console.log('DPV island, trace off, seed 2026: peak RSS per run (fresh process each)');
  console.log('  peak: whole process; load peak: before simulate(); run peak: during simulate() alone (peak mark reset);');
  console.log('  run growth: run peak minus the RSS just before simulate()');
  const head = ['peak MB', 'load pk', 'rss@run', 'run pk', 'run gr.'].map((h) => h.padStart(8)).join(' ');
  console.log(`${'horizon'.padEnd(10)} ${head} ${'complet.'.padStart(10)} ${'escal.'.padStart(9)} ${'events'.padStart(11)}`);
  reports.forEach((r, i) => {
    const figs = [r.maxRssMB, r.startPeakMB, r.rssBeforeMB, r.runPeakMB, r.runPeakMB - r.rssBeforeMB].map(fmt).join(' ');
    console.log(`${HORIZONS[i]!.label.padEnd(10)} ${figs} ${String(r.completions).padStart(10)} ${String(r.escalations).padStart(9)} ${String(r.events).padStart(11)}`);
  });
  const [a, b] = reports as [ChildReport, ChildReport];
  console.log(`ratio of peaks (20 years / 1 year): ${(b.maxRssMB / a.maxRssMB).toFixed(2)}; of run peaks: ${(b.runPeakMB / a.runPeakMB).toFixed(2)}`);
  console.log('\nEstimated live MB of the stores kept for the whole run (at their peak; see the header):');
  const sa = shares(a);
  const sb = shares(b);
  let total = 0;
  for (const k of Object.keys(sa)) {
    const growth = sb[k]! - sa[k]!;
    total += growth;
    console.log(`  ${k.padEnd(44)} 1 y ${fmt(sa[k]!)}   20 y ${fmt(sb[k]!)}   growth ${fmt(growth)}`);
  }
  console.log(`  ${'sum of the estimated growth'.padEnd(44)} ${' '.repeat(29)} ${fmt(total)} of ${(b.runPeakMB - b.rssBeforeMB - (a.runPeakMB - a.rssBeforeMB)).toFixed(1)} MB of measured run growth`);
  if (json) console.log(JSON.stringify({ reports, shares: [sa, sb] }));
}

if (process.argv[2] === '--child') await child(Number(process.argv[3]));
else main();
