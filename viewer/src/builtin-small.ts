// A small organisation shipped in viewer code, so the viewer can run something in the
// browser in a second or two (demos, tests) without a scenario file: three teams, two
// value streams, a manager per team on the MT, line coordinators, an informal process
// coordinator who also operates. It is the model tests' smallOrg fixture
// (test/model/fixtures.ts), scaled by head count; test/viewer checks the two agree.
// Every value is a demo assumption, not a claim about any organisation.

import { ISLAND, PRESETS, type ModelSpec, type PersonSpec, type Policies, type TimelineEntry } from '../../sim/model/index.js';

export const SMALL_DESIGNS = ['island', 'usm', 'half-coordinator', 'half-no-dominance', 'transition'] as const;

interface SmallOptions {
  operatorsPerTeam: number;
  arrivalPerStreamPerWeek: number;
  policies: Policies;
}

function smallOrgSpec(o: SmallOptions): ModelSpec {
  const teams = ['intake', 'assess', 'decide'];
  const ops = o.operatorsPerTeam;
  const hours = 36;
  const persons: PersonSpec[] = [];
  const person = (id: string, roles: PersonSpec['roles'], extra: Partial<PersonSpec> = {}): void => {
    persons.push({ id, name: id, roles, hoursPerWeek: hours, seniority: 1, absences: [], keyPerson: false, ...extra });
  };
  for (const t of teams) {
    person(`${t}-manager`, [{ role: 'manager', team: t }, { role: 'mt' }], { seniority: 3 });
    for (let i = 0; i < ops; i++) person(`${t}-op${i}`, [{ role: 'operator', team: t }], { keyPerson: i === 0 });
    person(`${t}-lc`, [{ role: 'lineCoordinator', team: t }], { seniority: 2 });
  }
  person('rachid', [{ role: 'operator', team: 'assess' }, { role: 'processCoordinator', stream: 'permits' }], { seniority: 1 });
  person('pc-reports', [{ role: 'processCoordinator', stream: 'reports' }], { seniority: 1 });
  const rate = o.arrivalPerStreamPerWeek / 40;
  const q = 0.6;
  return {
    name: 'small',
    teams: teams.map((id) => ({ id, name: id })),
    persons,
    streams: [
      {
        id: 'permits', name: 'permits', arrivalRate: rate, processMix: { operate: 3, change: 1 }, dueIn: 80, urgentShare: 0.1,
        steps: [
          { team: 'intake', service: { type: 'lognormal', mean: 1, cv: 0.6 }, questionsPerCase: q },
          { team: 'assess', service: { type: 'lognormal', mean: 2, cv: 0.8 }, questionsPerCase: q },
          { team: 'decide', service: { type: 'lognormal', mean: 1, cv: 0.6 }, questionsPerCase: q },
        ],
      },
      {
        id: 'reports', name: 'reports', arrivalRate: rate, processMix: { operate: 1, recover: 1 }, dueIn: 40, urgentShare: 0.1,
        steps: [
          { team: 'intake', service: { type: 'lognormal', mean: 0.5, cv: 0.6 }, questionsPerCase: q },
          { team: 'assess', service: { type: 'lognormal', mean: 1.5, cv: 0.8 }, questionsPerCase: q },
        ],
      },
    ],
    questionTypes: [
      { id: 'priority', name: 'priority', scope: 'line', weight: 3, answerEffort: { type: 'exponential', mean: 0.25 } },
      { id: 'handover', name: 'handover', scope: 'process', weight: 3, answerEffort: { type: 'exponential', mean: 0.25 } },
      { id: 'exception', name: 'exception', scope: 'design', weight: 2, answerEffort: { type: 'exponential', mean: 0.5 } },
    ],
    agreements: ['priority', 'handover', 'exception'].map((qt) => ({ questionType: qt, explicit: 0.5, tacit: 0.5 })),
    meetings: [{ id: 'mt', name: 'MT', kind: 'mt', participants: [], streams: [], cadence: 40, offset: 8, duration: 3 }],
    behaviour: {
      improviseTendency: 0.6, improvisationEffort: 0.5, improvisationReworkRisk: 0.2, compensationPropensity: 0.7, recognitionGain: 0.01,
      compensationEffort: { type: 'exponential', mean: 1 }, coordinationEffort: { type: 'exponential', mean: 0.5 },
      designSignalThreshold: 1, designEffort: { type: 'exponential', mean: 8 }, designLeadTime: 40, designCoverageGain: 0.3, fallbackDelay: 4,
      handoverMismatch: 0.15, contestTendency: 0.3, informalPassOn: 0.3, informalReachLimit: 3, overtimeThreshold: 4, overtimeMax: 4,
      absenceRatePerYear: 3, absenceMeanHours: 16, mtItemHours: 0.5,
    },
    policies: { ...ISLAND, ...o.policies },
    timeline: [],
  };
}

/** The five DPV phases as policy changes, spread evenly over the run. */
function transitionTimeline(totalWeeks: number): TimelineEntry[] {
  const step = Math.max(1, Math.floor(totalWeeks / 6));
  const at = (k: number) => k * step * 40;
  return [
    { at: at(1), label: 'phase 1: confusion', policies: {} },
    { at: at(2), label: 'phase 2: reflection', policies: { signalVisibility: 0.3 } },
    { at: at(3), label: 'phase 3: naming coordination', policies: { processCoordinator: 'explicit', managerIsLineCoordinator: false } },
    { at: at(4), label: 'phase 4: operator perspective', policies: { operatorsSignal: true, signalVisibility: 1 } },
    {
      at: at(5),
      label: 'phase 5: roles right',
      policies: { managerIntervention: 'refer-or-signal', dominance: 'process', protectedDesignShare: 0.3, mtAgenda: 'design-first', sharedDefinitions: true },
    },
  ];
}

/** The small organisation for one design, scaled to about `persons` persons; `totalWeeks`
 *  (warm-up plus horizon) places the transition's phases. */
export function smallSpec(design: string, persons: number, totalWeeks: number): ModelSpec {
  const ops = Math.max(2, Math.round((persons - 2) / 3 - 2));
  const preset = PRESETS[design === 'transition' ? 'island' : design];
  if (!preset) throw new Error(`unknown design "${design}"; designs: ${SMALL_DESIGNS.join(', ')}`);
  // Four operators per team carry 40 requests per stream and week at 75% of the fixture's load.
  const spec = smallOrgSpec({ operatorsPerTeam: ops, arrivalPerStreamPerWeek: 40 * (ops / 4) * 0.75, policies: preset });
  if (design === 'transition') spec.timeline = transitionTimeline(totalWeeks);
  return spec;
}
