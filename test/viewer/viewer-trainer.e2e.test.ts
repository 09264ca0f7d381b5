// Trainer mode at projector sizes (1280×720 and 1920×1080) with island and usm side by
// side: the matrix, the clock and its controls, each run's manager week and three
// headline figures are inside the window without scrolling, and no label is cut
// (scrollWidth ≤ clientWidth). Then every run control: start, end (a run of N weeks
// ends in week N), go to week, a day back and forward, speeds up to ×512, phases
// numbered 1..n and jumped to, "Whose week" linked across runs, and Follow in the
// right-hand run.

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import type { TraceFile } from '../../sim/model/index.js';
import { requireChromium } from './helpers/harness.js';
import { viewerRig } from './helpers/rig.js';
import { makeTrace } from './helpers/make-trace.js';

const HAVE_CHROMIUM = requireChromium('the viewer trainer-mode tests', test);

/** Elements that must be inside the window, with how many of each. */
const MUST_SHOW: [string, number][] = [
  ['#play', 1],
  ['#to-start', 1],
  ['#back', 1],
  ['#day-back', 1],
  ['#day-forward', 1],
  ['#forward', 1],
  ['#to-end', 1],
  ['#faster', 1],
  ['#speed', 1],
  ['#time', 1],
  ['#scrub', 1],
  ['#jump-week', 1],
  ['#legend-toggle', 1],
  ['canvas.matrix', 2],
  ['.manager-chart', 2],
  ['.headline-item', 6],
  ['.run-tabs', 2],
];

const CHECK = `(() => {
  const vw = innerWidth, vh = innerHeight;
  const outside = [];
  for (const [sel, n] of ${JSON.stringify(MUST_SHOW)}) {
    const els = [...document.querySelectorAll(sel)].filter((e) => e.getClientRects().length > 0);
    if (els.length !== n) outside.push(sel + ': ' + els.length + ' shown, expected ' + n);
    for (const e of els) {
      const r = e.getBoundingClientRect();
      if (r.width < 1 || r.height < 1 || r.left < -0.5 || r.top < -0.5 || r.right > vw + 0.5 || r.bottom > vh + 0.5) outside.push(sel + ' at ' + [r.left, r.top, r.right, r.bottom].map(Math.round).join(','));
    }
  }
  const clipped = [...document.querySelectorAll('button, label, select, h1, h2, .headline dt, .headline dd, .headline-diff, .time, .speed, .phase, .tab, .u-title, .u-legend th')]
    .filter((e) => e.getClientRects().length > 0 && e.scrollWidth > e.clientWidth)
    .map((e) => (e.id || e.className || e.tagName) + ' "' + e.textContent.trim().slice(0, 30) + '" ' + e.scrollWidth + '>' + e.clientWidth);
  // Controls must not sit on top of each other either.
  const boxes = [...document.querySelectorAll('.top button, .top .button, .top select, .transport button, .transport label, .transport .time, .transport .speed, .scrubber')]
    .filter((e) => e.getClientRects().length > 0)
    .map((e) => [e, e.getBoundingClientRect()]);
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [ea, a] = boxes[i]; const [eb, b] = boxes[j];
    if (ea.contains(eb) || eb.contains(ea)) continue;
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const hh = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 1 && hh > 1) clipped.push('overlap: "' + ea.textContent.trim().slice(0, 20) + '" and "' + eb.textContent.trim().slice(0, 20) + '"');
  }
  const page = document.scrollingElement;
  return { outside, clipped, scrollH: page.scrollHeight, scrollW: page.scrollWidth, vw, vh };
})()`;

