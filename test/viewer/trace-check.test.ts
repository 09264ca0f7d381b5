// parseTraceFile against every kind of wrong field: each case breaks one field of a real
// trace and expects the message to name the field's path and what was found there.
// Real traces (both versions), and one with markup in every name, are accepted: markup
// is only text to the checks, the viewer shows it as text.

import { describe, expect, test } from 'vitest';
import { parseTraceFile, TraceFileError, type TraceFile } from '../../sim/model/index.js';
import { TRACE_LIMITS } from '../../sim/model/trace-file-check.js';
import { isSameOrigin } from '../../viewer/src/remote-confirm.js';
import { hostileTrace, MARKUP } from './helpers/hostile-trace.js';
import { makeTrace } from './helpers/make-trace.js';

const good = JSON.parse(makeTrace({ design: 'transition', seed: 5, weeks: 6, warmupWeeks: 1, persons: 20 })) as TraceFile;
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A copy of the good trace with `change` applied. */
function broken(change: (t: Loose) => void): unknown {
  const t = structuredClone(good) as unknown as Loose;
  change(t);
  return t;
}

/** Index of the first event of a type, by name. */
const firstOf = (name: string) => good.events.type.indexOf(good.codes.types.indexOf(name));

describe('parseTraceFile accepts', () => {
  test('a real run, as version 2 and as version 1', () => {
    expect(parseTraceFile(structuredClone(good), 'ok.json').organisation.persons.length).toBe(20);
    expect(parseTraceFile(broken((t) => (t.version = 1)), 'v1.json').version).toBe(1);
  });

  test('markup in every name (it is data; the viewer shows it as text)', () => {
    const t = parseTraceFile(hostileTrace(good), 'hostile.json');
    expect(t.organisation.persons[0]!.name).toContain(MARKUP);
    expect(t.scenario).toContain(MARKUP);
  });

  test('codes from the file itself: an event type or activity this model does not know', () => {
    // A later model may add event types and activities; their events are only checked to be numbers.
    const k = firstOf('step-start');
    const t = broken((x) => {
      x.codes.types[x.events.type[k]] = 'future-event';
      x.events.c[k] = 999;
    });
    expect(() => parseTraceFile(t, 'newer.json')).not.toThrow();
    const act = firstOf('activity');
    const more = broken((x) => {
      x.codes.activities.push('pondering');
      x.events.b[act] = x.codes.activities.length - 1;
    });
    expect(() => parseTraceFile(more, 'newer.json')).not.toThrow();
  });
});

const step = firstOf('step-start');
const act = firstOf('activity');
const esc = firstOf('escalate');
const q = firstOf('question');
const pol = firstOf('policy');
const nMeetings = good.organisation.meetings.length;
const weeks = good.series.week!.length;
const last = good.events.time.length - 1;

