// Escalations on the matrix canvas: dots travelling from the case's cell up to their
// receiver, piling up beside the receiver while they wait (a queue of escalations
// reads as a bar of dots, "+N" for what does not fit), and showing their fate in the
// outcome's colour and shape for a moment after they end. Drawn in a few batched
// paths (one per style); positions are kept for hover and click.

import { activeTracks, hopAt, type EscalationTracks } from './escalations.js';
import { receiverPoint, sourcePoint, type MatrixLayout } from './matrix-layout.js';
import { OKABE_ITO, OUTCOME_MARKS, UNKNOWN_MARK, shapePath, type Mark } from './palette.js';
import type { RunData } from './run-data.js';
import type { Highlight } from './matrix.js';

const MAX_DOTS = 4096;
const PILE_ROWS = 4;

export class EscalationDots {
  private readonly run: RunData;
  private readonly tracks: EscalationTracks;
  private readonly outcomeMarks: Mark[];
  private readonly active: number[] = [];
  private readonly waiting: Int32Array;
  private readonly settled: Int32Array;
  private readonly dotX = new Float32Array(MAX_DOTS);
  private readonly dotY = new Float32Array(MAX_DOTS);
  private readonly dotTrack = new Int32Array(MAX_DOTS);
  private readonly dotStyle = new Int16Array(MAX_DOTS);
  private dots = 0;

  constructor(run: RunData, tracks: EscalationTracks) {
    this.run = run;
    this.tracks = tracks;
    this.outcomeMarks = run.outcomeNames.map((n) => OUTCOME_MARKS[n] ?? UNKNOWN_MARK);
    this.waiting = new Int32Array(run.persons.length + run.trace.organisation.meetings.length + 1);
    this.settled = new Int32Array(this.waiting.length);
  }

