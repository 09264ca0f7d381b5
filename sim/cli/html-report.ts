// Self-contained HTML reports (`-f html` of compare, attribute, tipping, sensitivity,
// and the claims report): tables and uPlot charts in one file that opens without a
// network. Every text that came from outside (scenario, design, stream and metric
// names) is escaped as text; chart data travel as JSON inside a <script
// type="application/json"> block whose `<` are escaped, so no input can close the block
// or become markup. uPlot's own code and style are inlined from the installed package.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** A table: a header row and body rows of cells already formatted for reading. */
export interface ReportTable {
  caption?: string;
  columns: string[];
  rows: (string | number)[][];
  /** A line under the table (what the marks mean, the units). */
  note?: string;
  /** Rows that group the body: index into rows → a heading shown above that row. */
  groups?: Record<number, string>;
}

/** One line of a chart; lo/hi (same length as y) draw a band around it (an interval). */
export interface ReportSeries {
  label: string;
  y: (number | null)[];
  lo?: (number | null)[];
  hi?: (number | null)[];
}

/** A line chart over a shared x axis (weeks, a factor's values, ...). */
export interface ReportChart {
  title: string;
  xLabel: string;
  yLabel: string;
  x: number[];
  series: ReportSeries[];
  /** Vertical marks on the x axis (e.g. a transition's start, a tipping point). */
  marks?: { x: number; label: string }[];
  /** 'line' (default), or 'stacked-bars': one bar per x, the series stacked in order (bands are ignored). */
  kind?: 'line' | 'stacked-bars';
  /** Names shown under the x values 1, 2, ... instead of the numbers (e.g. designs). */
  xNames?: string[];
}

export interface ReportSection {
  heading: string;
  paragraphs?: string[];
  tables?: ReportTable[];
  charts?: ReportChart[];
}

