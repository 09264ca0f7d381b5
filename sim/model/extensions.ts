// Runtime state of the parts of an organisation beyond its own teams and the plain
// flow of cases: rules per USM process kind (mechanisms/kinds.ts), suppliers with their
// own capacity and queue (mechanisms/suppliers.ts), coaches (mechanisms/coaches.ts) and
// the strain index of persons (strain.ts). Built once per replication beside World;
// empty when a scenario uses none of them, so such runs draw nothing extra.

import type { Distribution, RandomStream } from '../random/index.js';
import { makeDistribution } from '../random/index.js';
import { PROCESS_KINDS } from './spec.js';
import { Strain } from './strain.js';
import { TeamQueue } from './team-queue.js';
import type { World } from './world.js';

/** Index of each process kind in `RequestStore.kind` (the order of PROCESS_KINDS). */
export const KIND_OPERATE = PROCESS_KINDS.indexOf('operate');
export const KIND_RECOVER = PROCESS_KINDS.indexOf('recover');
export const KIND_CHANGE = PROCESS_KINDS.indexOf('change');
export const KIND_IMPROVE = PROCESS_KINDS.indexOf('improve');

export interface SupplierState {
  id: string;
  capacity: number;
  busy: number;
  queue: TeamQueue;
  contract: Distribution;
  /** Window figures: steps done, hours cases queued, busy server-hours, questions through the contract path, most servers busy at once. */
  done: number;
  waitSum: number;
  busyHours: number;
  busySince: number;
  contractQuestions: number;
  maxBusy: number;
}

export class Extensions {
  /** Process-kind rules resolved to indices, or null (kinds handled alike). */
  readonly kinds: { recoverFirst: boolean; changeType: number; improveType: number } | null;
  /** Improve requests waiting for design work on each (stream, type) cell. */
  readonly improveWaiting: number[][];
  /** Window completions and lead-time sums per process kind. */
  readonly kindDone = new Float64Array(PROCESS_KINDS.length);
  readonly kindLead = new Float64Array(PROCESS_KINDS.length);
  readonly suppliers: SupplierState[];
  /** Per stream and step: the supplier doing it, or -1. */
  readonly stepSupplier: Int32Array[];
  /** When each case entered its supplier's queue. */
  readonly supplierEnter = new Map<number, number>();
  /** Per team: persons coaching it. */
  readonly coaches: number[][];
  coachAnswers = 0;
  changeApprovals = 0;
  /** Improve requests taken into the design backlog over the window. */
  improveArrivals = 0;
  readonly strain: Strain;
  readonly rng: { kinds: RandomStream; supplier: RandomStream };

  constructor(w: World) {
    const spec = w.spec;
    const pk = spec.processKinds;
    const typeIndex = (id: string | undefined) => (id === undefined ? -1 : spec.questionTypes.findIndex((q) => q.id === id));
    this.kinds = pk ? { recoverFirst: pk.recoverFirst, changeType: typeIndex(pk.changeAgreement), improveType: typeIndex(pk.improveQuestionType) } : null;
    this.improveWaiting = this.kinds !== null && this.kinds.improveType >= 0 ? Array.from({ length: w.nStreams * w.nTypes }, () => []) : [];
    const sups = spec.suppliers ?? [];
    this.suppliers = sups.map((s) => ({
      id: s.id,
      capacity: s.capacity,
      busy: 0,
      queue: new TeamQueue(),
      contract: makeDistribution(s.contractResponse),
      done: 0,
      waitSum: 0,
      busyHours: 0,
      busySince: 0,
      contractQuestions: 0,
      maxBusy: 0,
    }));
    this.stepSupplier = spec.streams.map((st) => Int32Array.from(st.steps.map((x) => (x.supplier === undefined ? -1 : sups.findIndex((s) => s.id === x.supplier)))));
    this.coaches = spec.teams.map(() => []);
    for (const p of w.persons) {
      for (const r of p.spec.roles) if (r.role === 'coach') this.coaches[w.team(r.team)]!.push(p.index);
    }
    this.strain = new Strain(w);
    this.rng = { kinds: w.streams.stream('kinds'), supplier: w.streams.stream('supplier') };
  }

  /** Opens the observation window. */
  startWindow(now: number): void {
    this.kindDone.fill(0);
    this.kindLead.fill(0);
    this.coachAnswers = this.changeApprovals = this.improveArrivals = 0;
    for (const s of this.suppliers) {
      s.done = s.waitSum = s.busyHours = s.contractQuestions = 0;
      s.maxBusy = s.busy;
      s.busySince = now;
    }
    this.strain.startWindow();
  }

  /** A case completed: counted by its process kind. */
  complete(kind: number, lead: number, observing: boolean): void {
    if (!observing) return;
    this.kindDone[kind] = this.kindDone[kind]! + 1;
    this.kindLead[kind] = this.kindLead[kind]! + lead;
  }
}
