// Profiling driver (not a bench case): runs the DPV year of bench/cases/model.ts from the
// compiled dist/ (npm run build first), so `node --cpu-prof` or `--prof` sees plain JS.
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bench/profile-model.mjs [reps]
// STROOM_DIST=/path/to/a/copy/of/dist compares another build (A/B runs on a noisy machine).
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const dist = pathToFileURL(resolve(process.env.STROOM_DIST ?? new URL('../dist', import.meta.url).pathname)).href;
const { simulate } = await import(`${dist}/sim/model/index.js`);
const { loadScenarioFile } = await import(`${dist}/sim/node/scenario-files.js`);

const scenario = loadScenarioFile(new URL('../scenarios/dpv.yaml', import.meta.url).pathname);
const reps = Number(process.argv[2] ?? 8);
const designs = ['island', 'usm'];
let events = 0;
let ms = 0;
let cpuMs = 0;
for (let i = -2; i < reps; i++) {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = simulate(scenario.designs[designs[(i + 2) % 2]], { seed: 2026, replication: i < 0 ? 100 - i : i, horizon: 52 * 40, warmup: 8 * 40 });
  if (i >= 0) {
    events += r.events;
    ms += performance.now() - t0;
    const c = process.cpuUsage(c0);
    cpuMs += (c.user + c.system) / 1000;
  }
}
// CPU time (this process, GC threads included) is steadier than wall time on a busy machine.
const rate = (t) => Math.round((events / t) * 1000).toLocaleString('en');
console.log(`${reps} runs: ${rate(ms)} events/s wall, ${rate(cpuMs)} per CPU-s, ${(ms / reps).toFixed(1)} ms per year`);
