// A small example organisation: three teams, two value streams crossing them, a manager
// per team on the MT, line coordinators, an informal process coordinator who is also an
// operator, a key person per team. The model tests build on it and the viewer runs it in
// the browser without a scenario file. Values are assumptions for tests and demos, not
// claims about any organisation.
import { ISLAND } from '../presets.js';
import type { BehaviourSpec, ModelSpec, PersonSpec, Policies } from '../spec.js';

export interface FixtureOptions {
  operatorsPerTeam?: number;
  arrivalPerStreamPerWeek?: number;
  questionsPerCase?: number;
  coverage?: number;
  tacit?: number;
  meetings?: boolean;
  policies?: Partial<Policies>;
  hoursPerWeek?: number;
  absenceRatePerYear?: number;
  overtimeMax?: number;
  lineCoordinators?: boolean;
  processCoordinators?: boolean;
  behaviour?: Partial<BehaviourSpec>;
}

/** Behaviour of the example: the same for every design run on it. */
export const SMALL_BEHAVIOUR: BehaviourSpec = {
  signalPropensity: 0.3, improviseTendency: 0.6, improvisationEffort: 0.5, improvisationReworkRisk: 0.2, compensationPropensity: 0.7,
  recognitionGain: 0.01, signalLearningRate: 0.05, signalAnswerWindow: 8 * 40, untracedVisibility: 0.1, coordinatorReach: 0.7,
  compensationEffort: { type: 'exponential', mean: 1 }, coordinationEffort: { type: 'exponential', mean: 0.5 },
  designSignalThreshold: 1, designEffort: { type: 'exponential', mean: 8 }, designLeadTime: 40, designCoverageGain: 0.3,
  agreementDecay: 0.01, meetingAgreementValidity: 160, fallbackDelay: 4, handoverMismatch: 0.15, contestTendency: 0.3,
  informalPassOn: 0.3, informalReachLimit: 3, meetingSpawnThreshold: 6, spawnedMeetingCadence: 40, spawnedMeetingDuration: 1,
  meetingQuietWeeks: 3, turnoverPerYear: 0.1, newcomerPeriod: 8 * 40, keyPersonRegrowth: 13 * 40, overtimeThreshold: 4, overtimeMax: 4,
  absenceRatePerYear: 3, absenceMeanHours: 16, mtItemHours: 0.5,
};

export function smallOrg(o: FixtureOptions = {}): ModelSpec {
  const teams = ['intake', 'assess', 'decide'];
  const ops = o.operatorsPerTeam ?? 4;
  const hours = o.hoursPerWeek ?? 36;
  const persons: PersonSpec[] = [];
  const person = (id: string, roles: PersonSpec['roles'], extra: Partial<PersonSpec> = {}): void => {
    persons.push({ id, name: id, roles, hoursPerWeek: hours, seniority: 1, absences: [], keyPerson: false, ...extra });
  };
  for (const t of teams) {
    person(`${t}-manager`, [{ role: 'manager', team: t }, { role: 'mt' }], { seniority: 3 });
    for (let i = 0; i < ops; i++) person(`${t}-op${i}`, [{ role: 'operator', team: t }], { keyPerson: i === 0 });
    if (o.lineCoordinators !== false) person(`${t}-lc`, [{ role: 'lineCoordinator', team: t }], { seniority: 2 });
  }
  if (o.processCoordinators !== false) {
    person('rachid', [{ role: 'operator', team: 'assess' }, { role: 'processCoordinator', stream: 'permits' }], { seniority: 1 });
    person('pc-reports', [{ role: 'processCoordinator', stream: 'reports' }], { seniority: 1 });
  }
  const rate = (o.arrivalPerStreamPerWeek ?? 40) / 40;
  const q = o.questionsPerCase ?? 0.6;
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
    agreements: ['priority', 'handover', 'exception'].map((qt) => ({ questionType: qt, explicit: o.coverage ?? 0.5, tacit: o.tacit ?? 0.5 })),
    meetings:
      o.meetings === false
        ? []
        : [{ id: 'mt', name: 'MT', kind: 'mt', participants: [], streams: [], cadence: 40, offset: 8, duration: 3 }],
    definitions: { separate: 0, shared: 0.5 },
    behaviour: { ...SMALL_BEHAVIOUR, overtimeMax: o.overtimeMax ?? 4, absenceRatePerYear: o.absenceRatePerYear ?? 3, ...o.behaviour },
    policies: { ...ISLAND, ...o.policies },
    timeline: [],
  };
}
