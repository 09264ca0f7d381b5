// Node tests of the viewer's data side (no browser): the number rule, loading and
// rejecting files, the replay's checkpoints against a straight replay, escalation
// journeys, weekly hours, lead-time histograms and the narration; and that the
// viewer's built-in small organisation is the model tests' fixture.

import { describe, expect, test } from 'vitest';
import type { TraceFile } from '../../sim/model/index.js';
import { buildBundles } from '../../viewer/src/bundle.js';
import { formatClock, formatMetric, formatNumber } from '../../viewer/src/format.js';
import { narrateRequest } from '../../viewer/src/narrate.js';
import { CHECKPOINT_EVERY, Replay } from '../../viewer/src/replay.js';
import { TraceFileError, traceFromText } from '../../viewer/src/loading/trace-load.js';
import { histogramAt, weekSplit } from '../../viewer/src/weekly.js';
import { makeTrace } from './helpers/make-trace.js';

const text = makeTrace({ design: 'island', seed: 11, weeks: 10, warmupWeeks: 2, persons: 40 });
const trace = traceFromText(text, 'island.json');
const [bundle] = buildBundles([trace]);
const b = bundle!;

describe('format', () => {
  test('3 significant digits, whole numbers from 1000, counts in full, missing as a dash', () => {
    expect(formatNumber(4.1402)).toBe('4.14');
    expect(formatNumber(0.12999)).toBe('0.130');
    expect(formatNumber(13.581)).toBe('13.6');
    expect(formatNumber(1234.6)).toBe('1235');
    expect(formatNumber(0.0004)).toBe('0.000');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(Number.NaN)).toBe('—');
    expect(formatNumber(null)).toBe('—');
    expect(formatMetric('arrivals', 37413)).toBe('37413');
    expect(formatMetric('designs_completed', 7)).toBe('7');
  });

  test('model time reads as week, weekday and clock time', () => {
    expect(formatClock(0)).toBe('Week 1, Mon 09:00');
    expect(formatClock(40 * 11 + 9)).toBe('Week 12, Tue 10:00');
    expect(formatClock(39.999)).toBe('Week 1, Fri 16:59');
  });
});

