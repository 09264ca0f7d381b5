// Live policy change in Chromium: a run made in the browser offers "Change now…"; a
// change applied at week 4 replaces the run by the one with that timeline entry, the
// clock stays where it was, and the figures are exactly those of the same design with
// the entry written into its timeline, simulated in Node. A trace file (not made in the
// browser) offers no live change.

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { simulate, toTraceFile, type TraceFile } from '../../sim/model/index.js';
import { smallSpec } from '../../viewer/src/builtin-small.js';
import { requireChromium } from './helpers/harness.js';
import { viewerRig } from './helpers/rig.js';
import { makeTrace } from './helpers/make-trace.js';

const HAVE_CHROMIUM = requireChromium('the viewer live-change tests', test);

describe.skipIf(!HAVE_CHROMIUM)('viewer: live policy change', () => {
  const rig = viewerRig((s) => {
    s.put('/t/island.json', makeTrace({ design: 'island', seed: 1, weeks: 6, warmupWeeks: 2, persons: 20 }));
  });
  let page: Page;
  beforeAll(() => {
    page = rig.page;
  });

  test('a trace file offers no live change', async () => {
    await page.goto(`${rig.server.url}/?trace=t/island.json`);
    await page.waitForFunction(`document.body.dataset.runs === '1'`, undefined, { timeout: 30_000 });
    expect(await page.locator('#live-panel').isVisible()).toBe(false);
  });

  test('a change at week 4 continues the run and equals the timeline run', async () => {
    await page.goto(`${rig.server.url}/?trainer=1&run=small&design=island&seed=1&weeks=6`);
    await page.waitForFunction(`document.body.dataset.runs === '1' && document.body.dataset.running === 'false'`, undefined, { timeout: 60_000 });
    await page.waitForFunction(`!document.getElementById('live-panel').hidden`, undefined, { timeout: 10_000 });
    const t = 3 * 40 + 21;
    await page.evaluate(`window.stroomViewer.app.clock.seek(${t})`);
    await page.click('#live-panel summary');
    await page.waitForFunction(`document.querySelector('#live-form select[name=what]').options.length > 1`, undefined, { timeout: 10_000 });
    await page.selectOption('#live-form select[name=what]', 'protectedDesignShare');
    await page.selectOption('#live-form select[name=value]', '0.3');
    await page.click('#live-form button[type=submit]');
    await page.waitForFunction(`window.stroomViewer.app.bundles[0].data.trace.organisation.timeline.some((e) => e.at === 160)`, undefined, { timeout: 60_000 });
    expect(Number(await page.locator('#time').getAttribute('data-time'))).toBe(t);
    const shown = (await page.evaluate(`window.stroomViewer.app.bundles[0].data.trace.metrics`)) as TraceFile['metrics'];
    const label = (await page.evaluate(`window.stroomViewer.app.bundles[0].data.trace.organisation.timeline.find((e) => e.at === 160).label`)) as string;
    expect(label).toBe('from week 5: protectedDesignShare = 0.3');
    // The same run written by hand: island with one more timeline entry, simulated in Node.
    const base = smallSpec('island', 20, 8);
    const spec = { ...base, timeline: [...base.timeline, { at: 160, label, policies: { protectedDesignShare: 0.3 } }] };
    const result = simulate(spec, { seed: 1, replication: 0, horizon: 240, warmup: 80, trace: true });
    const expected = toTraceFile(spec, result, { scenario: 'small', design: 'island', seed: 1, replication: 0, horizon: 240, warmup: 80 });
    expect(shown).toEqual(JSON.parse(JSON.stringify(expected.metrics)));
    expect(await page.locator('#error').isVisible()).toBe(false);
  });
});