export interface ReportDocument {
  title: string;
  /** Lines under the title: scenario, designs, replications, seed, version. */
  subtitle?: string[];
  sections: ReportSection[];
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** JSON safe inside a <script> element: no `<` (so no `</script>` or `<!--`), no U+2028/9. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

let uplotAssets: { js: string; css: string } | undefined;
function uplot(): { js: string; css: string } {
  if (!uplotAssets) {
    const require = createRequire(import.meta.url);
    const dir = require.resolve('uplot/package.json').replace(/package\.json$/, 'dist/');
    uplotAssets = {
      js: readFileSync(`${dir}uPlot.iife.min.js`, 'utf8'),
      css: readFileSync(`${dir}uPlot.min.css`, 'utf8'),
    };
  }
  return uplotAssets;
}

function renderTable(t: ReportTable): string {
  const head = t.columns.map((c, i) => `<th${i === 0 ? ' class="l"' : ''}>${escapeHtml(c)}</th>`).join('');
  const body: string[] = [];
  t.rows.forEach((row, r) => {
    const group = t.groups?.[r];
    if (group !== undefined) body.push(`<tr class="g"><th colspan="${t.columns.length}">${escapeHtml(group)}</th></tr>`);
    body.push(`<tr>${row.map((cell, i) => `<td${i === 0 ? ' class="l"' : ''}>${escapeHtml(String(cell))}</td>`).join('')}</tr>`);
  });
  return [
    '<table>',
    t.caption ? `<caption>${escapeHtml(t.caption)}</caption>` : '',
    `<thead><tr>${head}</tr></thead><tbody>${body.join('')}</tbody></table>`,
    t.note ? `<p class="note">${escapeHtml(t.note)}</p>` : '',
  ].join('');
}

/** Renders the document as one HTML page (UTF-8, no external resources). */
export function renderHtmlReport(doc: ReportDocument): string {
  const charts: ReportChart[] = [];
  const sections = doc.sections.map((s) => {
    const parts = [`<section><h2>${escapeHtml(s.heading)}</h2>`];
    for (const p of s.paragraphs ?? []) parts.push(`<p>${escapeHtml(p)}</p>`);
    for (const t of s.tables ?? []) parts.push(renderTable(t));
    for (const c of s.charts ?? []) {
      parts.push(`<figure class="chart" data-chart="${charts.length}"><figcaption>${escapeHtml(c.title)}</figcaption></figure>`);
      charts.push(c);
    }
    parts.push('</section>');
    return parts.join('\n');
  });
  const { js, css } = uplot();
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(doc.title)}</title>
<style>${css}
body{font:15px/1.45 system-ui,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222}
h1{font-size:1.6em;margin-bottom:.2em}.sub{color:#555;margin:0}h2{margin-top:2em;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:1em 0;font-variant-numeric:tabular-nums}caption{text-align:left;font-weight:600;padding:.3em 0}
th,td{padding:.2em .7em;text-align:right;border-bottom:1px solid #eee}th.l,td.l{text-align:left}
tr.g th{text-align:left;background:#f3f3f3;padding-top:.5em}p.note{color:#555;font-size:.9em}
figure.chart{margin:1.5em 0}figcaption{font-weight:600;margin-bottom:.3em}
</style></head><body>
<h1>${escapeHtml(doc.title)}</h1>
${(doc.subtitle ?? []).map((l) => `<p class="sub">${escapeHtml(l)}</p>`).join('\n')}
${sections.join('\n')}
<script type="application/json" id="chart-data">${scriptJson(charts)}</script>
<script>${js}</script>
<script>${CHART_SCRIPT}</script>
</body></html>
`;
}

// Draws each chart with uPlot: a band (filled between lo and hi) under its line where
// the series has one; vertical marks drawn in a hook. Runs in the report's page.
const CHART_SCRIPT = `(function(){
var charts=JSON.parse(document.getElementById('chart-data').textContent);
var colours=['#1f77b4','#d62728','#2ca02c','#9467bd','#ff7f0e','#8c564b','#e377c2','#17becf','#bcbd22','#7f7f7f'];
function fade(c){return c+'33';}
document.querySelectorAll('figure.chart').forEach(function(fig){
  var c=charts[+fig.getAttribute('data-chart')];
  var data=[c.x],series=[{label:c.xLabel}],bands=[];
  c.series.forEach(function(s,i){
    var col=colours[i%colours.length];
    if(s.lo&&s.hi){
      var hiIdx=data.length;data.push(s.hi);series.push({label:s.label+' (upper)',stroke:fade(col),width:0.5,points:{show:false}});
      var loIdx=data.length;data.push(s.lo);series.push({label:s.label+' (lower)',stroke:fade(col),width:0.5,points:{show:false}});
      bands.push({series:[hiIdx,loIdx],fill:fade(col)});
    }
    data.push(s.y);series.push({label:s.label,stroke:col,width:2});
  });
  if(c.kind==='stacked-bars'){
    // Each series drawn as a bar up to its running total, the largest total first, so
    // the smaller ones paint over it and the bar shows the stack.
    var acc=c.x.map(function(){return 0;}),tot=[];
    c.series.forEach(function(s){acc=acc.map(function(a,j){return a+(s.y[j]||0);});tot.push(acc.slice());});
    data=[c.x];series=[{label:c.xLabel,value:function(u,v){return c.xNames&&v!=null?(c.xNames[v-1]||v):v;}}];bands=[];
    for(var k=c.series.length-1;k>=0;k--){
      var colk=colours[k%colours.length];
      data.push(tot[k]);
      // The legend shows the part's own value, not the running total drawn.
      series.push({label:c.series[k].label,stroke:colk,fill:colk,width:1,points:{show:false},paths:uPlot.paths.bars({size:[0.6,80]}),
        value:(function(own){return function(u,v,si,i){var y=i==null?null:own[i];return y==null?'--':(+y).toPrecision(3);};})(c.series[k].y)});
    }
  }
  var marks=c.marks||[];
  var width=Math.min(1050,fig.clientWidth||1000);
  new uPlot({width:width,height:320,series:series,bands:bands,
    axes:[{label:c.xLabel,values:c.xNames?function(u,vs){return vs.map(function(v){return Number.isInteger(v)?(c.xNames[v-1]||''):'';});}:undefined},{label:c.yLabel}],
    scales:{x:c.kind==='stacked-bars'?{time:false,range:[0.5,c.x.length+0.5]}:{time:false},y:c.kind==='stacked-bars'?{range:function(u,lo,hi){return [0,hi*1.05];}}:{}},
    hooks:{draw:[function(u){var ctx=u.ctx;ctx.save();ctx.strokeStyle='#888';ctx.fillStyle='#444';ctx.setLineDash([4,4]);
      ctx.font=Math.round(11*devicePixelRatio)+'px sans-serif';
      marks.forEach(function(m){var px=u.valToPos(m.x,'x',true);ctx.beginPath();ctx.moveTo(px,u.bbox.top);ctx.lineTo(px,u.bbox.top+u.bbox.height);ctx.stroke();ctx.fillText(m.label,px+4,u.bbox.top+12*devicePixelRatio);});
      ctx.restore();}]}
  },data,fig);
});
})();`;
