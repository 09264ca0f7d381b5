// The designs of DOMAIN.md §5 as policy sets over one organisation. They differ only
// in policy values; the organisation, the engine and the rules are the same. Scenario
// files may override any field (and say where each value comes from).

import type { Policies } from './spec.js';

/** Island: the department manager is the line coordinator and fixes things herself. */
export const ISLAND: Policies = {
  dominance: 'none', // nobody decided which steering wins (000:L1343)
  processCoordinator: 'informal', // Rachid: a hero without mandate (000:L215-233)
  managerIsLineCoordinator: true, // Marieke (000:L1332)
  managerIntervention: 'compensate', // 000:L1386-1404
  protectedDesignShare: 0, // design only in time left over (000:L1135-1151)
  signalVisibility: 0.1, // assumption: compensated problems rarely become signals
  operatorsSignal: false, // Sanne improvises (000:L2098-2121)
  sharedDefinitions: false, // "spoed" differs per team (000:L1105-1113)
  mtAgenda: 'incident-first', // 000:L2619-2669
  meetingCadenceFactor: 1,
  meetingAgreementValidity: 160, // assumption: a meeting decision holds about a month (000:L724-736)
  agreementDecay: 0.01, // assumption: 1% of explicit coverage lost a week
};

/** USM: explicit coordinators, a dominance decision, managers who design (001). */
export const USM: Policies = {
  dominance: 'process',
  processCoordinator: 'explicit',
  managerIsLineCoordinator: false,
  managerIntervention: 'refer-or-signal',
  protectedDesignShare: 0.3, // assumption: a third of a manager's week reserved for design
  signalVisibility: 1, // every escalation and improvisation is a signal feeding Improve
  operatorsSignal: true, // 000:L2138-2160
  sharedDefinitions: true, // 1-5-8: one service definition (001:L199-203)
  mtAgenda: 'design-first',
  meetingCadenceFactor: 1,
  meetingAgreementValidity: 160,
  agreementDecay: 0.01,
};

/** Half measure 1: an explicit coordinator while managers keep compensating. */
export const HALF_COORDINATOR: Policies = {
  ...ISLAND,
  processCoordinator: 'explicit',
  managerIsLineCoordinator: false,
};

/** Half measure 2: USM without the dominance decision. */
export const HALF_NO_DOMINANCE: Policies = { ...USM, dominance: 'none' };

export const PRESETS: Record<string, Policies> = {
  island: ISLAND,
  usm: USM,
  'half-coordinator': HALF_COORDINATOR,
  'half-no-dominance': HALF_NO_DOMINANCE,
};
