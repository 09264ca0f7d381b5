// The matrix view on one canvas: team × value-stream cells shaded by their queue,
// every person's mark coloured and shaped by what they are doing now, meetings lit
// while in session, and escalations as dots travelling from the case's cell up to
// their receiver, piling up there while they wait, and showing their fate when they
// end. Everything that does not move (labels, grid, empty cells) is drawn once into
// an offscreen layer; a frame is one drawImage plus a handful of batched paths (one
// per colour and shape), so hundreds of persons and dots cost little.

import type { EscalationTracks } from './escalations.js';
import { EscalationDots } from './matrix-escalations.js';
import { layoutMatrix, type LayoutHints, type MatrixLayout } from './matrix-layout.js';
import { drawLines, fitLines, fontOf, measure, type Fitted } from './matrix/text.js';
import { ACTIVITY_MARKS, GREY, OKABE_ITO, UNKNOWN_MARK, isStroked, queueColor, shapePath, type Mark } from './palette.js';
import type { Replay } from './replay.js';
import { cellQueue, maxCellQueue, type RunData } from './run-data.js';
import { WEEK_HOURS } from '../../sim/model/spec.js';

export interface Highlight {
  /** Escalation track to ring, -1 for none. */
  track: number;
  /** Cell (team * streams + stream) the followed request is in, -1 for none. */
  cell: number;
  /** Person working on it, -1 for none. */
  person: number;
}

export const NO_HIGHLIGHT: Highlight = { track: -1, cell: -1, person: -1 };

const MAX_DOTS = 4096;

const PILE_ROWS = 4;

export class MatrixView {
  readonly canvas: HTMLCanvasElement;
  private readonly ctx: CanvasRenderingContext2D;
  private readonly run: RunData;
  private readonly tracks: EscalationTracks;
  private readonly escalations: EscalationDots;
  private readonly staticLayer: HTMLCanvasElement;
  private layout!: MatrixLayout;
  private dpr = 1;
  private readonly qMax: number;
  private readonly activityMarks: Mark[];
  /** Meeting names shortened to their pills, per layout. */
  private meetingNames: Fitted[] = [];
  onTrackClick: ((track: number) => void) | null = null;
  /** Called when a person's mark is clicked (not an escalation dot). */
  onPersonClick: ((person: number) => void) | null = null;
  /** Text for the tooltip of a person, supplied by the run view (it knows the time). */
  describePerson: ((person: number) => string) | null = null;

  constructor(run: RunData, tracks: EscalationTracks) {
    this.run = run;
    this.tracks = tracks;
    this.canvas = document.createElement('canvas');
    this.canvas.className = 'matrix';
    this.canvas.setAttribute('role', 'img');
    this.canvas.setAttribute('aria-label', `Matrix of ${run.label}: teams as rows, value streams as columns, persons coloured by activity, escalations as dots`);
    this.ctx = this.canvas.getContext('2d', { alpha: false })!;
    this.staticLayer = document.createElement('canvas');
    this.qMax = Math.max(1, maxCellQueue(run));
    this.activityMarks = run.activityNames.map((n) => ACTIVITY_MARKS[n] ?? UNKNOWN_MARK);
    this.escalations = new EscalationDots(run, tracks);
    this.canvas.addEventListener('mousemove', (e) => this.hover(e));
    this.canvas.addEventListener('click', (e) => this.click(e));
  }

  /** Lays the picture out for a CSS width, smaller type if it must fit a height; redraws the static layer. */
  resize(cssWidth: number, scale: number, maxHeight?: number): void {
    this.dpr = Math.min(2, window.devicePixelRatio || 1);
    const w = Math.max(320, cssWidth);
    let s = scale;
    let l = this.fit(w, s);
    if (maxHeight !== undefined) {
      // The largest type (0.55× to 2.2×) whose picture fits the height, so a projector
      // shows it as large as the window allows; found by bisection (a layout is cheap).
      const ok = (x: MatrixLayout, sc: number) => x.height <= maxHeight && !x.cells.some((c) => c.w < 36 * sc);
      let lo = 0.55;
      let hi = 2.2;
      l = this.fit(w, lo);
      for (let i = 0; i < 8; i++) {
        const mid = (lo + hi) / 2;
        const m = this.fit(w, mid);
        if (ok(m, mid)) {
          lo = mid;
          l = m;
        } else hi = mid;
      }
      s = lo;
    }
    this.layout = l;
    const { width, height } = this.layout;
    for (const c of [this.canvas, this.staticLayer]) {
      c.width = Math.round(width * this.dpr);
      c.height = Math.round(height * this.dpr);
    }
    this.canvas.style.width = `${width}px`;
    this.canvas.style.height = `${height}px`;
    this.drawStatic();
  }