describe.skipIf(!HAVE_CHROMIUM)('viewer trainer mode', () => {
  // (A label cut or two controls overlapping both count as "clipped".)
  const transition = JSON.parse(makeTrace({ design: 'transition', seed: 5, weeks: 10, warmupWeeks: 2, persons: 40 })) as TraceFile;
  const rig = viewerRig((s) => {
    s.put('/t/island.json', makeTrace({ design: 'island', seed: 5, weeks: 20, warmupWeeks: 4, persons: 60 }));
    s.put('/t/usm.json', makeTrace({ design: 'usm', seed: 5, weeks: 20, warmupWeeks: 4, persons: 60 }));
    s.put('/t/transition.json', JSON.stringify(transition));
  });
  let page: Page;
  beforeAll(() => {
    page = rig.page;
  });

  async function open(query: string, runs: number): Promise<void> {
    await page.goto(`${rig.server.url}/?trainer=1&${query}`);
    await page.waitForFunction(`document.body.dataset.runs === '${runs}' || !document.getElementById('error').hidden`, undefined, { timeout: 30_000 });
    expect(await page.locator('#error').isVisible()).toBe(false);
  }

  /** Waits until the time readout shows `t` (it is redrawn on the next frame). */
  const timeIs = (t: number) => page.waitForFunction(`Number(document.getElementById('time').dataset.time) === ${t}`, undefined, { timeout: 10_000 });

  test.each([
    [1280, 720],
    [1920, 1080],
  ])('at %i×%i both designs fit, nothing cut', async (width, height) => {
    await page.setViewportSize({ width, height });
    await open('trace=t/island.json&trace=t/usm.json', 2);
    await page.evaluate(`window.stroomViewer.app.clock.seek(14 * 40 + 13)`);
    // Let the frame loop draw and the matrix refit to the room it has.
    await page.waitForFunction(`document.querySelector('.headline-value').textContent !== '—'`, undefined, { timeout: 10_000 });
    await page.waitForTimeout(300);
    const r = (await page.evaluate(CHECK)) as { outside: string[]; clipped: string[]; scrollH: number; scrollW: number; vw: number; vh: number };
    expect(r.outside).toEqual([]);
    expect(r.clipped).toEqual([]);
    expect(r.scrollH).toBeLessThanOrEqual(r.vh);
    expect(r.scrollW).toBeLessThanOrEqual(r.vw);
    // The headline figures are "so far": they differ from the whole run's, and the right run shows its difference.
    const diff = await page.locator('.run[data-run="1"] .headline-diff').first().textContent();
    expect(diff).toMatch(/^usm − island: [+−±]/);
    // The legend and the other charts are one click away.
    await page.click('#legend-toggle');
    await page.waitForFunction(`getComputedStyle(document.getElementById('legend')).display !== 'none'`, undefined, { timeout: 5000 });
    await page.click('#legend-toggle');
    await page.locator('.run[data-run="0"] .tab[data-tab="lead"]').click();
    await page.waitForFunction(`document.querySelector('.run[data-run="1"]').dataset.tab === 'lead'`, undefined, { timeout: 5000 });
    expect(await page.locator('.run[data-run="1"] .chart[data-tab="lead"]').isVisible()).toBe(true);
    expect(await page.locator('.run[data-run="1"] .manager-chart').isVisible()).toBe(false);
  });

  test('run controls: start, end, go to week, days, speeds, phases', async () => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await open('trace=t/transition.json', 1);
    const end = (10 + 2) * 40;
    await page.click('#to-end');
    await timeIs(end);
    await page.waitForFunction(`document.getElementById('time').textContent === 'Week 12, Fri 17:00 (end)'`, undefined, { timeout: 5000 });
    await page.click('#to-start');
    await timeIs(0);
    await page.fill('#jump-week', '5');
    await page.click('#jump button[type=submit]');
    await timeIs(4 * 40);
    await page.click('#day-forward');
    await timeIs(4 * 40 + 8);
    await page.click('#day-back');
    await page.click('#day-back');
    await timeIs(4 * 40 - 8);
    await page.click('#forward');
    await timeIs(4 * 40); // the next week boundary
    for (let i = 0; i < 12; i++) await page.click('#faster');
    await page.waitForFunction(`document.getElementById('speed').textContent.startsWith('×512')`, undefined, { timeout: 5000 });
    // Phases are numbered 1..n in time order; the warm-up is a band without a number.
    const n = transition.organisation.timeline.length;
    expect(n).toBeGreaterThan(1);
    expect(await page.locator('.marker-phase').allTextContents()).toEqual(Array.from({ length: n }, (_, i) => String(i + 1)));
    expect(await page.locator('.marker-warmup').textContent()).toBe('');
    const sorted = [...transition.organisation.timeline].sort((a, b) => a.at - b.at);
    await page.locator('.marker-phase').nth(n - 1).click();
    await timeIs(sorted[n - 1]!.at);
    await page.waitForFunction(`document.getElementById('phase').textContent.startsWith('Now: phase ${n}: ')`, undefined, { timeout: 5000 });
    // Keyboard: Home and End.
    await page.keyboard.press('Home');
    await timeIs(0);
    await page.keyboard.press('End');
    await timeIs(end);
  });

  test('Whose week is linked across runs; Follow works in the right-hand run', async () => {
    await open('trace=t/island.json&trace=t/usm.json', 2);
    const value = await page.locator('.run[data-run="0"] select.week-subject option').nth(2).getAttribute('value');
    expect(value).toMatch(/^id:/);
    await page.locator('.run[data-run="0"] select.week-subject').selectOption(value!);
    await page.waitForFunction(`document.querySelector('.run[data-run="1"] select.week-subject').value === ${JSON.stringify(value)}`, undefined, { timeout: 5000 });
    await page.evaluate(`window.stroomViewer.app.clock.seek(10 * 40)`);
    await page.locator('#follow-run').selectOption('1');
    await page.click('#follow-toggle');
    await page.waitForFunction(`!document.getElementById('follow').hidden`, undefined, { timeout: 5000 });
    expect(await page.evaluate(`window.stroomViewer.app.follow.run`)).toBe(1);
  });

  test('the info panel, the person inspector and chart export', async () => {
    await open('trace=t/island.json&trace=t/usm.json', 2);
    await page.evaluate(`window.stroomViewer.app.clock.seek(12 * 40 + 17)`);
    await page.click('#info-toggle');
    await page.waitForFunction(`!document.getElementById('info').hidden`, undefined, { timeout: 5000 });
    expect(await page.locator('#info').textContent()).toContain('compensation');
    await page.click('#info .info-close');
    // Click the first manager's mark in the right-hand run.
    const at = (await page.evaluate(`(() => {
      const v = window.stroomViewer.app.views[1];
      const p = v.bundle.data.persons.findIndex((x) => x.isManager);
      const r = v.matrix.canvas.getBoundingClientRect();
      return { x: r.left + v.matrix.layout.personX[p], y: r.top + v.matrix.layout.personY[p], name: v.bundle.data.persons[p].name };
    })()`)) as { x: number; y: number; name: string };
    await page.mouse.click(at.x, at.y);
    await page.waitForFunction(`!document.getElementById('inspector').hidden`, undefined, { timeout: 5000 });
    const text = (await page.locator('#inspector').textContent()) ?? '';
    expect(text).toContain(at.name);
    expect(text).toMatch(/Week 13 so far \(working hours\)/);
    const download = page.waitForEvent('download');
    await page.locator('.run[data-run="0"] .manager-chart .export-csv').click();
    const file = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync(file!, 'utf8').split('\n');
    expect(csv[0]).toMatch(/^week,/);
    expect(csv.length).toBeGreaterThan(20);
  });
});