  draw(g: CanvasRenderingContext2D, l: MatrixLayout, t: number, speed: number, hl: Highlight): void {
    const tr = this.tracks;
    const nS = this.run.trace.organisation.streams.length;
    // Travel and fade are in model hours, scaled with the speed so they stay visible
    // for about a third of a second and 0.6 s of wall time.
    const travel = Math.min(8, Math.max(0.25, speed * 0.35));
    const linger = Math.min(24, Math.max(1, speed * 0.6));
    const active = activeTracks(tr, t, linger, this.active);
    this.waiting.fill(0);
    this.settled.fill(0);
    const nP = this.run.persons.length;
    const s = l.scale;
    const step = 5.5 * s;
    let d = 0;
    // Trails of travelling dots: one faint path.
    g.beginPath();
    for (const j of active) {
      if (d >= MAX_DOTS) break;
      const hops = tr.hops[j]!;
      const ended = t >= tr.end[j]!;
      const h = hopAt(hops, t);
      const hop = hops[h]!;
      const [tx, ty] = receiverPoint(l, hop.receiver);
      let x = tx;
      let y = ty;
      const p = (t - hop.time) / travel;
      if (!ended && p < 1) {
        const [fx, fy] = h === 0 ? sourcePoint(l, tr.sourceTeam[j]!, tr.stream[j]!, nS) : receiverPoint(l, hops[h - 1]!.receiver);
        const e = p * p * (3 - 2 * p);
        x = fx + (tx - fx) * e;
        y = fy + (ty - fy) * e;
        g.moveTo(fx, fy);
        g.lineTo(x, y);
      } else if (!ended) {
        // Waiting at the receiver: a pile growing to the right of the mark, four dots
        // high, so a queue of escalations reads as a bar of dots; what does not fit is
        // counted as "+N".
        const slot = hop.receiver >= 0 ? hop.receiver : nP - hop.receiver;
        const k = this.waiting[slot]!++;
        const cap = l.pileCols[slot]! * PILE_ROWS;
        if (k >= cap) continue;
        const right = hop.receiver >= 0 ? l.rBig + 4 * s : l.meetings[-1 - hop.receiver]!.w / 2 + 4 * s;
        x += right + Math.floor(k / PILE_ROWS) * step;
        y += ((k % PILE_ROWS) - (PILE_ROWS - 1) / 2) * step;
      } else {
        // Just settled: its fate shows briefly on a small ring around the mark, apart
        // from the queue still waiting.
        const slot = hop.receiver >= 0 ? hop.receiver : nP - hop.receiver;
        const k = this.settled[slot]!++ % 12;
        const ang = Math.PI * (0.5 + k / 11);
        const rad = (hop.receiver >= 0 ? l.rBig : 6 * s) + 6 * s;
        x += Math.cos(ang) * rad;
        y += Math.sin(ang) * rad * 0.8;
      }
      this.dotX[d] = x;
      this.dotY[d] = y;
      this.dotTrack[d] = j;
      this.dotStyle[d] = ended ? tr.outcome[j]! : -1;
      d++;
    }
    this.dots = d;
    g.strokeStyle = 'rgba(0,0,0,0.15)';
    g.lineWidth = 1;
    g.stroke();
    // Open escalations: black dots with a white rim, so they read on any shade.
    g.beginPath();
    for (let i = 0; i < d; i++) if (this.dotStyle[i] === -1) shapePath(g, 'circle', this.dotX[i]!, this.dotY[i]!, 2.6 * s);
    g.fillStyle = OKABE_ITO.black;
    g.strokeStyle = '#ffffff';
    g.lineWidth = 0.8;
    g.fill();
    g.stroke();
    // Ended: one batch per outcome, in its colour and shape, fading out.
    for (let o = 0; o < this.outcomeMarks.length; o++) {
      const mark = this.outcomeMarks[o]!;
      let any = false;
      g.beginPath();
      for (let i = 0; i < d; i++) {
        if (this.dotStyle[i] !== o) continue;
        shapePath(g, mark.shape, this.dotX[i]!, this.dotY[i]!, 4.2 * s);
        any = true;
      }
      if (!any) continue;
      g.globalAlpha = 0.9;
      g.fillStyle = mark.color;
      g.strokeStyle = '#000000';
      g.lineWidth = 0.6;
      g.fill();
      g.stroke();
      g.globalAlpha = 1;
    }
    // Piles that overflowed: how many more wait there.
    g.font = `600 ${l.font * 0.9}px system-ui, sans-serif`;
    g.textAlign = 'left';
    g.textBaseline = 'middle';
    for (let slot = 0; slot < this.waiting.length; slot++) {
      const extra = this.waiting[slot]! - l.pileCols[slot]! * PILE_ROWS;
      if (extra <= 0) continue;
      const receiver = slot < nP ? slot : nP - slot;
      const [rx, ry] = receiverPoint(l, receiver);
      const right = receiver >= 0 ? l.rBig + 4 * s : l.meetings[-1 - receiver]!.w / 2 + 4 * s;
      const label = `+${extra}`;
      const tw = g.measureText(label).width;
      // Kept inside the picture: a long count moves left rather than off the edge.
      const tx = Math.min(rx + right + l.pileCols[slot]! * step, l.width - tw - 4);
      g.fillStyle = 'rgba(255,255,255,0.85)';
      g.fillRect(tx - 1, ry - l.font * 0.6, tw + 2, l.font * 1.2);
      g.fillStyle = OKABE_ITO.black;
      g.fillText(label, tx, ry);
    }
    if (hl.track >= 0) {
      for (let i = 0; i < d; i++) {
        if (this.dotTrack[i] !== hl.track) continue;
        g.strokeStyle = OKABE_ITO.black;
        g.lineWidth = 2.5;
        g.beginPath();
        g.arc(this.dotX[i]!, this.dotY[i]!, 9 * s, 0, Math.PI * 2);
        g.stroke();
      }
    }
  }

  /** Escalations waiting at a person (as last drawn). */
  waitingAt(person: number): number {
    return this.waiting[person] ?? 0;
  }

  /** The track of the dot nearest (x, y) within 8 px, or -1. */
  pick(x: number, y: number): number {
    let best = 64;
    let track = -1;
    for (let i = 0; i < this.dots; i++) {
      const dd = (this.dotX[i]! - x) ** 2 + (this.dotY[i]! - y) ** 2;
      if (dd < best) {
        best = dd;
        track = this.dotTrack[i]!;
      }
    }
    return track;
  }
}