  /** The layout at a width and scale, with room for the row labels and stream names. */
  private fit(width: number, s: number): MatrixLayout {
    const g = this.ctx;
    const font = 11 * s;
    const org = this.run.trace.organisation;
    const labels = ['Meetings · MT', 'Managers', 'Coordinators', ...org.teams.map((t) => t.name)];
    const hints: LayoutHints = { labelW: Math.max(...labels.map((t) => measure(g, t, font, true))), headerLines: 1 };
    let l = layoutMatrix(this.run, width, s, hints);
    const colW = l.cells[0]?.w ?? width;
    if (org.streams.some((st) => measure(g, st.name, font * 0.8, true) > colW - 4)) {
      hints.headerLines = 2;
      l = layoutMatrix(this.run, width, s, hints);
    }
    return l;
  }

  private drawStatic(): void {
    const l = this.layout;
    const g = this.staticLayer.getContext('2d')!;
    g.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    g.fillStyle = '#ffffff';
    g.fillRect(0, 0, l.width, l.height);
    g.font = `600 ${l.font}px system-ui, sans-serif`;
    g.textBaseline = 'middle';
    const lanes = [l.lanes.mt, l.lanes.managers, ...(l.lanes.coordinators ? [l.lanes.coordinators] : [])];
    for (const lane of lanes) {
      g.fillStyle = '#f3f1f7';
      g.fillRect(lane.x, lane.y, lane.w, lane.h);
      g.fillStyle = '#333';
      g.textAlign = 'left';
      drawLines(g, fitLines(g, lane.label, l.labelW - 10, l.font, true), lane.x + 6, lane.y + lane.h / 2, true);
    }
    // Names under managers and coordinators.
    g.font = `${l.font * 0.85}px system-ui, sans-serif`;
    g.textAlign = 'center';
    g.fillStyle = '#333';
    const slotW = (lane: typeof l.lanes.managers, n: number) => (l.width - l.labelW - 16) / Math.max(1, n);
    const nMgr = this.run.persons.filter((p) => p.lane === 'manager').length;
    const nCo = this.run.persons.filter((p) => p.lane === 'coordinator').length;
    for (const p of this.run.persons) {
      const label = l.personLabel[p.index];
      if (!label) continue;
      const lane = p.lane === 'manager' ? l.lanes.managers : l.lanes.coordinators!;
      drawLines(g, fitLines(g, label, slotW(lane, p.lane === 'manager' ? nMgr : nCo) - 4, l.font * 0.85, false, 1, true), l.personX[p.index]!, lane.y + lane.h * 0.78, false);
    }
    // Stream headers.
    const org = this.run.trace.organisation;
    const nS = org.streams.length;
    g.font = `600 ${l.font}px system-ui, sans-serif`;
    org.streams.forEach((s, j) => {
      const c = l.cells[j];
      if (c) drawLines(g, fitLines(g, s.name, c.w, l.font, true, 2), c.x + c.w / 2, l.header.y + l.header.h / 2, true);
    });
    drawLines(g, fitLines(g, 'People (mark = activity)', l.people.w, l.font, true, 2), l.people.x + l.people.w / 2, l.header.y + l.header.h / 2, true);
    // Team rows, labels and empty cells.
    g.textAlign = 'left';
    l.teamRows.forEach((row, t) => {
      g.fillStyle = t % 2 === 0 ? '#fafafa' : '#f2f2f2';
      g.fillRect(row.x, row.y, row.w, row.h);
      g.fillStyle = '#222';
      drawLines(g, fitLines(g, row.label, l.labelW - 10, l.font, true, 2), row.x + 6, row.y + row.h / 2, true);
      for (let j = 0; j < nS; j++) {
        if (l.cellUsed[t * nS + j]) continue;
        const c = l.cells[t * nS + j]!;
        g.save();
        g.beginPath();
        g.rect(c.x, c.y, c.w, c.h);
        g.clip();
        g.strokeStyle = '#dddddd';
        g.lineWidth = 1;
        g.beginPath();
        for (let d = -c.h; d < c.w; d += 8) {
          g.moveTo(c.x + d, c.y + c.h);
          g.lineTo(c.x + d + c.h, c.y);
        }
        g.stroke();
        g.restore();
      }
    });
    g.strokeStyle = '#cccccc';
    g.strokeRect(l.people.x - 4, l.people.y, l.people.w, l.people.h);
    this.meetingNames = this.run.trace.organisation.meetings.map((m, k) => fitLines(g, m.name, (l.meetings[k]?.w ?? 0) - 6, l.font * 0.85, false, 1, true));
  }

