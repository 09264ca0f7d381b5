// Geometry of the matrix picture, computed once per run and canvas width: the lanes
// above the matrix (meetings and the MT, managers, coordinators who do not operate),
// the team × value-stream cells, and where each person's mark sits (operators in a
// grid at the end of their team's row). Escalation dots travel between these points.

import type { RunData } from './run-data.js';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface LaneBox extends Rect {
  label: string;
}

export interface MatrixLayout {
  width: number;
  height: number;
  scale: number;
  font: number;
  labelW: number;
  lanes: { mt: LaneBox; managers: LaneBox; coordinators: LaneBox | null };
  meetings: Rect[];
  /** Set when the meeting boxes are too narrow for names: the names of the meetings in
   *  session are written on this line of the lane instead. */
  meetingLine: Rect | null;
  header: Rect;
  teamRows: LaneBox[];
  /** Cell rectangles: index team * streams + stream. */
  cells: Rect[];
  /** 1 where the stream has a step in that team. */
  cellUsed: Uint8Array;
  people: Rect;
  personX: Float32Array;
  personY: Float32Array;
  /** Mark radius of a person in a team row, and of a manager/coordinator. */
  r: number;
  rBig: number;
  /** Short label under managers' and coordinators' marks. */
  personLabel: (string | null)[];
  /** Columns of waiting escalations that fit beside each receiver: persons, then
   *  meetings at index persons + 1 + meeting (slot of receiver -1 - m). */
  pileCols: Int16Array;
}

/** What the text needs, measured by the caller (the layout itself has no canvas). */
export interface LayoutHints {
  /** Width of the widest row or lane label, CSS px at this scale. */
  labelW?: number;
  /** Lines the stream headers need (1 or 2). */
  headerLines?: number;
}

