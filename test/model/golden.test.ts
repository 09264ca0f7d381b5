// Golden runs: the built-in scenarios, fixed seeds, short horizons, and everything
// simulate() returns pinned bit for bit (a hash of each part of the result, the hash of
// every fired engine event, and a few readable values beside them). Speed work on the
// engine and the model must leave all of it unchanged; a change of the model's meaning
// changes it on purpose.
//
// The fixture (golden.json) is never rewritten by a normal test run. After a deliberate
// change of results, regenerate it and commit it with the reason:
//   STROOM_UPDATE_GOLDEN=1 npx vitest run test/model/golden.test.ts
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TraceHash } from '../../sim/engine/index.js';
import { simulate, type ModelRunResult, type TraceData } from '../../sim/model/index.js';
import { BUILTIN_SCENARIOS_DIR, loadScenarioFile } from '../../sim/node/scenario-files.js';

const FIXTURE = new URL('./golden.json', import.meta.url);
const UPDATE = process.env.STROOM_UPDATE_GOLDEN === '1';
const WEEK = 40;

interface GoldenCase {
  scenario: string;
  design: string;
  seed: number;
  replication: number;
  warmupWeeks: number;
  horizonWeeks: number;
  /** Also record the viewer trace and pin its hash (the trace must not change the run). */
  trace: boolean;
}

const CASES: Record<string, GoldenCase> = {
  'dpv/island': { scenario: 'dpv', design: 'island', seed: 2026, replication: 3, warmupWeeks: 4, horizonWeeks: 12, trace: true },
  'dpv/usm': { scenario: 'dpv', design: 'usm', seed: 2026, replication: 3, warmupWeeks: 4, horizonWeeks: 12, trace: false },
  // Runs through three timeline phases (weeks 40, 48, 56): policy changes mid-run.
  'flow-teams/transition': { scenario: 'flow-teams', design: 'transition', seed: 7, replication: 0, warmupWeeks: 36, horizonWeeks: 22, trace: false },
};

/** JSON with sorted keys, typed arrays as arrays and non-finite numbers and -0 spelled out: equal text means equal bits. */
function canonical(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(v: unknown): unknown {
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'NaN';
    if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
    return Object.is(v, -0) ? '-0' : v;
  }
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>, normalise);
  if (Array.isArray(v)) return v.map(normalise);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = normalise((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

/** Hash of the trace's columns, byte for byte (half a million rows: too many for canonical JSON). */
function traceSha(t: TraceData): string {
  const h = createHash('sha256');
  for (const col of [t.time, t.type, t.a, t.b, t.c]) {
    h.update(String(col.length));
    h.update(new Uint8Array(col.buffer, col.byteOffset, col.byteLength));
  }
  return h.digest('hex').slice(0, 16);
}

function run(c: GoldenCase, trace: boolean): { result: ModelRunResult; eventHash: string } {
  const scenario = loadScenarioFile(`${BUILTIN_SCENARIOS_DIR}${c.scenario}.yaml`);
  const spec = scenario.designs[c.design];
  if (spec === undefined) throw new Error(`golden: ${c.scenario} has no design ${c.design}`);
  const hash = new TraceHash();
  const result = simulate(spec, {
    seed: c.seed,
    replication: c.replication,
    warmup: c.warmupWeeks * WEEK,
    horizon: c.horizonWeeks * WEEK,
    trace,
    observer: hash.observe,
  });
  return { result, eventHash: hash.hex() };
}

/** What the fixture holds per case: one hash per part of the result, so a failure says which part moved. */
function pin(c: GoldenCase) {
  const { result, eventHash } = run(c, false);
  const { trace: _none, ...parts } = result;
  const partHashes = Object.fromEntries(Object.keys(parts).sort().map((k) => [k, sha(canonical(parts[k as keyof typeof parts]))]));
  const m = result.metrics;
  return {
    config: c,
    events: result.events,
    eventHash,
    resultHash: sha(canonical(parts)),
    partHashes,
    readable: normalise({
      arrivals: m.arrivals,
      completions: m.completions,
      lead_time_mean: m.lead_time_mean,
      escalations_per_100: m.escalations_per_100,
      manager_design_share: m.manager_design_share,
      wip_mean: m.wip_mean,
    }),
  };
}

type Pinned = ReturnType<typeof pin> & { traceHash?: string; traceLength?: number };

function traced(c: GoldenCase, pinned: Pinned): Pinned {
  const { result, eventHash } = run(c, true);
  const { trace, ...parts } = result;
  // Recording the trace is observation only: the run itself must be the same.
  expect(eventHash).toBe(pinned.eventHash);
  expect(sha(canonical(parts))).toBe(pinned.resultHash);
  return { ...pinned, traceHash: traceSha(trace!), traceLength: trace!.time.length };
}

function compute(c: GoldenCase): Pinned {
  const pinned = pin(c);
  return c.trace ? traced(c, pinned) : pinned;
}

const fixture: { cases: Record<string, Pinned> } = UPDATE ? { cases: {} } : JSON.parse(readFileSync(FIXTURE, 'utf8'));

describe('golden runs (bit-identical results of the built-in scenarios)', () => {
  if (UPDATE) {
    it('regenerates golden.json (STROOM_UPDATE_GOLDEN=1)', () => {
      for (const [name, c] of Object.entries(CASES)) fixture.cases[name] = compute(c);
      writeFileSync(FIXTURE, `${JSON.stringify({ about: 'test/model/golden.test.ts; regenerate only on purpose: STROOM_UPDATE_GOLDEN=1 npx vitest run test/model/golden.test.ts', ...fixture }, null, 2)}\n`);
    });
    return;
  }

  it('the fixture covers every golden case with the same configuration', () => {
    expect(Object.keys(fixture.cases).sort()).toEqual(Object.keys(CASES).sort());
    for (const [name, c] of Object.entries(CASES)) expect(fixture.cases[name]!.config, name).toEqual(c);
  });

  for (const [name, c] of Object.entries(CASES)) {
    it(`${name}: seed ${c.seed}, replication ${c.replication}, ${c.warmupWeeks} + ${c.horizonWeeks} weeks${c.trace ? ', with trace' : ''}`, () => {
      const want = fixture.cases[name]!;
      const got = compute(c);
      // Readable values and per-part hashes first, so a failure names what moved.
      expect(got.readable).toEqual(want.readable);
      expect(got.events).toBe(want.events);
      expect(got.partHashes).toEqual(want.partHashes);
      expect(got.eventHash).toBe(want.eventHash);
      expect(got.resultHash).toBe(want.resultHash);
      expect(got.traceHash).toBe(want.traceHash);
      expect(got.traceLength).toBe(want.traceLength);
    });
  }

  it('the canonical form tells apart what JSON.stringify would merge', () => {
    expect(canonical({ b: [Number.NaN, -0], a: new Float64Array([Infinity]) })).toBe('{"a":["Infinity"],"b":["NaN","-0"]}');
    expect(canonical({ x: 0 })).not.toBe(canonical({ x: -0 }));
    expect(canonical({ x: 1, y: 2 })).toBe(canonical({ y: 2, x: 1 }));
  });
});