  /** Draws the picture at model time t from the replay's current state. */
  draw(t: number, replay: Replay, speed: number, hl: Highlight): void {
    const g = this.ctx;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.drawImage(this.staticLayer, 0, 0);
    g.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    this.drawCells(g, t, hl);
    this.drawMeetings(g, replay);
    this.drawPersons(g, replay, hl);
    this.escalations.draw(g, this.layout, t, speed, hl);
    this.drawCellNumbers(g, t);
  }

  /** The queue numbers, drawn last on a light pill so escalation lines never cross them. */
  private drawCellNumbers(g: CanvasRenderingContext2D, t: number): void {
    const l = this.layout;
    const nS = this.run.trace.organisation.streams.length;
    const wf = t / WEEK_HOURS - 0.5;
    const w0 = Math.max(0, Math.floor(wf));
    const f = Math.min(1, Math.max(0, wf - w0));
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.font = fontOf(l.font, true);
    for (let k = 0; k < l.cells.length; k++) {
      if (!l.cellUsed[k]) continue;
      const team = Math.floor(k / nS);
      const stream = k % nS;
      const q = cellQueue(this.run, w0, team, stream) * (1 - f) + cellQueue(this.run, w0 + 1, team, stream) * f;
      const c = l.cells[k]!;
      const text = q < 10 ? q.toFixed(1) : String(Math.round(q));
      const tw = Math.min(c.w - 4, g.measureText(text).width + 6 * l.scale);
      const cy = c.y + c.h / 2 - 2 * l.scale;
      g.fillStyle = 'rgba(255,255,255,0.82)';
      g.fillRect(c.x + c.w / 2 - tw / 2, cy - l.font * 0.62, tw, l.font * 1.24);
      g.fillStyle = '#000000';
      g.fillText(text, c.x + c.w / 2, cy, c.w - 4);
    }
  }

  private drawCells(g: CanvasRenderingContext2D, t: number, hl: Highlight): void {
    const l = this.layout;
    const nS = this.run.trace.organisation.streams.length;
    // Weekly means sit at mid-week; between them the shade is interpolated.
    const wf = t / WEEK_HOURS - 0.5;
    const w0 = Math.max(0, Math.floor(wf));
    const f = Math.min(1, Math.max(0, wf - w0));
    g.textAlign = 'center';
    g.textBaseline = 'middle';
    g.font = `600 ${l.font}px system-ui, sans-serif`;
    for (let k = 0; k < l.cells.length; k++) {
      if (!l.cellUsed[k]) continue;
      const team = Math.floor(k / nS);
      const stream = k % nS;
      const q = cellQueue(this.run, w0, team, stream) * (1 - f) + cellQueue(this.run, w0 + 1, team, stream) * f;
      const c = l.cells[k]!;
      g.fillStyle = queueColor(q, this.qMax);
      g.fillRect(c.x, c.y, c.w, c.h);
      // Bar length carries the same number for readers who cannot judge the shade.
      g.fillStyle = OKABE_ITO.orange;
      g.fillRect(c.x, c.y + c.h - 4 * l.scale, (c.w * Math.min(q, this.qMax)) / this.qMax, 4 * l.scale);
      if (k === hl.cell) {
        g.strokeStyle = OKABE_ITO.black;
        g.lineWidth = 3;
        g.setLineDash([5, 3]);
        g.strokeRect(c.x + 1.5, c.y + 1.5, c.w - 3, c.h - 3);
        g.setLineDash([]);
      }
    }
  }