export function layoutMatrix(run: RunData, width: number, scale: number, hints: LayoutHints = {}): MatrixLayout {
  const s = scale;
  const org = run.trace.organisation;
  const nT = org.teams.length;
  const nS = org.streams.length;
  const pad = 8 * s;
  const font = 11 * s;
  const labelW =
    hints.labelW !== undefined ? Math.min(width * 0.3, Math.max(80 * s, hints.labelW + 14 * s)) : Math.min(200 * s, Math.max(110 * s, width * 0.18));
  const inner = width - labelW - 2 * pad;
  const peopleW = Math.max(120 * s, inner * 0.36);
  const cellsW = Math.max(60, inner - peopleW - pad);
  const colW = cellsW / Math.max(1, nS);
  const x0 = pad + labelW;
  const sp = 11 * s;
  const r = 3.8 * s;
  const rBig = 6 * s;
  let y = pad;

  const mt: LaneBox = { x: pad, y, w: width - 2 * pad, h: 34 * s, label: 'Meetings · MT' };
  y += mt.h + 4 * s;
  const managers: LaneBox = { x: pad, y, w: width - 2 * pad, h: 48 * s, label: 'Managers' };
  y += managers.h + 4 * s;
  const coordPersons = run.persons.filter((p) => p.lane === 'coordinator');
  let coordinators: LaneBox | null = null;
  if (coordPersons.length > 0) {
    coordinators = { x: pad, y, w: width - 2 * pad, h: 40 * s, label: 'Coordinators' };
    y += coordinators.h + 4 * s;
  }
  const header: Rect = { x: x0, y, w: width - x0 - pad, h: (hints.headerLines === 2 ? 34 : 22) * s };
  y += header.h;

  const personX = new Float32Array(run.persons.length);
  const personY = new Float32Array(run.persons.length);
  const personLabel: (string | null)[] = run.persons.map(() => null);

  // Meetings: pills spread over the MT lane.
  const nM = org.meetings.length;
  const meetings: Rect[] = [];
  const laneInner = width - x0 - pad;
  const narrow = nM > 0 && laneInner / nM < 44 * s;
  for (let m = 0; m < nM; m++) {
    const slot = laneInner / nM;
    const w = Math.max(8, Math.min(220 * s, slot * 0.62));
    meetings.push(narrow ? { x: x0 + m * slot + 2 * s, y: mt.y + 3 * s, w, h: mt.h * 0.38 } : { x: x0 + m * slot + 2 * s, y: mt.y + 6 * s, w, h: mt.h - 12 * s });
  }
  const meetingLine: Rect | null = narrow ? { x: x0, y: mt.y + mt.h * 0.45, w: laneInner, h: mt.h * 0.5 } : null;

  // Managers and coordinators: one slot each along their lane, label underneath.
  const placeLane = (lane: LaneBox, who: typeof run.persons) => {
    const slot = laneInner / Math.max(1, who.length);
    who.forEach((p, k) => {
      personX[p.index] = x0 + (k + 0.5) * slot;
      personY[p.index] = lane.y + lane.h * 0.36;
      const team = p.team >= 0 ? org.teams[p.team]?.name : undefined;
      personLabel[p.index] = p.isManager && team ? team : p.name;
    });
  };
  placeLane(managers, run.persons.filter((p) => p.lane === 'manager'));
  if (coordinators) placeLane(coordinators, coordPersons);

  // Team rows: cells, then a grid of operator marks at the row's end.
  const peopleX = x0 + cellsW + pad;
  const cols = Math.max(1, Math.floor((peopleW - 2 * s) / sp));
  const teamRows: LaneBox[] = [];
  const cells: Rect[] = [];
  const cellUsed = new Uint8Array(nT * nS);
  const members: number[][] = Array.from({ length: nT }, () => []);
  const homeless: number[] = [];
  for (const p of run.persons) {
    if (p.lane !== 'team') continue;
    if (p.team >= 0) members[p.team]!.push(p.index);
    else homeless.push(p.index);
  }
  // Operators without a known team (not expected) join the first row rather than vanish.
  if (homeless.length > 0 && nT > 0) members[0]!.push(...homeless);
  org.streams.forEach((st, j) => {
    for (const teamId of st.steps) {
      const t = run.teamIndex.get(teamId);
      if (t !== undefined) cellUsed[t * nS + j] = 1;
    }
  });
  const rowTop = y;
  for (let t = 0; t < nT; t++) {
    const n = members[t]!.length;
    const rows = Math.max(1, Math.ceil(n / cols));
    const h = Math.max(44 * s, rows * sp + 12 * s);
    teamRows.push({ x: pad, y, w: width - 2 * pad, h, label: org.teams[t]!.name });
    for (let j = 0; j < nS; j++) cells.push({ x: x0 + j * colW + 2 * s, y: y + 2 * s, w: colW - 4 * s, h: h - 4 * s });
    members[t]!.forEach((p, k) => {
      personX[p] = peopleX + sp / 2 + (k % cols) * sp;
      personY[p] = y + 6 * s + sp / 2 + Math.floor(k / cols) * sp;
    });
    y += h;
  }
  const people: Rect = { x: peopleX, y: rowTop, w: peopleW, h: y - rowTop };
  // Piles may use the right half of a lane slot; in a team row only a little room.
  const nP = run.persons.length;
  const pileCols = new Int16Array(nP + nM + 1);
  const step = 5.5 * s;
  const laneSlot = (lane: string) => laneInner / Math.max(1, run.persons.filter((p) => p.lane === lane).length);
  const mgrSlot = laneSlot('manager');
  const coSlot = laneSlot('coordinator');
  for (const p of run.persons) {
    // Leave room at the end for the "+N" of an overflowing pile.
    const room = (p.lane === 'manager' ? mgrSlot / 2 : p.lane === 'coordinator' ? coSlot / 2 : 3 * step) - 30 * s;
    pileCols[p.index] = Math.max(2, Math.floor((room - rBig - 6 * s) / step));
  }
  for (let m = 0; m < nM; m++) {
    const slot = laneInner / nM;
    pileCols[nP + 1 + m] = Math.max(2, Math.floor((slot - meetings[m]!.w - 36 * s) / step));
  }
  return {
    width, height: y + pad, scale, font, labelW, lanes: { mt, managers, coordinators }, meetings, meetingLine, header, teamRows, cells, cellUsed,
    people, personX, personY, r, rBig, personLabel, pileCols,
  };
}

/** Where an escalation leaves from: its case's cell, else its team's row, else the managers' lane. */
export function sourcePoint(l: MatrixLayout, team: number, stream: number, nStreams: number): [number, number] {
  if (team >= 0 && stream >= 0) {
    const c = l.cells[team * nStreams + stream];
    if (c) return [c.x + c.w / 2, c.y + c.h / 2];
  }
  if (team >= 0) {
    const row = l.teamRows[team];
    if (row) return [row.x + l.labelW, row.y + row.h / 2];
  }
  return [l.lanes.managers.x + l.labelW, l.lanes.managers.y + l.lanes.managers.h / 2];
}

/** Where a receiver sits: a person's mark or a meeting's pill. */
export function receiverPoint(l: MatrixLayout, receiver: number): [number, number] {
  if (receiver >= 0) return [l.personX[receiver] ?? 0, l.personY[receiver] ?? 0];
  const m = l.meetings[-1 - receiver];
  if (m) return [m.x + m.w / 2, m.y + m.h / 2];
  return [l.lanes.mt.x + l.labelW, l.lanes.mt.y + l.lanes.mt.h / 2];
}