describe('loading', () => {
  test('a truncated file says it is not JSON and looks truncated', () => {
    for (const cut of [100, 5000, Math.floor(text.length / 2), text.length - 3]) {
      expect(() => traceFromText(text.slice(0, cut), 'cut.json')).toThrowError(TraceFileError);
      expect(() => traceFromText(text.slice(0, cut), 'cut.json')).toThrowError(/^cut\.json: not valid JSON \(the file looks truncated/);
    }
    expect(() => traceFromText('{"format": nope}', 'bad.json')).toThrowError(/^bad\.json: not valid JSON: /);
  });

  test('foreign JSON gets parseTraceFile’s message', () => {
    expect(() => traceFromText('{"name":"x","version":"1.0.0"}', 'package.json')).toThrowError('package.json: format: not a stroom trace');
    expect(() => traceFromText('[1,2,3]', 'list.json')).toThrowError(/not a stroom trace/);
    expect(() => traceFromText('', 'empty.json')).toThrowError('empty.json: the file is empty');
  });
});

describe('replay', () => {
  /** Activity of every person after the first `n` events, replayed from scratch. */
  function straight(t: TraceFile, n: number): number[] {
    const idle = t.codes.activities.indexOf('idle');
    const act = t.organisation.persons.map(() => idle);
    const k = t.codes.types.indexOf('activity');
    for (let i = 0; i < n; i++) if (t.events.type[i] === k) act[t.events.a[i]!] = t.events.b[i]!;
    return act;
  }

  test('any seek order gives the state of a straight replay', () => {
    const r = b.replay;
    const n = b.data.ev.n;
    expect(n).toBeGreaterThan(3 * CHECKPOINT_EVERY);
    const targets = [n, 17, 3 * CHECKPOINT_EVERY + 5, CHECKPOINT_EVERY, CHECKPOINT_EVERY - 1, 2 * CHECKPOINT_EVERY + 100, 2 * CHECKPOINT_EVERY + 99, 0, n - 1];
    for (const target of targets) {
      r.seekIndex(target);
      expect(r.cursor).toBe(target);
      expect(Array.from(r.activity)).toEqual(straight(trace, target));
    }
  });

  test('seeking by time applies exactly the events at or before that time', () => {
    const t = trace.events.time[5000]!;
    b.replay.seek(t);
    const after = trace.events.time.findIndex((x) => x > t);
    expect(b.replay.cursor).toBe(after);
    // Moving a little forward applies only the events in between.
    const applied = b.replay.seek(t + 1);
    expect(applied).toBe(trace.events.time.filter((x) => x > t && x <= t + 1).length);
    // A fresh replay agrees.
    const fresh = new Replay(b.data);
    fresh.seek(t + 1);
    expect(Array.from(fresh.activity)).toEqual(Array.from(b.replay.activity));
  });
});

describe('escalations', () => {
  test('every escalate event belongs to one journey, and every journey knows its case from its raise event', () => {
    const tr = b.tracks;
    const k = trace.codes.types.indexOf('escalate');
    const raise = trace.codes.types.indexOf('raise');
    const ids = new Set(trace.events.a.filter((_, i) => trace.events.type[i] === k));
    expect(tr.count).toBe(ids.size);
    expect(tr.count).toBeGreaterThan(10);
    const q = trace.codes.types.indexOf('question');
    // Models that let operators signal also escalate a question answered 'signalled'.
    const escalated = [trace.codes.how.indexOf('escalated'), trace.codes.how.indexOf('signalled')].filter((x) => x >= 0);
    let byQuestion = 0;
    for (let j = 0; j < tr.count; j++) {
      expect(tr.hops[j]!.length).toBeGreaterThan(0);
      expect(tr.end[j]!).toBeGreaterThanOrEqual(tr.start[j]!);
      // The first escalate event of this journey directly follows the raise event naming its case.
      const e = trace.events.type.findIndex((type, i) => type === k && trace.events.a[i] === tr.id[j]);
      expect(trace.events.type[e - 1]).toBe(raise);
      expect(trace.events.a[e - 1]).toBe(tr.id[j]);
      expect(tr.serial[j]).toBe(trace.events.b[e - 1]);
      // An escalation raised by a question has that question just before its raise event.
      if (trace.codes.reasons[trace.events.c[e - 1]!] === 'question') {
        expect(trace.events.type[e - 2]).toBe(q);
        expect(trace.events.a[e - 2]).toBe(tr.serial[j]);
        expect(escalated).toContain(trace.events.c[e - 2]);
        byQuestion++;
      }
    }
    expect(byQuestion).toBeGreaterThan(0);
  });
});

describe('weekly aggregates', () => {
  test('each person has exactly 40 hours in every full week', () => {
    const pw = b.weeks;
    const weeks = Math.floor(b.data.totalHours / 40);
    for (let p = 0; p < b.data.persons.length; p++) {
      for (let w = 0; w < weeks; w++) {
        let sum = 0;
        for (let a = 0; a < pw.nActivities; a++) sum += pw.hours[(p * pw.weeks + w) * pw.nActivities + a]!;
        expect(sum).toBeCloseTo(40, 6);
      }
    }
  });

  test('a manager week split covers at most their hours; the histogram counts every completion', () => {
    const split = weekSplit(b.data, b.weeks, { kind: 'managers' });
    for (let w = 0; w < split.week.length; w++) {
      const total = split.design[w]! + split.compensation[w]! + split.meeting[w]! + split.other[w]! + split.overtime[w]!;
      expect(total).toBeLessThanOrEqual(40 * split.persons + 1e-9);
    }
    const done = trace.events.type.filter((k) => k === trace.codes.types.indexOf('done')).length;
    expect(histogramAt(b.hist, b.hist.weeks - 1).reduce((a, c) => a + c, 0)).toBe(done);
  });
});

describe('narration', () => {
  test('a completed request is told from arrival to completion, in time order', () => {
    const doneType = trace.codes.types.indexOf('done');
    const serial = trace.events.a[trace.events.type.indexOf(doneType)]!;
    const n = narrateRequest(b.data, b.tracks, serial);
    expect(n.steps[0]!.text).toMatch(/^Week \d+, \w{3} \d\d:\d\d: a new \w+ request \(#\d+\) arrives/);
    expect(n.steps[n.steps.length - 1]!.text).toMatch(/the request is done/);
    for (let i = 1; i < n.steps.length; i++) expect(n.steps[i]!.time).toBeGreaterThanOrEqual(n.steps[i - 1]!.time);
    expect(n.steps.some((s) => s.kind === 'step-start')).toBe(true);
  });
});