  private drawMeetings(g: CanvasRenderingContext2D, replay: Replay): void {
    const l = this.layout;
    g.font = `${l.font * 0.85}px system-ui, sans-serif`;
    g.textAlign = 'center';
    l.meetings.forEach((m, k) => {
      const open = replay.meetingOpen[k] === 1;
      g.fillStyle = open ? OKABE_ITO.reddishPurple : '#ffffff';
      g.strokeStyle = open ? OKABE_ITO.reddishPurple : GREY;
      g.lineWidth = 1;
      g.beginPath();
      g.rect(m.x, m.y, m.w, m.h);
      g.fill();
      g.stroke();
      g.fillStyle = open ? '#000000' : '#555555';
      const name = this.meetingNames[k];
      if (name && !l.meetingLine) drawLines(g, name, m.x + m.w / 2, m.y + m.h / 2, false);
    });
    // Too many meetings for names in the boxes: the ones in session are named on a line.
    const line = l.meetingLine;
    if (line) {
      const open = this.run.trace.organisation.meetings.filter((_, k) => replay.meetingOpen[k] === 1).map((m) => m.name);
      g.textAlign = 'left';
      g.fillStyle = '#000000';
      g.font = fontOf(l.font * 0.85, false);
      const text = open.length > 0 ? `in session: ${open.join(' · ')}` : 'no meeting in session';
      g.fillText(fitLines(g, text, line.w, l.font * 0.85, false).lines[0]!, line.x, line.y + line.h / 2);
      g.textAlign = 'center';
    }
  }

  private drawPersons(g: CanvasRenderingContext2D, replay: Replay, hl: Highlight): void {
    const l = this.layout;
    const n = this.run.persons.length;
    const act = replay.activity;
    g.lineWidth = 1.6 * l.scale;
    for (let a = 0; a < this.activityMarks.length; a++) {
      const mark = this.activityMarks[a]!;
      g.beginPath();
      let any = false;
      for (let p = 0; p < n; p++) {
        if (act[p] !== a) continue;
        const r = this.run.persons[p]!.lane === 'team' ? l.r : l.rBig;
        shapePath(g, mark.shape, l.personX[p]!, l.personY[p]!, r);
        any = true;
      }
      if (!any) continue;
      if (isStroked(mark.shape)) {
        g.strokeStyle = mark.color;
        g.stroke();
      } else {
        g.fillStyle = mark.color;
        g.fill();
      }
    }
    if (hl.person >= 0 && hl.person < n) {
      g.strokeStyle = OKABE_ITO.black;
      g.lineWidth = 2;
      g.beginPath();
      g.arc(l.personX[hl.person]!, l.personY[hl.person]!, l.rBig + 4, 0, Math.PI * 2);
      g.stroke();
    }
  }

  private pick(e: MouseEvent): { track: number; person: number } {
    const rect = this.canvas.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const y = e.clientY - rect.top;
    const l = this.layout;
    const track = this.escalations.pick(x, y);
    if (track >= 0) return { track, person: -1 };
    let person = -1;
    let best = (l.rBig + 3) ** 2;
    for (let p = 0; p < this.run.persons.length; p++) {
      const dd = (l.personX[p]! - x) ** 2 + (l.personY[p]! - y) ** 2;
      if (dd < best) {
        best = dd;
        person = p;
      }
    }
    return { track: -1, person };
  }

  private hover(e: MouseEvent): void {
    const { track, person } = this.pick(e);
    let tip = '';
    if (track >= 0) tip = `Escalation ${this.tracks.id[track]} — click to follow it`;
    else if (person >= 0) tip = this.describePerson?.(person) ?? this.run.persons[person]!.name;
    else {
      const rect = this.canvas.getBoundingClientRect();
      const x = e.clientX - rect.left;
      const y = e.clientY - rect.top;
      const m = this.layout.meetings.findIndex((r) => x >= r.x && x <= r.x + r.w && y >= r.y && y <= r.y + r.h);
      const spec = this.run.trace.organisation.meetings[m];
      if (spec) tip = `${spec.name} (${spec.kind} meeting)`;
    }
    if (this.canvas.title !== tip) this.canvas.title = tip;
    this.canvas.style.cursor = track >= 0 ? 'pointer' : 'default';
  }

  private click(e: MouseEvent): void {
    const { track } = this.pick(e);
    if (track >= 0) this.onTrackClick?.(track);
    else {
      const { person } = this.pick(e);
      if (person >= 0) this.onPersonClick?.(person);
    }
  }

  /** Escalations waiting for a person now. */
  waitingAt(person: number): number {
    return this.escalations.waitingAt(person);
  }

  /** A short description of the picture's layout for screen readers and the legend (plain text). */
  summary(): string {
    const org = this.run.trace.organisation;
    return `${org.teams.length} teams × ${org.streams.length} value streams, ${this.run.persons.length} persons`;
  }
}
