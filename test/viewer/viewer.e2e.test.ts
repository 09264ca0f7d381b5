// End-to-end tests of the viewer in Debian's Chromium: the built site (Vite's JS API)
// served from 127.0.0.1, driven by playwright-core. They open traces by URL and by the
// file input, play, scrub, step, show two runs side by side, follow an escalation,
// run a scenario in the browser's worker, show clear messages for corrupt and foreign
// files and for uncaught errors, and check that the figures on the page are exactly
// the trace's (the CLI's) metrics and that screenshots are real pictures.
//
// Without /usr/bin/chromium the suite is skipped with a console message, except on CI
// (CI=true), where a missing browser is a failure.
//
// page.evaluate gets source text, not functions: the TypeScript transform may wrap
// named closures in a helper that does not exist in the page.

import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { simulate, toTraceFile, type TraceFile } from '../../sim/model/index.js';
import { smallSpec } from '../../viewer/src/builtin-small.js';
import { buildViewer, launch, serve, VIEWER, type Browser, type TestServer, requireChromium } from './helpers/harness.js';
import { makeTrace } from './helpers/make-trace.js';

const HAVE_CHROMIUM = requireChromium('the viewer end-to-end tests', test);

const SHOTS = mkdtempSync(join(tmpdir(), 'stroom-viewer-shots-'));

