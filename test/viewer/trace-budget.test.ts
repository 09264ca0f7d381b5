// Allocation budgets: a trace whose fields are each within bounds but whose products
// would make the viewer allocate gigabytes is refused by parseTraceFile, naming the
// field and the sizes that multiply; a real run is far inside every budget.

import { describe, expect, test } from 'vitest';
import { parseTraceFile, TraceFileError, type TraceFile } from '../../sim/model/index.js';
import { checkBudgets, TRACE_BUDGETS, type BudgetInput } from '../../sim/model/trace-budget.js';
import { TRACE_MAX_HOURS } from '../../sim/model/trace-file-check.js';
import { makeTrace } from './helpers/make-trace.js';

const good = JSON.parse(makeTrace({ design: 'island', seed: 2, weeks: 4, warmupWeeks: 1, persons: 20 })) as TraceFile;
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function broken(change: (t: Loose) => void): unknown {
  const t = structuredClone(good) as unknown as Loose;
  change(t);
  return t;
}

const fail = (path: string, what: string): never => {
  throw new TraceFileError(`${path}: ${what}`);
};

describe('trace allocation budgets', () => {
  test('a real run passes', () => {
    expect(() => parseTraceFile(structuredClone(good), 'ok.json')).not.toThrow();
  });

  test('persons × weeks × activities over budget: a 10,000-week horizon with 200 persons', () => {
    const t = broken((x) => {
      x.horizon = TRACE_MAX_HOURS - x.warmup;
      for (let i = x.organisation.persons.length; i < 200; i++) x.organisation.persons.push({ id: `extra${i}`, name: 'x', roles: [], team: null });
    });
    expect(() => parseTraceFile(t, 'long.json')).toThrowError(/long\.json: organisation\.persons: 200 persons × 10,000 weeks × \d+ activities is [\d,]+ hour totals, more than the 16,000,000/);
  });

  test('teams × streams over budget', () => {
    const t = broken((x) => {
      x.organisation.teams = Array.from({ length: 101 }, (_, i) => ({ id: `t${i}`, name: 't' }));
      x.organisation.streams = Array.from({ length: 100 }, (_, i) => ({ id: `s${i}`, name: 's', steps: ['t0'] }));
      for (const p of x.organisation.persons) p.team = null;
      x.cells = { teams: x.organisation.teams.map((e: Loose) => e.id), streams: x.organisation.streams.map((e: Loose) => e.id), queue: [] };
      x.events = { time: [], type: [], a: [], b: [], c: [] };
    });
    expect(() => parseTraceFile(t, 'wide.json')).toThrowError('wide.json: organisation.streams: 101 teams × 100 streams is 10,100 matrix cells, more than the 10,000');
  });

  test('a lead time longer than any run', () => {
    const done = good.events.type.indexOf(good.codes.types.indexOf('done'));
    expect(done).toBeGreaterThanOrEqual(0);
    const t = broken((x) => (x.events.c[done] = 1e300));
    expect(() => parseTraceFile(t, 'lead.json')).toThrowError(`lead.json: events.c[${done}]: 1e+300 is not a lead time in hours`);
  });

  test('checkpoints × (persons + meetings) and weeks × bins are bounded too', () => {
    const base: BudgetInput = { persons: 100, teams: 5, streams: 5, meetings: 10, activities: 10, events: 1e6, seriesWeeks: 60, endHours: 2400 };
    expect(() => checkBudgets(base, fail)).not.toThrow();
    expect(() => checkBudgets({ ...base, persons: 90_000, events: 40_000_000, activities: 1 }, fail)).toThrowError(/^events: .* replay checkpoint entries, more than the 64,000,000/);
    expect(TRACE_BUDGETS.histogram).toBeGreaterThan(0);
  });
});
