// Fitting names into the matrix picture without cutting them: a label first tries its
// own font, then a smaller one, then two lines (stream headers), and only as a last
// resort an abbreviation (meeting boxes: the initials, the full name in the tooltip) or
// an ellipsis. Canvas text cannot overflow-scroll, so this is where "no clipped label"
// is kept for the picture.

export const FONT_STEPS = [1, 0.9, 0.8, 0.72];

export function fontOf(px: number, bold: boolean): string {
  return `${bold ? '600 ' : ''}${px.toFixed(2)}px system-ui, sans-serif`;
}

/** Width of text at a size, with the context's font set for it. */
export function measure(g: CanvasRenderingContext2D, text: string, px: number, bold: boolean): number {
  g.font = fontOf(px, bold);
  return g.measureText(text).width;
}

export function ellipsis(g: CanvasRenderingContext2D, text: string, max: number): string {
  if (g.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (g.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? '' : `${text.slice(0, lo)}…`;
}

/** "Weekly line review" → "WLR"; a one-word name keeps its first three letters. */
export function initials(name: string): string {
  const words = name.split(/[\s\-–·/]+/).filter(Boolean);
  if (words.length <= 1) return name.slice(0, 3);
  return words.map((w) => w[0]!.toUpperCase()).join('').slice(0, 5);
}

export interface Fitted {
  lines: string[];
  px: number;
}

/** Fits text into max width (and at most `maxLines` lines) trying smaller fonts down to 72%. */
export function fitLines(g: CanvasRenderingContext2D, text: string, max: number, px: number, bold: boolean, maxLines = 1, abbreviate = false): Fitted {
  for (const f of FONT_STEPS) {
    if (measure(g, text, px * f, bold) <= max) return { lines: [text], px: px * f };
  }
  const words = text.split(' ');
  if (maxLines >= 2 && words.length > 1) {
    for (const f of FONT_STEPS) {
      let best: string[] | null = null;
      let bestW = Infinity;
      for (let k = 1; k < words.length; k++) {
        const a = words.slice(0, k).join(' ');
        const b = words.slice(k).join(' ');
        const w = Math.max(measure(g, a, px * f, bold), measure(g, b, px * f, bold));
        if (w < bestW) {
          bestW = w;
          best = [a, b];
        }
      }
      if (best && bestW <= max) return { lines: best, px: px * f };
    }
  }
  const small = px * FONT_STEPS[FONT_STEPS.length - 1]!;
  if (abbreviate) {
    const short = initials(text);
    if (measure(g, short, small, bold) <= max) return { lines: [short], px: small };
  }
  g.font = fontOf(small, bold);
  return { lines: [ellipsis(g, text, max)], px: small };
}

/** Draws fitted lines centred on (x, y). */
export function drawLines(g: CanvasRenderingContext2D, f: Fitted, x: number, y: number, bold: boolean): void {
  g.font = fontOf(f.px, bold);
  const lh = f.px * 1.1;
  const y0 = y - ((f.lines.length - 1) * lh) / 2;
  f.lines.forEach((line, i) => g.fillText(line, x, y0 + i * lh));
}
