import { describe, expect, it } from 'vitest';
import { escapeHtml, renderHtmlReport, scriptJson } from '../../sim/cli/html-report.js';

const hostile = '<img src=x onerror=alert(1)></script><!--';

describe('html report', () => {
  const html = renderHtmlReport({
    title: `Compare ${hostile}`,
    subtitle: ['scenario: dpv'],
    sections: [
      {
        heading: 'Flow',
        paragraphs: [hostile],
        tables: [{ columns: ['metric', 'island'], rows: [[hostile, 1.5]], groups: { 0: 'flow' }, note: 'n=2' }],
        charts: [{ title: hostile, xLabel: 'week', yLabel: 'h', x: [1, 2], series: [{ label: hostile, y: [1, 2], lo: [0, 1], hi: [2, 3] }], marks: [{ x: 1, label: hostile }] }],
      },
    ],
  });

  it('never lets a name become markup', () => {
    expect(html).not.toContain('<img');
    expect(html).toContain(escapeHtml(hostile));
    // Inside the JSON block no "<" survives, so no name can close it.
    const json = /<script type="application\/json" id="chart-data">([^]*?)<\/script>/.exec(html)![1]!;
    expect(json).not.toContain('<');
    expect(JSON.parse(json)[0].series[0].label).toBe(hostile);
  });

  it('is self-contained: uPlot inlined, no network address', () => {
    expect(html).toContain('uPlot');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    expect(html).toContain("default-src 'none'");
  });

  it('groups rows and keeps the table shape', () => {
    expect(html).toContain('<tr class="g"><th colspan="2">flow</th></tr>');
    expect(html.match(/<figure class="chart"/g)).toHaveLength(1);
  });

  it('escapes line separators in script JSON', () => {
    expect(scriptJson({ a: 'x\u2028y</script>' })).toBe('{"a":"x\\u2028y\\u003c/script>"}');
  });
});
