// Export of a chart as a picture (PNG, from uPlot's canvas) or as its numbers (CSV, one
// row per x value, a column per series, with the axis names as headers), so a trainer
// can put a chart in slides or check its figures in a spreadsheet.

import type uPlot from 'uplot';
import { h } from '../dom.js';

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name.replace(/[^\w.-]+/g, '_');
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** CSV text of columns; the first is x. Values are written exactly (String), missing as empty. */
export function toCsv(headers: string[], columns: (number | null)[][]): string {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const rows = [headers.map(quote).join(',')];
  const n = columns[0]?.length ?? 0;
  for (let i = 0; i < n; i++) rows.push(columns.map((c) => (c[i] === null || c[i] === undefined ? '' : String(c[i]))).join(','));
  return `${rows.join('\n')}\n`;
}

/** Adds "PNG" and "CSV" buttons to a chart's figure. `data` gives the full columns at click time. */
export function addExport(figure: HTMLElement, plot: uPlot, name: string, data: () => (number | null)[][]): void {
  const png = h('button', { class: 'export export-png', title: 'Download this chart as a PNG picture', attrs: { type: 'button' } }, 'PNG');
  const csv = h('button', { class: 'export export-csv', title: 'Download the numbers of this chart as CSV', attrs: { type: 'button' } }, 'CSV');
  png.addEventListener('click', () => {
    const canvas = plot.ctx.canvas;
    canvas.toBlob((b) => b && download(b, `${name}.png`), 'image/png');
  });
  csv.addEventListener('click', () => {
    const headers = plot.series.map((s, i) => (i === 0 ? String(plot.axes[0]?.label ?? 'x') : String(s.label ?? `series ${i}`)));
    download(new Blob([toCsv(headers, data())], { type: 'text/csv' }), `${name}.csv`);
  });
  figure.appendChild(h('span', { class: 'export-buttons' }, png, csv));
}
