// Takes the README's screenshots from the built viewer: docs/viewer-matrix.png
// (one DPV island run mid-year) and docs/viewer-side-by-side.png (island and usm on
// the same seed, in step) and docs/viewer-trainer-1280x720.png (the same pair in trainer
// mode at a projector's 1280×720). Traces come from scenarios/dpv.yaml through the scenario
// loader (the same as `stroom trace dpv --design <d> --seed 2026`), or from the small
// organisation scaled to 152 persons if the scenario does not load.
//
//   npx tsx test/viewer/helpers/readme-screenshots.ts

import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildViewer, chromiumAvailable, launch, REPO, serve } from './harness.js';
import { makeTrace } from './make-trace.js';

async function trace(design: string): Promise<string> {
  try {
    const { scenarioTrace } = await import('./scenario-trace.js');
    return scenarioTrace(join(REPO, 'scenarios/dpv.yaml'), { design, seed: 2026 });
  } catch (err) {
    process.stderr.write(`dpv.yaml did not load (${err instanceof Error ? err.message : err}); using smallOrg x152\n`);
    return makeTrace({ design, seed: 2026, weeks: 52, warmupWeeks: 8, persons: 152 });
  }
}

/** Model time shown: week 30, Tuesday 14:00 (mid-year, the loop well formed). */
const AT = 29 * 40 + 8 + 5;
/** Trainer shot: 26 weeks after the end of DPV's warm-up (so the figures "so far" have data). */
const TRAINER_AT = 65 * 40 + 8 + 5;

async function main(): Promise<void> {
  if (!chromiumAvailable()) throw new Error('Chromium not found: apt-get install chromium');
  await buildViewer();
  const server = await serve();
  server.put('/shots/island.json', await trace('island'));
  server.put('/shots/usm.json', await trace('usm'));
  const docs = join(REPO, 'docs');
  mkdirSync(docs, { recursive: true });
  const shots = [
    { file: 'viewer-matrix.png', query: 'trace=shots/island.json', runs: 1, width: 1400, height: 980 },
    { file: 'viewer-side-by-side.png', query: 'trace=shots/island.json&trace=shots/usm.json', runs: 2, width: 1800, height: 1240 },
    { file: 'viewer-trainer-1280x720.png', query: 'trace=shots/island.json&trace=shots/usm.json&trainer=1', runs: 2, width: 1280, height: 720, at: TRAINER_AT },
  ];
  for (const s of shots) {
    const browser = await launch({ width: s.width, height: s.height });
    try {
      const page = browser.context.pages()[0] ?? (await browser.context.newPage());
      await page.goto(`${server.url}/?${s.query}`);
      await page.waitForSelector(`body[data-runs="${s.runs}"]`, { timeout: 120_000 });
      await page.evaluate(`(() => { const c = window.stroomViewer.app.clock; c.setSpeedIndex(3); c.seek(${'at' in s ? s.at : AT}); })()`);
      await page.waitForTimeout(800);
      const path = join(docs, s.file);
      await page.screenshot({ path });
      console.log(`wrote ${path}`);
    } finally {
      await browser.close();
    }
  }
  await server.close();
}

await main();
