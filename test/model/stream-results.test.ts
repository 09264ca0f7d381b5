// Results per value stream and per team add up to the organisation's.
import { describe, expect, it } from 'vitest';
import { simulate, STREAM_METRIC_IDS } from '../../sim/model/index.js';
import { smallOrg } from './fixtures.js';

describe('per-stream and per-team results', () => {
  const r = simulate(smallOrg(), { seed: 3, horizon: 20 * 40, warmup: 4 * 40 });

  it('per-stream lead times weighted by completions give the overall mean', () => {
    let n = 0;
    let sum = 0;
    for (const st of Object.values(r.byStream)) {
      n += st.completions;
      sum += st.completions * st.lead_time_mean;
    }
    expect(n).toBe(r.metrics.completions);
    expect(sum / n).toBeCloseTo(r.metrics.lead_time_mean, 9);
  });

  it('arrivals, escalations and due dates add up across streams', () => {
    const streams = Object.values(r.byStream);
    expect(streams.reduce((a, s) => a + s.arrivals, 0)).toBe(r.metrics.arrivals);
    const esc = streams.reduce((a, s) => a + (s.escalations_per_100 * s.arrivals) / 100, 0);
    expect(esc).toBeCloseTo((r.metrics.escalations_per_100 * r.metrics.arrivals) / 100, 6);
    const onTime = streams.reduce((a, s) => a + s.due_date_attainment * s.completions, 0);
    expect(onTime / r.metrics.completions).toBeCloseTo(r.metrics.due_date_attainment, 9);
    for (const s of streams) for (const id of STREAM_METRIC_IDS) expect(Number.isFinite(s[id]), id).toBe(true);
  });

  it("teams' steps and KPIs add up to the organisation's team KPI", () => {
    const teams = Object.values(r.byTeam);
    const steps = teams.reduce((a, t) => a + t.steps_done, 0);
    const ok = teams.reduce((a, t) => a + t.steps_done * t.team_kpi_attainment, 0);
    expect(ok / steps).toBeCloseTo(r.metrics.team_kpi_attainment, 9);
    for (const t of teams) expect(t.offered_load).toBeGreaterThan(0);
  });

  it('offered load follows arrivals and service: double the arrivals, double the load', () => {
    const busy = simulate(smallOrg({ arrivalPerStreamPerWeek: 80 }), { seed: 3, horizon: 40 });
    for (const [id, t] of Object.entries(r.byTeam)) expect(busy.byTeam[id]!.offered_load).toBeCloseTo(2 * t.offered_load, 9);
  });
});

describe('lead-time parts', () => {
  it('every hour of a lead time is booked to one part: the parts add up to the mean', () => {
    const spec = smallOrg({ coverage: 0.2, tacit: 0.5 });
    spec.streams[0]!.steps[1]!.externalWaits = [{ party: 'applicant', probability: 0.5, duration: { type: 'exponential', mean: 20 } }];
    const r = simulate(spec, { seed: 4, horizon: 20 * 40, warmup: 4 * 40 });
    const parts = r.leadTimeParts;
    const sum = Object.values(parts).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(r.metrics.lead_time_mean, 6);
    // The parts this organisation has are all there: queues, work, key persons, escalations, rework, waits outside.
    for (const p of ['queue', 'work', 'key_person', 'manager', 'external', 'rework', 'handover'] as const) expect(parts[p], p).toBeGreaterThan(0);
    expect(parts.external).toBeCloseTo(r.metrics.external_wait_mean, 6);
    for (const v of Object.values(parts)) expect(v).toBeGreaterThanOrEqual(0);
  });
});

describe("the loop's anatomy", () => {
  it("every problem has one fate; visible and designed problems are shares of them", () => {
    const r = simulate(smallOrg({ coverage: 0.2 }), { seed: 6, horizon: 30 * 40, warmup: 4 * 40 });
    const a = r.anatomy;
    const fates = Object.values(a.fates).reduce((x, y) => x + y, 0);
    expect(fates).toBeCloseTo(a.problems_per_100, 9);
    expect(a.problems_per_100).toBeCloseTo(r.metrics.problems_per_100, 9);
    expect(a.fates.improvised).toBeCloseTo(r.metrics.improvisations_per_100, 9);
    expect(a.fates.withdrawn).toBeCloseTo(r.metrics.escalations_withdrawn_per_100, 9);
    expect(a.visible_share).toBeCloseTo(r.metrics.signal_visibility, 9);
    expect(a.designed_share).toBeGreaterThan(0);
    expect(a.designed_share).toBeLessThanOrEqual(a.visible_share);
    // Design takes at least its lead time after the problem was recorded.
    expect(a.time_to_design_mean).toBeGreaterThanOrEqual(40);
  });

  it('without design work taking effect, no problem is credited to design', () => {
    const spec = smallOrg({ coverage: 0.2, behaviour: { designLeadTime: 1e9 } });
    const r = simulate(spec, { seed: 6, horizon: 20 * 40 });
    expect(r.anatomy.designed_share).toBe(0);
    expect(Number.isNaN(r.anatomy.time_to_design_mean)).toBe(true);
  });
});
