// Policies per stream and per team at run time. A design's policies hold for the whole
// organisation; a pilot (ModelSpec.pilots) or a scoped timeline entry changes some of
// them for some streams or teams only (SCOPABLE_POLICY_FIELDS says which field goes
// along which). Mechanisms read the flat arrays below, indexed by stream or team, so
// a pilot costs no lookup per event.
//
// Order: the design's policies, then its pilots, then each timeline entry as it comes.
// An entry without scope sets its fields for everyone (a pilot's value included): the
// organisation adopts the change as a whole.

import type { PersonState } from './person.js';
import type { Policies, PolicyScope } from './spec.js';
import type { World } from './world.js';

export const DOM_NONE = 0;
export const DOM_LINE = 1;
export const DOM_PROCESS = 2;
export const PC_NONE = 0;
export const PC_INFORMAL = 1;
export const PC_EXPLICIT = 2;

const DOM = { none: DOM_NONE, line: DOM_LINE, process: DOM_PROCESS } as const;
const PC = { none: PC_NONE, informal: PC_INFORMAL, explicit: PC_EXPLICIT } as const;

export class PolicyState {
  /** Per stream: dominance rule (DOM_*), process coordination (PC_*), starts from one service definition. */
  readonly dominance: Uint8Array;
  readonly processCoordinator: Uint8Array;
  readonly sharedDefinitions: Uint8Array;
  /** Per team: the manager is the line coordinator; share of the manager's week reserved for design. */
  readonly managerIsLineCoordinator: Uint8Array;
  readonly designShare: Float64Array;
  /** Some stream has process coordination (a quick test before looking for collisions). */
  anyProcessCoordinator = false;
  /** Streams and teams named by any pilot or scoped timeline entry: one side of the scope boundary. */
  readonly streamInScope: Uint8Array;
  readonly teamInScope: Uint8Array;
  readonly scoped: boolean;

  constructor(w: World) {
    const s = w.nStreams;
    const t = w.nTeams;
    this.dominance = new Uint8Array(s);
    this.processCoordinator = new Uint8Array(s);
    this.sharedDefinitions = new Uint8Array(s);
    this.managerIsLineCoordinator = new Uint8Array(t);
    this.designShare = new Float64Array(t);
    this.streamInScope = new Uint8Array(s);
    this.teamInScope = new Uint8Array(t);
    const scopes = [...(w.spec.pilots ?? []).map((p) => p.scope), ...w.spec.timeline.flatMap((e) => (e.scope ? [e.scope] : []))];
    for (const sc of scopes) {
      for (const id of sc.streams) this.streamInScope[w.stream(id)] = 1;
      for (const id of sc.teams) this.teamInScope[w.team(id)] = 1;
    }
    this.scoped = scopes.length > 0;
  }

  /** Sets `p` for everyone (scope omitted) or for the streams/teams of `scope`. */
  apply(w: World, p: Partial<Policies>, scope?: PolicyScope): void {
    const streams = scope ? scope.streams.map((id) => w.stream(id)) : range(w.nStreams);
    const teams = scope ? scope.teams.map((id) => w.team(id)) : range(w.nTeams);
    for (const s of streams) {
      if (p.dominance !== undefined) this.dominance[s] = DOM[p.dominance];
      if (p.processCoordinator !== undefined) this.processCoordinator[s] = PC[p.processCoordinator];
      if (p.sharedDefinitions !== undefined) this.sharedDefinitions[s] = p.sharedDefinitions ? 1 : 0;
    }
    for (const t of teams) {
      if (p.managerIsLineCoordinator !== undefined) this.managerIsLineCoordinator[t] = p.managerIsLineCoordinator ? 1 : 0;
      if (p.protectedDesignShare !== undefined) this.designShare[t] = p.protectedDesignShare;
    }
    this.anyProcessCoordinator = this.processCoordinator.some((x) => x !== PC_NONE);
    if (p.protectedDesignShare !== undefined) for (const person of w.persons) if (person.isManager) person.designShare = this.managerShare(w, person);
  }

  /** A manager's reserved share: the largest of the teams they manage; a process manager without a team has the organisation's. */
  private managerShare(w: World, p: PersonState): number {
    if (p.managerTeams.length === 0) return w.policy.protectedDesignShare;
    let most = 0;
    for (const t of p.managerTeams) most = Math.max(most, this.designShare[t]!);
    return most;
  }
}

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}
