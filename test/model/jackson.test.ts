// With no questions, no meetings, no absences and nobody speaking for the process,
// the organisation is an open network of M/M/c stations (one per team, FIFO, the same
// exponential service rate for every stream at a team): Jackson's theorem gives each
// team's mean time in system by Erlang C, and a stream's lead time is the sum over its
// steps. The model's lead time and WIP must be covered by 95% intervals across
// replications.
import { describe, expect, it } from 'vitest';
import { ISLAND, simulate, type ModelSpec, type PersonSpec } from '../../sim/model/index.js';
import { SMALL_BEHAVIOUR } from '../../sim/model/examples/small-org.js';
import { mmc } from '../../sim/queueing/index.js';
import { confidenceInterval } from '../../sim/stats/index.js';

const teams = { A: { c: 3, mean: 1.0 }, B: { c: 2, mean: 0.8 }, C: { c: 4, mean: 1.5 } } as const;
type Team = keyof typeof teams;
const streams: { id: string; rate: number; steps: Team[] }[] = [
  { id: 's1', rate: 1.0, steps: ['A', 'B', 'C'] },
  { id: 's2', rate: 0.9, steps: ['A', 'C'] },
  { id: 's3', rate: 0.6, steps: ['B'] },
];

function network(): ModelSpec {
  const persons: PersonSpec[] = [];
  for (const [t, { c }] of Object.entries(teams)) {
    for (let i = 0; i < c; i++) {
      persons.push({ id: `${t}${i}`, name: `${t}${i}`, roles: [{ role: 'operator', team: t }], hoursPerWeek: 40, seniority: 1, absences: [], keyPerson: false });
    }
  }
  return {
    name: 'jackson',
    teams: Object.keys(teams).map((id) => ({ id, name: id })),
    persons,
    streams: streams.map((s) => ({
      id: s.id, name: s.id, arrivalRate: s.rate, processMix: { operate: 1 }, dueIn: 1000, urgentShare: 0,
      steps: s.steps.map((t) => ({ team: t, service: { type: 'exponential' as const, mean: teams[t].mean }, questionsPerCase: 0 })),
    })),
    questionTypes: [{ id: 'handover', name: 'handover', scope: 'process', weight: 1, answerEffort: { type: 'exponential', mean: 0.1 } }],
    agreements: [],
    meetings: [],
    definitions: { separate: 0, shared: 0 },
    behaviour: {
      ...SMALL_BEHAVIOUR,
      signalPropensity: 0, improviseTendency: 0, improvisationEffort: 0, improvisationReworkRisk: 0, compensationPropensity: 0, recognitionGain: 0,
      designLeadTime: 1, designCoverageGain: 0, fallbackDelay: 1, handoverMismatch: 0, contestTendency: 0, informalPassOn: 0, informalReachLimit: 1,
      meetingSpawnThreshold: 0, turnoverPerYear: 0, overtimeThreshold: 1e9, overtimeMax: 0, absenceRatePerYear: 0, absenceMeanHours: 1, mtItemHours: 1,
    },
    policies: { ...ISLAND, processCoordinator: 'none' },
    timeline: [],
  };
}

describe('Jackson network', () => {
  it('lead time and WIP match product-form theory', () => {
    const perTeam = Object.fromEntries(
      (Object.keys(teams) as Team[]).map((t) => {
        const lambda = streams.filter((s) => s.steps.includes(t)).reduce((a, s) => a + s.rate, 0);
        return [t, mmc(lambda, 1 / teams[t].mean, teams[t].c)];
      }),
    ) as Record<Team, ReturnType<typeof mmc>>;
    const total = streams.reduce((a, s) => a + s.rate, 0);
    // Mean lead time over all requests: each stream weighted by its share of arrivals.
    const leadTheory = streams.reduce((a, s) => a + (s.rate / total) * s.steps.reduce((b, t) => b + perTeam[t].system, 0), 0);
    const wipTheory = (Object.keys(teams) as Team[]).reduce((a, t) => a + perTeam[t].number, 0);
    for (const t of Object.keys(teams) as Team[]) expect(perTeam[t].utilisation).toBeGreaterThan(0.6); // a real test: loaded stations

    const runs = Array.from({ length: 15 }, (_, r) => simulate(network(), { seed: 99, replication: r, horizon: 100 * 40, warmup: 5 * 40 }));
    const lead = confidenceInterval(runs.map((r) => r.metrics.lead_time_mean));
    const wip = confidenceInterval(runs.map((r) => r.metrics.wip_mean));
    expect(lead.lower).toBeLessThanOrEqual(leadTheory);
    expect(lead.upper).toBeGreaterThanOrEqual(leadTheory);
    expect(wip.lower).toBeLessThanOrEqual(wipTheory);
    expect(wip.upper).toBeGreaterThanOrEqual(wipTheory);
    expect(lead.halfWidth / leadTheory).toBeLessThan(0.05);
    for (const r of runs) {
      expect(r.metrics.escalations_per_100).toBe(0);
      expect(r.metrics.littles_law_error).toBeLessThan(0.02);
    }
  });
});
