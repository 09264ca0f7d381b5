// The recurring-problems table: every question of a run is counted once under its
// stream and question type, escalations never exceed the questions they came from, and
// "designed from" appears exactly where design work happened, counted up to the clock.

import { describe, expect, test } from 'vitest';
import type { TraceFile } from '../../sim/model/index.js';
import { buildRunData } from '../../viewer/src/run-data.js';
import { buildProblems, problemsAt } from '../../viewer/src/story/recurring.js';
import { makeTrace } from './helpers/make-trace.js';

const trace = JSON.parse(makeTrace({ design: 'usm', seed: 4, weeks: 10, warmupWeeks: 2, persons: 20 })) as TraceFile;
const run = buildRunData(trace);
const cells = buildProblems(run);

describe('recurring problems', () => {
  test('each question counted once; escalations ≤ questions; design where design events are', () => {
    const questions = trace.events.type.filter((k) => k === trace.codes.types.indexOf('question')).length;
    expect(questions).toBeGreaterThan(0);
    expect(cells.reduce((s, c) => s + c.questions.length, 0)).toBe(questions);
    const end = run.totalHours;
    const rows = problemsAt(cells, end, 1000);
    for (const r of rows) {
      expect(r.escalated).toBeLessThanOrEqual(r.asked);
      expect(r.designedFrom === null).toBe(r.cell.designTimes.length === 0);
      if (r.designedFrom !== null) expect(r.returnedAfter).toBeLessThanOrEqual(r.asked);
    }
    for (let i = 1; i < rows.length; i++) expect(rows[i - 1]!.asked).toBeGreaterThanOrEqual(rows[i]!.asked);
  });

  test('counts grow with the clock', () => {
    const half = problemsAt(cells, run.totalHours / 2, 1000).reduce((s, r) => s + r.asked, 0);
    const all = problemsAt(cells, run.totalHours, 1000).reduce((s, r) => s + r.asked, 0);
    expect(half).toBeLessThan(all);
    expect(problemsAt(cells, -1, 1000)).toEqual([]);
  });
});
