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

interface ActiveScope {
  streams: Uint8Array;
  teams: Uint8Array;
  /** The policy fields it set. */
  fields: string[];
  /** Streams its reserved design time is for (it sets protectedDesignShare), else null. */
  design: Uint8Array | null;
}

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
  /** Streams and teams of the pilots and scoped entries in force now: one side of the scope boundary. */
  readonly streamInScope: Uint8Array;
  readonly teamInScope: Uint8Array;
  /** Some pilot or scoped entry is in force now. */
  scoped = false;
  /** Bumped whenever the scopes in force change (caches keyed on it). */
  version = 0;
  /** Pilots and scoped entries in force, in the order they were applied. */
  private readonly active: ActiveScope[] = [];
  private readonly designCache = new Map<number, Uint8Array | null>();
  private designCacheVersion = -1;

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
    this.track(w, p, scope);
    if (p.protectedDesignShare !== undefined) for (const person of w.persons) if (person.isManager) person.designShare = this.managerShare(w, person);
  }

  /**
   * Keeps the scopes in force: a pilot or scoped entry joins them; an entry for everyone
   * that sets every field a scope set ends that scope (the organisation adopted it).
   */
  private track(w: World, p: Partial<Policies>, scope?: PolicyScope): void {
    const fields = (Object.keys(p) as (keyof Policies)[]).filter((k) => p[k] !== undefined);
    if (scope) {
      const streams = new Uint8Array(w.nStreams);
      const teams = new Uint8Array(w.nTeams);
      for (const id of scope.streams) streams[w.stream(id)] = 1;
      for (const id of scope.teams) teams[w.team(id)] = 1;
      let design: Uint8Array | null = null;
      if (p.protectedDesignShare !== undefined) {
        // Design time reserved for the pilot: for the streams it names, else for those through its teams.
        design = scope.streams.length > 0 ? streams : Uint8Array.from(range(w.nStreams), (s) => (w.stepTeam[s]!.some((t) => teams[t] === 1) ? 1 : 0));
      }
      this.active.push({ streams, teams, fields, design });
    } else {
      const set = new Set<string>(fields);
      for (let i = this.active.length - 1; i >= 0; i--) if (this.active[i]!.fields.every((f) => set.has(f))) this.active.splice(i, 1);
    }
    this.streamInScope.fill(0);
    this.teamInScope.fill(0);
    for (const a of this.active) {
      for (let i = 0; i < a.streams.length; i++) if (a.streams[i] === 1) this.streamInScope[i] = 1;
      for (let i = 0; i < a.teams.length; i++) if (a.teams[i] === 1) this.teamInScope[i] = 1;
    }
    this.scoped = this.active.length > 0;
    this.version++;
  }

  /**
   * The streams manager p designs for first (mechanisms/design.ts), or null: the union of
   * the pilots in force that reserve design time and whose teams p manages (or whose named
   * streams p is the process manager of).
   */
  designStreams(w: World, p: PersonState): Uint8Array | null {
    if (this.designCacheVersion !== this.version) {
      this.designCache.clear();
      this.designCacheVersion = this.version;
    }
    const cached = this.designCache.get(p.index);
    if (cached !== undefined) return cached;
    let out: Uint8Array | null = null;
    for (const a of this.active) {
      if (a.design === null) continue;
      const mine = p.managerTeams.some((t) => a.teams[t] === 1) || p.managerStreams.some((s) => a.streams[s] === 1);
      if (!mine) continue;
      out ??= new Uint8Array(w.nStreams);
      for (let i = 0; i < out.length; i++) if (a.design[i] === 1) out[i] = 1;
    }
    this.designCache.set(p.index, out);
    return out;
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
