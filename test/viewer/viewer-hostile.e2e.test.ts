// The viewer in Chromium against a trace with markup in every name (helpers/hostile-trace):
// loaded from a file, from ?trace= on the viewer's own site and from another site (which
// needs the user's go-ahead first), it runs no script and opens no dialog, and the
// markup shows as literal text wherever the name is shown. A trace whose replication is
// a string of markup is refused with a message that names the field.
//
// Without /usr/bin/chromium the suite is skipped with a console message, except on CI
// (CI=true), where a missing browser is a failure.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseTraceFile, type TraceFile } from '../../sim/model/index.js';
import { buildViewer, launch, serve, type Browser, type TestServer, requireChromium } from './helpers/harness.js';
import { hostileTrace, marked, MARKUP } from './helpers/hostile-trace.js';
import { makeTrace } from './helpers/make-trace.js';

const HAVE_CHROMIUM = requireChromium('the viewer markup tests', test);

describe.skipIf(!HAVE_CHROMIUM)('viewer: names from a trace are text, never markup', () => {
  const site = mkdtempSync(join(tmpdir(), 'stroom-viewer-site-'));
  const empty = mkdtempSync(join(tmpdir(), 'stroom-other-site-'));
  let server: TestServer;
  let other: TestServer;
  let browser: Browser;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  const base = JSON.parse(makeTrace({ design: 'transition', seed: 3, weeks: 8, warmupWeeks: 2, persons: 20 })) as TraceFile;
  const hostile = hostileTrace(base);
  const hostileText = JSON.stringify(hostile);
  const badReplication = JSON.stringify({ ...hostile, replication: MARKUP });

  beforeAll(async () => {
    // Node reads the hostile trace, so the browser is tested on a file it must show.
    parseTraceFile(structuredClone(hostile));
    await buildViewer(site);
    server = await serve(site);
    server.put('/traces/hostile.json', hostileText);
    server.put('/traces/replication.json', badReplication);
    other = await serve(empty, { cors: true });
    other.put('/hostile.json', hostileText);
    browser = await launch({ width: 1400, height: 1000 });
    page = browser.context.pages()[0] ?? (await browser.context.newPage());
    page.on('dialog', (d) => {
      dialogs.push(`${d.type()}: ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => pageErrors.push(e.message));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await other?.close();
    rmSync(site, { recursive: true, force: true });
    rmSync(empty, { recursive: true, force: true });
  });

  async function runsShown(): Promise<void> {
    await page.waitForFunction(`document.body.dataset.runs === '1' || !document.getElementById('error').hidden`, undefined, { timeout: 30_000 });
    if (await page.locator('#error').isVisible()) throw new Error(`the page shows an error: ${await page.locator('#error').textContent()}`);
  }

  /** No script from the file ran, no dialog opened, no element or handler came from its markup. */
  async function expectNothingRan(): Promise<void> {
    // Give onerror/onload handlers of any injected element time to fire.
    await page.waitForTimeout(300);
    expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(`document.querySelectorAll('img, iframe, object, embed, body script:not([src])').length`)).toBe(0);
    const handlers = await page.evaluate(`[...document.querySelectorAll('*')].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith('on')).map((a) => e.tagName + ' ' + a.name))`);
    expect(handlers).toEqual([]);
  }

  /** The names of the loaded hostile run are shown as the literal markup. */
  async function expectLiteralNames(): Promise<void> {
    expect(await page.locator('.run-head h2').textContent()).toBe(`${hostile.design} ${hostile.scenario}`);
    expect(await page.locator('.run-meta').textContent()).toContain(`seed ${hostile.seed} · replication ${hostile.replication}`);
    const managers = hostile.organisation.persons.filter((p) => p.roles.some((r) => r.startsWith('manager'))).map((p) => p.name);
    const options = await page.locator('select.week-subject option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(managers));
    // The metric named with markup is listed under its own name.
    expect(await page.evaluate(`[...document.querySelectorAll('[data-metric]')].some((e) => e.dataset.metric === ${JSON.stringify(MARKUP)})`)).toBe(true);
    // Timeline labels: on the scrubber's marks and as the phase in force.
    const label = hostile.organisation.timeline[1]!.label;
    expect(await page.locator('.marker-phase').nth(1).getAttribute('title')).toContain(label);
    await page.locator('.marker-phase').nth(1).click();
    // The phase line is redrawn on the next frame: wait for it rather than read it at once.
    await page
      .waitForFunction((want) => document.querySelector('#phase')?.textContent === want, `Now: phase 2: ${label}`, { timeout: 10_000 })
      .catch(() => undefined);
    expect(await page.locator('#phase').textContent()).toBe(`Now: phase 2: ${label}`);
    // A person's own chart: uPlot's title.
    await page.locator('select.week-subject').selectOption({ label: managers[0]! });
    expect(await page.locator('.manager-chart .u-title').textContent()).toContain(managers[0]!);
  }

  test('from a file (its name marked up too), with the narration of a case', async () => {
    await page.goto(server.url);
    await page.locator('#welcome').waitFor({ state: 'visible', timeout: 10_000 });
    await page.setInputFiles('#file', { name: `${MARKUP}.json`, mimeType: 'application/json', buffer: Buffer.from(hostileText) });
    await runsShown();
    await expectLiteralNames();
    // Follow a request: its story names the stream, the teams and the persons.
    await page.fill('#follow-form input[name=serial]', '3');
    await page.click('#follow-form button[type=submit]');
    await page.locator('#follow').waitFor({ state: 'visible', timeout: 10_000 });
    const title = await page.locator('#follow .follow-title').textContent();
    expect(title).toMatch(/^Request #3 \(.+\)$/);
    expect(title).toContain(MARKUP);
    const story = (await page.locator('#follow li').allTextContents()).join('\n');
    const team = hostile.organisation.teams.find((t) => story.includes(t.name));
    expect(team, 'a team name in the story').toBeDefined();
    expect(story).toContain(marked(''));
    await expectNothingRan();
  });

  test('a replication that is a string of markup is refused, naming the field, by file and by URL', async () => {
    await page.goto(server.url);
    await page.setInputFiles('#file', { name: 'replication.json', mimeType: 'application/json', buffer: Buffer.from(badReplication) });
    await page.locator('#error').waitFor({ state: 'visible', timeout: 10_000 });
    const msg = await page.locator('#error .error-message').textContent();
    expect(msg).toContain('replication.json: replication: expected a finite number, got the string "\\"\'><img src=x onerror=window.__pwned=1>');
    expect(await page.evaluate('document.body.dataset.runs')).toBeUndefined();
    await page.goto(`${server.url}/?trace=traces/replication.json`);
    await page.locator('#error').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('#error .error-message').textContent()).toContain('replication.json: replication: expected a finite number');
    expect(await page.evaluate('document.body.dataset.runs')).toBeUndefined();
    await expectNothingRan();
  });

  test('from ?trace= on the same site: loads at once, no question asked', async () => {
    await page.goto(`${server.url}/?trace=traces/hostile.json`);
    await runsShown();
    expect(await page.locator('#remote').isVisible()).toBe(false);
    await expectLiteralNames();
    await expectNothingRan();
  });

  test('from ?trace= on another site: nothing is fetched until the user says "Load it"', async () => {
    const url = `${other.url}/hostile.json`;
    other.requests.length = 0;
    await page.goto(`${server.url}/?trace=${encodeURIComponent(url)}`);
    await page.locator('#remote').waitFor({ state: 'visible', timeout: 10_000 });
    expect(await page.locator('#remote .remote-urls li').allTextContents()).toEqual([url]);
    await page.waitForTimeout(500);
    expect(other.requests).toEqual([]);
    expect(await page.evaluate('document.body.dataset.runs')).toBeUndefined();
    expect(await page.locator('#welcome').isVisible()).toBe(true);
    await page.click('#remote .remote-load');
    await runsShown();
    expect(other.requests).toEqual(['/hostile.json']);
    expect(await page.locator('#remote').isVisible()).toBe(false);
    await expectLiteralNames();
    await expectNothingRan();
  });

  test('another site’s URL is shown as text, and Cancel loads nothing', async () => {
    const url = `${other.url}/${MARKUP}.json`;
    other.requests.length = 0;
    await page.goto(`${server.url}/?trace=${encodeURIComponent(url)}&trace=traces/hostile.json`);
    await page.locator('#remote').waitFor({ state: 'visible', timeout: 10_000 });
    // Only the other site's address is asked about; the same-site one waits with it.
    expect(await page.locator('#remote .remote-urls li').allTextContents()).toEqual([url]);
    await page.click('#remote .remote-cancel');
    await page.locator('#remote').waitFor({ state: 'hidden', timeout: 10_000 });
    await page.waitForTimeout(300);
    expect(other.requests).toEqual([]);
    expect(await page.evaluate('document.body.dataset.runs')).toBeUndefined();
    expect(await page.locator('#run-status').textContent()).toContain('Not loaded');
    await expectNothingRan();
  });

  test('no unexpected page errors', () => {
    expect(pageErrors).toEqual([]);
  });
});