describe.skipIf(!HAVE_CHROMIUM)('viewer end to end', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const text: Record<string, string> = {};
  const trace: Record<string, TraceFile> = {};
  const pageErrors: string[] = [];

  beforeAll(async () => {
    const built = buildViewer();
    for (const design of ['island', 'usm', 'transition']) {
      text[design] = makeTrace({ design, seed: 7, weeks: 10, warmupWeeks: 2, persons: 20 });
      trace[design] = JSON.parse(text[design]!) as TraceFile;
    }
    await built;
    server = await serve();
    server.put('/traces/island.json', text.island!);
    server.put('/traces/usm.json', text.usm!);
    server.put('/traces/transition.json', text.transition!);
    server.put('/traces/truncated.json', text.island!.slice(0, Math.floor(text.island!.length / 2)));
    server.put('/traces/foreign.json', JSON.stringify({ name: 'some-package', version: '1.0.0', dependencies: {} }));
    browser = await launch({ width: 1400, height: 1000 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Waits until `runs` runs are on screen; fails at once with the page's message if it shows an error. */
  async function runsShown(runs: number, timeout = 30_000): Promise<void> {
    await page.waitForFunction(`document.body.dataset.runs === '${runs}' || !document.getElementById('error').hidden`, undefined, { timeout });
    if (await page.locator('#error').isVisible()) throw new Error(`the page shows an error: ${await page.locator('#error').textContent()}`);
  }

  async function open(query: string, runs = 1): Promise<void> {
    await page.goto(`${server.url}/?${query}`);
    await runsShown(runs);
  }

  /** The model time the page shows, read after two frames (the readout updates in the frame loop). */
  const time = async () =>
    Number(
      await page.evaluate(
        `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(document.getElementById('time').dataset.time))))`,
      ),
    );

  /** data-metric → data-value of one run panel. */
  async function shownMetrics(run: number): Promise<Record<string, string>> {
    return (await page.evaluate(
      `Object.fromEntries([...document.querySelectorAll('.run[data-run="${run}"] [data-metric]')].map((e) => [e.dataset.metric, e.dataset.value]))`,
    )) as Record<string, string>;
  }

  function expectSameMetrics(shown: Record<string, string>, metrics: Record<string, number | null>): void {
    expect(Object.keys(shown).sort()).toEqual(Object.keys(metrics).sort());
    for (const [id, v] of Object.entries(metrics)) expect(shown[id], id).toBe(v === null ? 'null' : String(v));
  }

  /** Distinct colours in the first matrix canvas (a blank canvas has one). */
  const canvasColours = () =>
    page.evaluate(`(() => {
      const c = document.querySelector('canvas.matrix');
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      const seen = new Set();
      for (let i = 0; i < d.length; i += 4) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      return seen.size;
    })()`) as Promise<number>;

  test('opens a trace from ?trace= and shows exactly its metrics', async () => {
    await open('trace=traces/island.json');
    await page.locator('#error').waitFor({ state: 'hidden', timeout: 10_000 });
    expectSameMetrics(await shownMetrics(0), trace.island!.metrics);
    // Visible text follows the 3-significant-digit rule.
    const lead = trace.island!.metrics.lead_time_mean!;
    expect(await page.locator('.run[data-run="0"] [data-metric="lead_time_mean"]').textContent()).toContain(lead.toPrecision(3));
    expect(await canvasColours()).toBeGreaterThan(20);
    expect(await page.locator('.marker').count()).toBeGreaterThan(0);
  });

  test('plays, pauses, steps and scrubs', async () => {
    await open('trace=traces/island.json');
    await page.click('#play');
    await page.waitForFunction(`Number(document.getElementById('time').dataset.time) > 2`, undefined, { timeout: 10_000 });
    await page.keyboard.press('Space');
    const paused = await time();
    await page.waitForTimeout(300);
    expect(await time()).toBe(paused);
    await page.keyboard.press('ArrowRight');
    const week = await time();
    expect(week % 40).toBe(0);
    expect(week).toBeGreaterThan(paused);
    await page.keyboard.press('ArrowLeft');
    expect(await time()).toBe(week - 40);
    const box = (await page.locator('#scrub').boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
    const end = trace.island!.warmup + trace.island!.horizon;
    expect(Math.abs((await time()) / end - 0.75)).toBeLessThan(0.05);
    // Scrubbing back to a point gives the state a straight replay gives.
    const same = await page.evaluate(`(() => {
      const app = window.stroomViewer.app;
      const rp = app.bundles[0].replay;
      app.clock.seek(333.3); app.views[0].frame(333.3, 1, { track: -1, cell: -1, person: -1 });
      const a = Array.from(rp.activity);
      app.clock.seek(${end}); app.views[0].frame(${end}, 1, { track: -1, cell: -1, person: -1 });
      app.clock.seek(333.3); app.views[0].frame(333.3, 1, { track: -1, cell: -1, person: -1 });
      return JSON.stringify(a) === JSON.stringify(Array.from(rp.activity));
    })()`);
    expect(same).toBe(true);
    await page.keyboard.press('+');
    // The speed label is redrawn on the next frame: wait for it rather than read it at once.
    await page.waitForFunction(() => document.querySelector('#speed')?.textContent?.includes('×64'), undefined, { timeout: 10_000 }).catch(() => undefined);
    expect(await page.locator('#speed').textContent()).toContain('×64');
  });

  test('marks the transition phases on the scrubber and names the phase in force', async () => {
    await open('trace=traces/transition.json');
    const timeline = trace.transition!.organisation.timeline;
    expect(timeline.length).toBe(5);
    expect(await page.locator('.marker-phase').count()).toBe(5);
    expect(await page.locator('.marker-warmup').count()).toBe(1);
    await page.locator('.marker-phase').nth(2).click();
    expect(await time()).toBe(timeline[2]!.at);
    await page
      .waitForFunction((want) => document.querySelector('#phase')?.textContent === want, `Now: phase 3: ${timeline[2]!.label}`, { timeout: 10_000 })
      .catch(() => undefined);
    expect(await page.locator('#phase').textContent()).toBe(`Now: phase 3: ${timeline[2]!.label}`);
    expect(await page.locator('.marker-phase').nth(2).getAttribute('title')).toContain(timeline[2]!.label);
  });

  test('opens a trace through the file input', async () => {
    await page.goto(server.url);
    await page.locator('#welcome').waitFor({ state: 'visible', timeout: 10_000 });
    await page.setInputFiles('#file', { name: 'usm.json', mimeType: 'application/json', buffer: Buffer.from(text.usm!) });
    await runsShown(1);
    expectSameMetrics(await shownMetrics(0), trace.usm!.metrics);
  });

  test('opens two traces dropped on the page, side by side', async () => {
    await page.goto(server.url);
    const files = await page.evaluateHandle(`(() => {
      const dt = new DataTransfer();
      dt.items.add(new File([${JSON.stringify(text.island)}], 'island.json', { type: 'application/json' }));
      dt.items.add(new File([${JSON.stringify(text.usm)}], 'usm.json', { type: 'application/json' }));
      return dt;
    })()`);
    await page.dispatchEvent('body', 'dragenter', { dataTransfer: files });
    await page.dispatchEvent('body', 'drop', { dataTransfer: files });
    await runsShown(2);
    expectSameMetrics(await shownMetrics(0), trace.island!.metrics);
    expectSameMetrics(await shownMetrics(1), trace.usm!.metrics);
    expect(await page.evaluate(`document.body.classList.contains('dragging')`)).toBe(false);
  });

  test('shows two runs side by side on one clock, and S toggles', async () => {
    await open('trace=traces/island.json&trace=traces/usm.json', 2);
    expectSameMetrics(await shownMetrics(0), trace.island!.metrics);
    expectSameMetrics(await shownMetrics(1), trace.usm!.metrics);
    expect(await page.locator('.run').count()).toBe(2);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await time()).toBe(80);
    expect(await page.evaluate(`window.stroomViewer.app.bundles.map((b) => b.replay.cursor > 0)`)).toEqual([true, true]);
    await page.keyboard.press('s');
    await page.waitForSelector('body[data-runs="1"]');
    await page.keyboard.press('s');
    await page.waitForSelector('body[data-runs="2"]');
    expect(await time()).toBe(80);
    const shot = join(SHOTS, 'side-by-side.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(statSync(shot).size).toBeGreaterThan(40_000);
    const colours = await page.evaluate(`(async () => {
      const img = new Image();
      img.src = 'data:image/png;base64,${readFileSync(shot).toString('base64')}';
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width; c.height = img.height;
      const g = c.getContext('2d'); g.drawImage(img, 0, 0);
      const d = g.getImageData(0, 0, c.width, c.height).data;
      const seen = new Set();
      for (let i = 0; i < d.length; i += 16) seen.add((d[i] << 16) | (d[i + 1] << 8) | d[i + 2]);
      return seen.size;
    })()`);
    expect(colours).toBeGreaterThan(100);
  });

  test('follows an escalation and narrates it step by step', async () => {
    await open('trace=traces/island.json');
    // A moment when an escalation with a known case is open.
    const start = (await page.evaluate(`(() => {
      const tr = window.stroomViewer.app.bundles[0].tracks;
      for (let j = 0; j < tr.count; j++) if (tr.serial[j] >= 0 && tr.end[j] > tr.start[j]) return tr.start[j] + 0.01;
      return -1;
    })()`)) as number;
    expect(start).toBeGreaterThan(0);
    await page.evaluate(`window.stroomViewer.app.clock.seek(${start})`);
    await page.keyboard.press('f');
    await page.locator('#follow').waitFor({ state: 'visible', timeout: 10_000 });
    const items = page.locator('#follow li');
    expect(await items.count()).toBeGreaterThan(3);
    const all = (await items.allTextContents()).join('\n');
    expect(all).toMatch(/^Week \d+, (Mon|Tue|Wed|Thu|Fri) \d\d:\d\d: a new .* request \(#\d+\) arrives/);
    expect(all).toMatch(/escalates it\b/);
    expect(all).toMatch(/The escalation goes to/);
    // N walks the story one step at a time (steps at the same moment included), moving the clock.
    const before = Number(await page.locator('#follow li.now').getAttribute('data-step'));
    for (let k = 1; k <= 3; k++) {
      await page.keyboard.press('n');
      const now = page.locator('#follow li.now');
      expect(Number(await now.getAttribute('data-step'))).toBe(before + k);
      expect(Number(await now.getAttribute('data-time'))).toBe(await time());
    }
    await page.keyboard.press('p');
    expect(Number(await page.locator('#follow li.now').getAttribute('data-step'))).toBe(before + 2);
    await page.keyboard.press('Escape');
    await page.locator('#follow').waitFor({ state: 'hidden', timeout: 10_000 });
  });

  test('trainer mode: ?trainer=1 and T', async () => {
    await open('trace=traces/island.json&trainer=1');
    expect(await page.evaluate(`document.body.classList.contains('trainer')`)).toBe(true);
    const big = (await page.evaluate(`parseFloat(getComputedStyle(document.body).fontSize)`)) as number;
    await page.keyboard.press('t');
    const normal = (await page.evaluate(`parseFloat(getComputedStyle(document.body).fontSize)`)) as number;
    // Larger type for a room (how much larger depends on the window: trainer mode must also fit it).
    expect(big).toBeGreaterThan(normal * 1.15);
  });

  test('a truncated trace shows a clear message', async () => {
    await page.goto(`${server.url}/?trace=traces/truncated.json`);
    await page.locator('#error').waitFor({ state: 'visible', timeout: 10_000 });
    const msg = await page.locator('#error .error-message').textContent();
    expect(msg).toContain('truncated.json: not valid JSON');
    expect(msg).toContain('truncated');
    await page.locator('header.top').waitFor({ state: 'visible', timeout: 10_000 });
    await page.goto(`${server.url}/?trace=traces/missing.json`);
    await page.locator('#error').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('#error .error-message').textContent()).toContain('missing.json: could not be fetched from traces/missing.json: HTTP 404');
  });

  test('a foreign JSON file shows parseTraceFile’s message, by URL and by file input', async () => {
    await page.goto(`${server.url}/?trace=traces/foreign.json`);
    await page.locator('#error').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('#error .error-message').textContent()).toContain('foreign.json: format: not a stroom trace');
    await page.goto(server.url);
    await page.setInputFiles('#file', { name: 'package.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"x"}') });
    await page.locator('#error').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('#error .error-message').textContent()).toContain('package.json: format: not a stroom trace');
  });

  test('an uncaught error in the page is shown, not swallowed', async () => {
    await open('trace=traces/island.json');
    await page.evaluate(`setTimeout(() => { throw new Error('deliberate test failure') }, 0)`);
    await page.locator('#error').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('#error .error-message').textContent()).toContain('deliberate test failure');
    pageErrors.length = 0;
  });

  test('runs a scenario in the browser worker, with progress, and the same figures as the CLI', async () => {
    // Record every text the run status shows (progress passes quickly).
    await page.addInitScript(`
      window.__status = [];
      document.addEventListener('DOMContentLoaded', () => {
        const el = document.getElementById('run-status');
        new MutationObserver(() => window.__status.push(el.textContent)).observe(el, { childList: true, characterData: true, subtree: true });
      });`);
    await page.goto(`${server.url}/?run=small-150&design=island&seed=3&weeks=4`);
    await runsShown(1, 60_000);
    const status = (await page.evaluate('window.__status')) as string[];
    expect(status.some((t) => /simulating [1-9]\d?%/.test(t))).toBe(true);
    expect(status.some((t) => t.includes('packing the trace'))).toBe(true);
    expect(status[status.length - 1]).toContain('Ran island');
    const spec = smallSpec('island', 152, 6);
    const result = simulate(spec, { seed: 3, replication: 0, horizon: 160, warmup: 80, trace: true });
    const expected = toTraceFile(spec, result, { scenario: 'small', design: 'island', seed: 3, replication: 0, horizon: 160, warmup: 80 });
    // Through JSON, as the CLI writes it: NaN becomes null.
    expectSameMetrics(await shownMetrics(0), (JSON.parse(JSON.stringify(expected)) as TraceFile).metrics);
    expect(await canvasColours()).toBeGreaterThan(20);
    // The whole run, saved from the page, is byte for byte the trace Node writes.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('.run[data-run="0"] .save-trace')]);
    const saved = join(SHOTS, download.suggestedFilename());
    await download.saveAs(saved);
    expect(readFileSync(saved, 'utf8')).toBe(JSON.stringify(expected));
    // The worker reads the YAML scenarios with the CLI's loader.
    await page.click('#run-panel summary');
    await page.waitForSelector('#run-form select[name=scenario] option[value=dpv]:not([disabled])', { state: 'attached', timeout: 30_000 });
    expect(await page.locator('#run-form select[name=design] option').allTextContents()).toContain('island and usm side by side');
    // Every built-in scenario loads in the browser (a broken one would be listed, disabled).
    expect(await page.locator('#run-form select[name=scenario] option[disabled]').allTextContents()).toEqual([]);
  });

  test('the built site works from a subpath (base ./), worker included', async () => {
    const sub = await serve(VIEWER);
    try {
      sub.put('/dist/traces/island.json', text.island!);
      await page.goto(`${sub.url}/dist/?trace=traces/island.json`);
      await runsShown(1);
      await page.goto(`${sub.url}/dist/?run=small&design=island&seed=1&weeks=2`);
      await runsShown(1);
    } finally {
      await sub.close();
    }
  });

  test('no unexpected page errors', () => {
    writeFileSync(join(SHOTS, 'page-errors.txt'), pageErrors.join('\n'));
    expect(pageErrors).toEqual([]);
  });
});