const CASES: [string, (t: Loose) => void, string][] = [
  ['scenario', (t) => (t.scenario = 42), 'scenario: expected a string, got number 42'],
  ['design', (t) => (t.design = null), 'design: expected a string, got null'],
  ['seed', (t) => (t.seed = true), 'seed: expected a number or a string, got boolean true'],
  ['replication as markup', (t) => (t.replication = MARKUP), `replication: expected a finite number, got the string ${JSON.stringify(MARKUP.slice(0, 60)).slice(0, -1)}…"`],
  ['replication, fraction', (t) => (t.replication = 1.5), 'replication: expected a whole number, got 1.5'],
  ['replication, negative', (t) => (t.replication = -1), 'replication: -1 is out of range'],
  ['horizon', (t) => (t.horizon = '52 weeks'), 'horizon: expected a finite number, got the string "52 weeks"'],
  ['warmup', (t) => (t.warmup = 1e12), 'warmup: 1000000000000 is out of range (expected 0 to 400000)'],
  ['codes', (t) => delete t.codes, 'codes: expected an object, got nothing (the field is missing)'],
  ['codes.activities', (t) => (t.codes.activities[2] = 5), 'codes.activities[2]: expected a string, got number 5'],
  ['codes.types, too many', (t) => (t.codes.types = Array.from({ length: 300 }, (_, i) => `t${i}`)), 'codes.types: has 300 entries, more than the 256'],
  ['organisation', (t) => (t.organisation = []), 'organisation: expected an object, got an array of 0'],
  ['a team name', (t) => (t.organisation.teams[0].name = {}), 'organisation.teams[0].name: expected a string, got a value of type object'],
  ['a person name', (t) => (t.organisation.persons[3].name = 7), 'organisation.persons[3].name: expected a string, got number 7'],
  ['a person id', (t) => (t.organisation.persons[4].id = ['x']), 'organisation.persons[4].id: expected a string, got an array of 1'],
  ['a duplicate person id', (t) => (t.organisation.persons[1].id = t.organisation.persons[0].id), 'organisation.persons[1].id: "intake-manager" is used twice'],
  ['a person team', (t) => (t.organisation.persons[2].team = 'nope'), 'organisation.persons[2].team: "nope" is not the id of a team'],
  ['person roles', (t) => (t.organisation.persons[2].roles = 'operator'), 'organisation.persons[2].roles: expected an array, got the string "operator"'],
  ['a role', (t) => (t.organisation.persons[2].roles[0] = 3), 'organisation.persons[2].roles[0]: expected a string, got number 3'],
  ['a stream step', (t) => (t.organisation.streams[0].steps[1] = 'nope'), 'organisation.streams[0].steps[1]: "nope" is not the id of a team'],
  ['a stream name', (t) => (t.organisation.streams[1].name = undefined), 'organisation.streams[1].name: expected a string, got nothing'],
  ['a question type scope', (t) => (t.organisation.questionTypes[0].scope = 1), 'organisation.questionTypes[0].scope: expected a string, got number 1'],
  ['a meeting kind', (t) => (t.organisation.meetings[0].kind = null), 'organisation.meetings[0].kind: expected a string, got null'],
  ['a timeline time', (t) => (t.organisation.timeline[1].at = -1), 'organisation.timeline[1].at: -1 is out of range'],
  ['a timeline label', (t) => (t.organisation.timeline[0].label = false), 'organisation.timeline[0].label: expected a string, got boolean false'],
  ['a long name', (t) => (t.organisation.persons[0].name = 'x'.repeat(501)), 'organisation.persons[0].name: a string of 501 characters, longer than the 500 allowed'],
  ['too many teams', (t) => (t.organisation.teams = Array.from({ length: TRACE_LIMITS.list + 1 }, (_, i) => ({ id: `t${i}`, name: 't' }))), 'organisation.teams: has 100001 entries, more than the 100000'],
  ['a metric', (t) => (t.metrics.lead_time_mean = 'fast'), 'metrics.lead_time_mean: expected a finite number, got the string "fast"'],
  ['series.week', (t) => delete t.series.week, 'series.week: expected an array, got nothing'],
  ['a short series', (t) => (t.series.wip = [1, 2, 3]), `series.wip: has 3 entries, series.week has ${weeks}`],
  ['a series value', (t) => (t.series.wip[0] = '5'), 'series.wip[0]: expected a finite number, got the string "5"'],
  ['cells.teams', (t) => t.cells.teams.reverse(), 'cells.teams: must list the ids of organisation.teams in the same order'],
  ['cells.queue length', (t) => t.cells.queue.push(0), `cells.queue: has ${good.cells.queue.length + 1} entries, not a whole number of weeks of 6 cells (teams × streams)`],
  ['a cell queue', (t) => (t.cells.queue[0] = -1), 'cells.queue[0]: -1 is out of range (expected at least 0)'],
  ['persons', (t) => (t.persons = {}), 'persons: expected an array, got a value of type object'],
  ['a person result id', (t) => (t.persons[0].id = 3), 'persons[0].id: expected a string, got number 3'],
  ['a person time', (t) => (t.persons[0].time.idle = 'x'), 'persons[0].time.idle: expected a finite number'],
  ['person decisions', (t) => (t.persons[0].decisions = 1.5), 'persons[0].decisions: expected a whole number, got 1.5'],
  ['events', (t) => (t.events = null), 'events: expected an object, got null'],
  ['an event column', (t) => t.events.b.pop(), 'events.b: has'],
  ['an event time', (t) => (t.events.time[5] = 'noon'), 'events.time[5]: expected a time from 0 to 400000 hours, got the string "noon"'],
  ['event order', (t) => (t.events.time[last - 1] = t.events.time[last] + 1), `events.time[${last}]: events are not in time order`],
  ['an event type', (t) => (t.events.type[3] = 99), `events.type[3]: expected an index into codes.types (0 to ${good.codes.types.length - 1}), got number 99`],
  ['an event value', (t) => (t.events.a[4] = null), 'events.a[4]: expected a finite number, got null'],
  ['a person out of range', (t) => (t.events.c[step] = 20), `events.c[${step}]: 20 is not a person (organisation.persons) (0 to 19) in a step-start event`],
  ['an activity code', (t) => (t.events.b[act] = good.codes.activities.length), `events.b[${act}]: ${good.codes.activities.length} is not a code in codes.activities`],
  ['a how code', (t) => (t.events.c[q] = 0.5), `events.c[${q}]: 0.5 is not a code in codes.how`],
  ['a meeting receiver', (t) => (t.events.b[esc] = -1 - nMeetings), `events.b[${esc}]: ${-1 - nMeetings} is not a person, or -1 - a meeting`],
  ['a timeline entry', (t) => (t.events.a[pol] = 99), `events.a[${pol}]: 99 is not a timeline entry (organisation.timeline)`],
];

describe('parseTraceFile rejects, naming the path', () => {
  test('the fixture has every event type the cases break', () => {
    for (const i of [step, act, esc, q, pol]) expect(i).toBeGreaterThanOrEqual(0);
  });

  test.each(CASES)('%s', (_name, change, message) => {
    const t = broken(change);
    expect(() => parseTraceFile(t, 'bad.json')).toThrowError(TraceFileError);
    expect(() => parseTraceFile(t, 'bad.json')).toThrowError(`bad.json: ${message}`);
  });
});

describe('isSameOrigin (which ?trace= URLs load without asking)', () => {
  const page = 'http://127.0.0.1:8000/viewer/?trace=x.json';
  test('relative and same-origin URLs are the page’s own', () => {
    for (const u of ['traces/a.json', '/a.json', '../a.json', 'http://127.0.0.1:8000/b.json']) expect(isSameOrigin(u, page), u).toBe(true);
  });
  test('another port, host, scheme, a protocol-relative URL or a data: URL are not', () => {
    for (const u of ['http://127.0.0.1:8001/a.json', 'https://127.0.0.1:8000/a.json', 'http://example.org/a.json', '//example.org/a.json', 'data:application/json,{}', 'javascript:alert(1)']) {
      expect(isSameOrigin(u, page), u).toBe(false);
    }
  });
});
