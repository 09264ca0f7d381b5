// Loading failures in Chromium: with a run on screen, each kind of bad input (a trace
// missing a part, one over an allocation budget, a file or URL over the byte cap, a
// redirected URL) is refused with a message in words and the run on screen stays.
// A bad ?run= address is named, and the Run button is disabled while a run is made.

import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import type { TraceFile } from '../../sim/model/index.js';
import { requireChromium } from './helpers/harness.js';
import { viewerRig } from './helpers/rig.js';
import { makeTrace } from './helpers/make-trace.js';

const HAVE_CHROMIUM = requireChromium('the viewer loading tests', test);

describe.skipIf(!HAVE_CHROMIUM)('viewer: loading failures keep the runs on screen', () => {
  const text = makeTrace({ design: 'island', seed: 4, weeks: 6, warmupWeeks: 1, persons: 20 });
  const good = JSON.parse(text) as TraceFile;
  type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  const variant = (change: (t: Loose) => void) => {
    const t = structuredClone(good) as unknown as Loose;
    change(t);
    return JSON.stringify(t);
  };
  const rig = viewerRig((s) => {
    s.put('/traces/good.json', text);
    s.put('/traces/big.json', text);
    s.redirect('/traces/moved.json', '/traces/good.json');
  });
  let page: Page;
  beforeAll(() => {
    page = rig.page;
  });

  async function openGood(): Promise<void> {
    await page.goto(`${rig.server.url}/?trace=traces/good.json`);
    await page.waitForFunction(`document.body.dataset.runs === '1'`, undefined, { timeout: 30_000 });
    await page.evaluate(`document.getElementById('error').hidden = true`);
  }

  /** The message shown after a failure; the good run must still be on screen. */
  async function failureShown(): Promise<string> {
    await page.waitForFunction(`!document.getElementById('error').hidden`, undefined, { timeout: 30_000 });
    const message = (await page.locator('#error .error-message').textContent()) ?? '';
    expect(await page.evaluate(`document.body.dataset.runs`)).toBe('1');
    expect(await page.locator('.run-head h2').textContent()).toContain(good.design);
    expect(await page.locator('canvas.matrix').count()).toBe(1);
    expect(message).toContain('already on screen is kept');
    return message;
  }

  const pick = (name: string, body: string) => page.setInputFiles('#file', { name, mimeType: 'application/json', buffer: Buffer.from(body) });

  test.each([
    ['without persons', (t: Loose) => delete t.persons, 'no-persons.json: persons: expected an array, got nothing'],
    ['without codes', (t: Loose) => delete t.codes, 'no-codes.json: codes: expected an object, got nothing'],
    ['without cells', (t: Loose) => delete t.cells, 'no-cells.json: cells: expected an object, got nothing'],
    ['over the matrix budget', (t: Loose) => {
      t.organisation.teams = Array.from({ length: 101 }, (_, i) => ({ id: `t${i}`, name: 't' }));
      t.organisation.streams = Array.from({ length: 100 }, (_, i) => ({ id: `s${i}`, name: 's', steps: ['t0'] }));
      for (const p of t.organisation.persons) p.team = null;
      t.cells = { teams: t.organisation.teams.map((e: Loose) => e.id), streams: t.organisation.streams.map((e: Loose) => e.id), queue: [] };
      t.events = { time: [], type: [], a: [], b: [], c: [] };
    }, 'matrix cells, more than the 10,000'],
  ])('a file %s', async (name, change, expected) => {
    await openGood();
    const file = name === 'over the matrix budget' ? 'wide.json' : `no-${name.split(' ')[1]}.json`;
    await pick(file, variant(change));
    expect(await failureShown()).toContain(expected);
  });

  test('a file over the byte cap is reported as too large, not read', async () => {
    await openGood();
    await page.evaluate(`window.stroomViewer.limits.bytes = 1000`);
    await pick('huge.json', text);
    const message = await failureShown();
    expect(message).toMatch(/huge\.json: the file is [\d.]+ kB, more than the 1.0 kB the viewer reads/);
    expect(message).not.toContain('empty');
  });

  test('a URL over the byte cap is refused from its declared size', async () => {
    await openGood();
    await page.evaluate(`window.stroomViewer.limits.bytes = 1000`);
    await page.evaluate(`window.stroomViewer.sources.openUrls(['traces/big.json'])`);
    expect(await failureShown()).toMatch(/big\.json: the file is [\d.]+ kB, more than the 1.0 kB/);
  });

  test('a redirected URL is not followed', async () => {
    await openGood();
    await page.evaluate(`window.stroomViewer.sources.openUrls(['traces/moved.json'])`);
    expect(await failureShown()).toContain('does not follow redirects');
  });

  test('a ?run= with an impossible number of weeks is named', async () => {
    await page.goto(`${rig.server.url}/?run=small&design=island&weeks=1e9`);
    await page.waitForFunction(`!document.getElementById('error').hidden`, undefined, { timeout: 30_000 });
    expect(await page.locator('#error .error-message').textContent()).toContain('?weeks=1e9: expected a whole number of weeks from 1 to 520');
    expect(await page.evaluate(`document.body.dataset.running`)).not.toBe('true');
  });

  test('Run is disabled while a run is made', async () => {
    await openGood();
    await page.click('#run-panel summary');
    await page.waitForFunction(`document.querySelector('#run-form select[name=design]').options.length > 0`, undefined, { timeout: 30_000 });
    await page.fill('#run-form input[name=weeks]', '2');
    await page.click('#run-form button[type=submit]');
    await page.waitForFunction(`document.body.dataset.running === 'true'`, undefined, { timeout: 10_000 });
    expect(await page.locator('#run-form button[type=submit]').isDisabled()).toBe(true);
    await page.waitForFunction(`document.body.dataset.running === 'false'`, undefined, { timeout: 60_000 });
    expect(await page.locator('#run-form button[type=submit]').isDisabled()).toBe(false);
  });
});
