// The viewer's colours and marks, in one place so every view speaks the same visual
// language.
//
// Palette: Okabe & Ito (2008), "Color Universal Design", eight colours chosen to stay
// distinguishable under the common colour-vision deficiencies (protan, deutan, tritan):
//   black #000000, orange #E69F00, sky blue #56B4E9, bluish green #009E73,
//   yellow #F0E442, blue #0072B2, vermillion #D55E00, reddish purple #CC79A7.
// Colour is never the only carrier of meaning: every activity and every escalation
// outcome also has its own shape (and outcomes a one-letter label), and chart series
// differ by dash pattern as well as colour, so a greyscale print still reads.
// Queue sizes use a single-hue lightness ramp (light to dark blue) plus a bar length
// and a number, which survives every kind of colour blindness.

import { svg } from './dom.js';

export const OKABE_ITO = {
  black: '#000000',
  orange: '#E69F00',
  skyBlue: '#56B4E9',
  bluishGreen: '#009E73',
  yellow: '#F0E442',
  blue: '#0072B2',
  vermillion: '#D55E00',
  reddishPurple: '#CC79A7',
} as const;

export const GREY = '#9a9a9a';
export const LIGHT_GREY = '#d4d4d4';

export type Shape = 'circle' | 'ring' | 'square' | 'triangle' | 'diamond' | 'hexagon' | 'triangleDown' | 'cross' | 'dot';

export interface Mark {
  label: string;
  color: string;
  shape: Shape;
  /** Short text drawn beside or inside a mark where space allows. */
  letter: string;
}

/** What a person is doing, keyed by the trace's activity names (codes.activities). */
export const ACTIVITY_MARKS: Record<string, Mark> = {
  operating: { label: 'operating', color: OKABE_ITO.blue, shape: 'circle', letter: 'O' },
  coordinating: { label: 'coordinating', color: OKABE_ITO.skyBlue, shape: 'square', letter: 'K' },
  compensating: { label: 'compensating', color: OKABE_ITO.vermillion, shape: 'triangle', letter: 'C' },
  designing: { label: 'designing', color: OKABE_ITO.bluishGreen, shape: 'diamond', letter: 'D' },
  meeting: { label: 'in a meeting', color: OKABE_ITO.reddishPurple, shape: 'hexagon', letter: 'M' },
  overtime: { label: 'working overtime', color: OKABE_ITO.orange, shape: 'triangleDown', letter: '+' },
  absent: { label: 'absent', color: OKABE_ITO.black, shape: 'cross', letter: 'A' },
  idle: { label: 'idle (on duty)', color: GREY, shape: 'ring', letter: '·' },
  off: { label: 'off duty', color: LIGHT_GREY, shape: 'dot', letter: ' ' },
};

export const UNKNOWN_MARK: Mark = { label: 'unknown', color: GREY, shape: 'dot', letter: '?' };

/** How an escalation ended, keyed by the trace's outcome names (codes.outcomes). */
export const OUTCOME_MARKS: Record<string, Mark> = {
  open: { label: 'travelling / waiting', color: OKABE_ITO.black, shape: 'ring', letter: '…' },
  compensated: { label: 'compensated by a manager', color: OKABE_ITO.vermillion, shape: 'triangle', letter: 'C' },
  referred: { label: 'referred to an agreement', color: OKABE_ITO.blue, shape: 'square', letter: 'R' },
  signalled: { label: 'signalled (design signal)', color: OKABE_ITO.bluishGreen, shape: 'diamond', letter: 'S' },
  meeting: { label: 'settled in a meeting', color: OKABE_ITO.reddishPurple, shape: 'hexagon', letter: 'M' },
  resolved: { label: 'resolved by a coordinator', color: OKABE_ITO.skyBlue, shape: 'circle', letter: '✓' },
  withdrawn: { label: 'withdrawn: its case finished first', color: OKABE_ITO.orange, shape: 'cross', letter: 'W' },
};

/** Layers of a manager's week (weekly hours chart), bottom to top. */
export const WEEK_LAYERS: readonly { key: 'design' | 'compensation' | 'meeting' | 'other' | 'overtime'; label: string; color: string; dash: number[] }[] = [
  { key: 'design', label: 'design', color: OKABE_ITO.bluishGreen, dash: [] },
  { key: 'compensation', label: 'compensation', color: OKABE_ITO.vermillion, dash: [6, 3] },
  { key: 'meeting', label: 'meetings', color: OKABE_ITO.reddishPurple, dash: [2, 2] },
  { key: 'other', label: 'other work (operate, coordinate)', color: OKABE_ITO.skyBlue, dash: [8, 2, 2, 2] },
  { key: 'overtime', label: 'overtime', color: OKABE_ITO.orange, dash: [1, 3] },
];

/** Chart line styles: colour plus dash, so lines stay apart without colour. */
export const LINE = {
  coverage: { color: OKABE_ITO.bluishGreen, dash: [] as number[] },
  backlog: { color: OKABE_ITO.vermillion, dash: [6, 3] },
  teamKpi: { color: OKABE_ITO.blue, dash: [] as number[] },
  dueDate: { color: OKABE_ITO.orange, dash: [6, 3] },
  histogram: { color: OKABE_ITO.blue, dash: [] as number[] },
  cursor: OKABE_ITO.black,
  phase: OKABE_ITO.reddishPurple,
};

