// Recurring problems: per value stream and question type, how often the same kind of
// question came up so far, how many of those became escalations, and whether design
// work has answered it (explicit coverage of that backlog cell, from the `design`
// events) and from which week. A problem that keeps returning with no design against
// it is the loop; one designed away stops returning. Built once at load; the table is
// rewritten only when the week changes.

import { WEEK_HOURS } from '../../../sim/model/spec.js';
import { h } from '../dom.js';
import { formatNumber } from '../format.js';
import { upperBound, type RunData } from '../run-data.js';

export interface ProblemCell {
  stream: number;
  type: number;
  /** Times of questions of this type on requests of this stream. */
  questions: Float64Array;
  /** Times of escalations raised for such questions (raise events with reason "question"). */
  escalations: Float64Array;
  /** Design events of the backlog cell: times and the explicit coverage reached. */
  designTimes: Float64Array;
  designCoverage: Float64Array;
}

export function buildProblems(run: RunData): ProblemCell[] {
  const { ev, codes } = run;
  const nS = run.trace.organisation.streams.length;
  const nQ = run.trace.organisation.questionTypes.length;
  const streamOf = new Map<number, number>();
  const lastQuestion = new Map<number, number>();
  const q: number[][] = Array.from({ length: nS * nQ }, () => []);
  const e: number[][] = Array.from({ length: nS * nQ }, () => []);
  const dt: number[][] = Array.from({ length: nS * nQ }, () => []);
  const dc: number[][] = Array.from({ length: nS * nQ }, () => []);
  for (let i = 0; i < ev.n; i++) {
    const k = ev.type[i];
    if (k === codes.arrive) streamOf.set(ev.a[i]!, ev.b[i]!);
    else if (k === codes.question) {
      const s = streamOf.get(ev.a[i]!);
      if (s === undefined) continue;
      const cell = s * nQ + ev.b[i]!;
      q[cell]!.push(ev.time[i]!);
      lastQuestion.set(ev.a[i]!, cell);
    } else if (k === codes.raise) {
      // An escalation about a request's question: charged to the request's last question.
      const cell = lastQuestion.get(ev.b[i]!);
      if (cell !== undefined && run.trace.codes.reasons[ev.c[i]!] === 'question') e[cell]!.push(ev.time[i]!);
    } else if (k === codes.design) {
      const cell = ev.a[i]!;
      if (cell >= 0 && cell < nS * nQ) {
        dt[cell]!.push(ev.time[i]!);
        dc[cell]!.push(ev.b[i]! / 1e6);
      }
    }
  }
  return q.map((_, cell) => ({
    stream: Math.floor(cell / nQ),
    type: cell % nQ,
    questions: Float64Array.from(q[cell]!),
    escalations: Float64Array.from(e[cell]!),
    designTimes: Float64Array.from(dt[cell]!),
    designCoverage: Float64Array.from(dc[cell]!),
  }));
}

export interface ProblemRow {
  cell: ProblemCell;
  asked: number;
  escalated: number;
  /** Week (1-based) of the first design work, or null. */
  designedFrom: number | null;
  coverage: number;
  /** Questions after the first design work. */
  returnedAfter: number;
}

/** The cells with questions up to t, most frequent first. */
export function problemsAt(cells: ProblemCell[], t: number, limit = 8): ProblemRow[] {
  const rows: ProblemRow[] = [];
  for (const cell of cells) {
    const asked = upperBound(cell.questions, cell.questions.length, t);
    if (asked === 0) continue;
    const d = upperBound(cell.designTimes, cell.designTimes.length, t);
    const first = d > 0 ? cell.designTimes[0]! : null;
    rows.push({
      cell,
      asked,
      escalated: upperBound(cell.escalations, cell.escalations.length, t),
      designedFrom: first === null ? null : Math.floor(first / WEEK_HOURS) + 1,
      coverage: d > 0 ? cell.designCoverage[d - 1]! : 0,
      returnedAfter: first === null ? 0 : asked - upperBound(cell.questions, cell.questions.length, first),
    });
  }
  return rows.sort((a, b) => b.asked - a.asked).slice(0, limit);
}

export class ProblemsView {
  readonly el: HTMLElement;
  private readonly body: HTMLTableSectionElement;
  private shownWeek = -1;

  constructor(
    private readonly run: RunData,
    private readonly cells: ProblemCell[],
  ) {
    this.body = h('tbody', {});
    this.el = h(
      'figure',
      { class: 'chart problems', data: { tab: 'problems' } },
      h('figcaption', {}, 'Recurring problems so far (stream · question type)'),
      h(
        'table',
        {},
        h('thead', {}, h('tr', {}, h('th', {}, 'problem'), h('th', {}, 'asked'), h('th', {}, 'escalated'), h('th', {}, 'designed from'), h('th', {}, 'coverage'), h('th', {}, 'returned since'))),
        this.body,
      ),
    );
  }

  update(t: number): void {
    const week = Math.floor(t / WEEK_HOURS);
    if (week === this.shownWeek) return;
    this.shownWeek = week;
    const org = this.run.trace.organisation;
    this.body.replaceChildren(
      ...problemsAt(this.cells, t).map((r) =>
        h(
          'tr',
          {},
          h('td', {}, `${org.streams[r.cell.stream]?.name ?? '?'} · ${org.questionTypes[r.cell.type]?.name ?? '?'}`),
          h('td', {}, String(r.asked)),
          h('td', {}, String(r.escalated)),
          h('td', {}, r.designedFrom === null ? 'not yet' : `week ${r.designedFrom}`),
          h('td', {}, r.designedFrom === null ? '—' : `${formatNumber(100 * r.coverage)} %`),
          h('td', {}, r.designedFrom === null ? '—' : String(r.returnedAfter)),
        ),
      ),
    );
  }
}
