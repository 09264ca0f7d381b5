// `stroom compare -f html` opened in Chromium the way a person opens the file: offline
// (every network request is refused and recorded), no console error, and every chart
// (weekly series with bands, the stacked lead time parts and fates) has drawn pixels.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch, requireChromium, type Browser } from '../viewer/helpers/harness.js';
import { ROOT, stroom, tempDir } from './helpers.js';

const SMALL = join(ROOT, 'test', 'scenario', 'fixtures', 'small.yaml');
const haveChromium = requireChromium('the compare HTML report test', it);

describe.skipIf(!haveChromium)('compare -f html in Chromium', () => {
  let browser: Browser;
  let file: string;
  beforeAll(async () => {
    file = join(tempDir('stroom-html-'), 'compare.html');
    const r = await stroom(['compare', SMALL, '--reps', '3', '--horizon', '10', '--warmup', '4', '--workers', '2', '-f', 'html', '-o', file]);
    expect(r.code, r.stderr).toBe(0);
    browser = await launch();
  }, 180_000);
  afterAll(async () => browser?.close());

  it('holds the grouped tables, the units and the relevance note', () => {
    const html = readFileSync(file, 'utf8');
    expect(html).toContain('<tr class="g"><th colspan="5">flow: how fast and how reliably requests get through</th></tr>');
    expect(html).toContain('lead_time_mean [h]');
    expect(html).toContain('exceeds 1% of island&#39;s mean');
    expect(html).toContain('Where the lead time goes');
    expect(html).toContain('What became of the problems');
    expect(html).toContain('Diagnostics');
  });

  it('draws every chart offline without a console error', async () => {
    const page = await browser.context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => document.querySelectorAll('figure.chart canvas').length === document.querySelectorAll('figure.chart').length);
    const drawn = await page.evaluate(() =>
      [...document.querySelectorAll('figure.chart')].map((fig) => {
        const canvas = fig.querySelector('canvas')!;
        const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let ink = 0;
        // Coloured pixels only: axes and grid are grey, so these are the lines, bands and bars.
        for (let i = 0; i < data.length; i += 4) {
          const [r, g, b, a] = [data[i]!, data[i + 1]!, data[i + 2]!, data[i + 3]!];
          if (a > 0 && Math.max(r, g, b) - Math.min(r, g, b) > 60) ink++;
        }
        return { title: fig.querySelector('figcaption')?.textContent ?? '', ink, area: canvas.width * canvas.height };
      }),
    );
    // 7 weekly series, the lead time parts, the fates.
    expect(drawn.length).toBe(9);
    for (const c of drawn) expect(c.ink, c.title).toBeGreaterThan(0.001 * c.area);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    await page.close();
  }, 120_000);
});
