// The designs of DOMAIN.md §5 as policy sets over one organisation. A design changes
// structure (roles, routes, rules, reserved time, meetings, the starting definitions);
// behaviour is shared by every design of a scenario and lives in `behaviour`. Whether
// problems become visible, whether managers compensate and whether operators signal
// are outcomes of behaviour meeting this structure, never inputs. Scenario files may
// override any field (and say where each value comes from).

import type { Policies } from './spec.js';

/** Island: the department manager is the line coordinator and a hero coordinates the chain. */
export const ISLAND: Policies = {
  dominance: 'none', // nobody decided which steering wins (000:L1343)
  processCoordinator: 'informal', // Rachid: a hero without mandate (000:L215-233)
  managerIsLineCoordinator: true, // Marieke (000:L1332)
  protectedDesignShare: 0, // design only in time left over (000:L1135-1151)
  sharedDefinitions: false, // "spoed" differs per team (000:L1105-1113)
  mtAgenda: 'incident-first', // 000:L2619-2669
  meetingCadenceFactor: 1,
};

/** USM: explicit coordinators, a dominance decision, reserved design time, one service definition (001). */
export const USM: Policies = {
  dominance: 'process', // 000:L1354-1379
  processCoordinator: 'explicit', // 000:L1308-1312, L1925
  managerIsLineCoordinator: false, // 000:L1715-1737
  protectedDesignShare: 0.3, // assumption: a third of a manager's week reserved for design
  sharedDefinitions: true, // 1-5-8: one service definition (001:L199-203)
  mtAgenda: 'design-first', // 000:L2663-2669
  meetingCadenceFactor: 1,
};

/** Half measure 1: an explicit coordinator while managers keep their island week (no reserved design time). */
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

/** In words a director can read: what each preset changes against island. */
export const PRESET_DESCRIPTIONS: Record<string, string> = {
  island:
    'Department managers are their teams\' line coordinators; a senior operator coordinates each chain without a mandate; no rule says whether line or process wins a clash; managers design only in time left over; each team keeps its own definitions; the MT takes incidents before design.',
  usm:
    'Separate line coordinators and named process coordinators with a mandate; process steering wins a clash; a third of each manager\'s week is reserved for design; one service definition to start from; the MT takes design items first.',
  'half-coordinator': 'Island, except that line and process coordinators are named and given the escalations they own; managers still design only in leftover time.',
  'half-no-dominance': 'USM, except that nobody decides whether line or process wins a clash.',
};