/** Queue ramp: 0 → near white, `max` and above → dark blue. Returns an rgb() string. */
export function queueColor(q: number, max: number): string {
  const x = max > 0 ? Math.min(1, Math.max(0, q / max)) : 0;
  // Interpolate in sRGB between #f4f8fb and #08306b (one hue, falling lightness).
  const r = Math.round(244 + (8 - 244) * x);
  const g = Math.round(248 + (48 - 248) * x);
  const b = Math.round(251 + (107 - 251) * x);
  return `rgb(${r},${g},${b})`;
}

/** Text colour that stays readable on a queue cell. */
export function queueTextColor(q: number, max: number): string {
  return max > 0 && q / max > 0.5 ? '#ffffff' : '#1a1a1a';
}

/** Traces a shape centred at (x, y) with radius r into the current path (no fill/stroke). */
export function shapePath(ctx: CanvasRenderingContext2D, shape: Shape, x: number, y: number, r: number): void {
  switch (shape) {
    case 'circle':
    case 'ring':
    case 'dot': {
      const rr = shape === 'dot' ? r * 0.45 : r;
      ctx.moveTo(x + rr, y);
      ctx.arc(x, y, rr, 0, Math.PI * 2);
      break;
    }
    case 'square':
      ctx.rect(x - r * 0.85, y - r * 0.85, r * 1.7, r * 1.7);
      break;
    case 'triangle':
      ctx.moveTo(x, y - r);
      ctx.lineTo(x + r, y + r * 0.8);
      ctx.lineTo(x - r, y + r * 0.8);
      ctx.closePath();
      break;
    case 'triangleDown':
      ctx.moveTo(x, y + r);
      ctx.lineTo(x + r, y - r * 0.8);
      ctx.lineTo(x - r, y - r * 0.8);
      ctx.closePath();
      break;
    case 'diamond':
      ctx.moveTo(x, y - r * 1.15);
      ctx.lineTo(x + r, y);
      ctx.lineTo(x, y + r * 1.15);
      ctx.lineTo(x - r, y);
      ctx.closePath();
      break;
    case 'hexagon':
      for (let k = 0; k < 6; k++) {
        const a = (Math.PI / 3) * k;
        const px = x + r * Math.cos(a);
        const py = y + r * Math.sin(a);
        if (k === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      }
      ctx.closePath();
      break;
    case 'cross':
      ctx.moveTo(x - r, y - r);
      ctx.lineTo(x + r, y + r);
      ctx.moveTo(x + r, y - r);
      ctx.lineTo(x - r, y + r);
      break;
  }
}

/** Shapes drawn as outlines rather than filled. */
export function isStroked(shape: Shape): boolean {
  return shape === 'ring' || shape === 'cross';
}

/** The same shapes as an SVG element, for HTML legends. */
export function shapeSvg(mark: Mark, size = 14): SVGElement {
  const c = size / 2;
  const r = size * 0.36;
  const fill = isStroked(mark.shape) ? 'none' : mark.color;
  const stroke = mark.color;
  const sw = isStroked(mark.shape) ? 2 : 1;
  const frame = (shape: SVGElement) => svg('svg', { width: size, height: size, 'aria-hidden': 'true' }, shape);
  let d = '';
  switch (mark.shape) {
    case 'circle':
    case 'ring':
      return frame(svg('circle', { cx: c, cy: c, r, fill, stroke, 'stroke-width': sw }));
    case 'dot':
      return frame(svg('circle', { cx: c, cy: c, r: r * 0.5, fill, stroke: '#888', 'stroke-width': 0.5 }));
    case 'square':
      d = `M${c - r} ${c - r}h${2 * r}v${2 * r}h${-2 * r}z`;
      break;
    case 'triangle':
      d = `M${c} ${c - r}L${c + r} ${c + r * 0.8}L${c - r} ${c + r * 0.8}z`;
      break;
    case 'triangleDown':
      d = `M${c} ${c + r}L${c + r} ${c - r * 0.8}L${c - r} ${c - r * 0.8}z`;
      break;
    case 'diamond':
      d = `M${c} ${c - r * 1.15}L${c + r} ${c}L${c} ${c + r * 1.15}L${c - r} ${c}z`;
      break;
    case 'hexagon':
      d = Array.from({ length: 6 }, (_, k) => `${k === 0 ? 'M' : 'L'}${(c + r * Math.cos((Math.PI / 3) * k)).toFixed(2)} ${(c + r * Math.sin((Math.PI / 3) * k)).toFixed(2)}`).join('') + 'z';
      break;
    case 'cross':
      d = `M${c - r} ${c - r}L${c + r} ${c + r}M${c + r} ${c - r}L${c - r} ${c + r}`;
      break;
  }
  return frame(svg('path', { d, fill, stroke, 'stroke-width': sw }));
}
