// The runtime state of one replication, built afresh from the immutable ModelSpec:
// persons, team queues, requests, escalations, agreements and the design backlog,
// plus the simulation kernel and the named random streams. Mechanisms (mechanisms/)
// and the scheduler (agents.ts) read and change it; nothing here decides behaviour.

import { Simulation } from '../engine/index.js';
import { makeDistribution, RandomStreams, type Distribution, type RandomStream, type Seed } from '../random/index.js';
import { Metrics } from './metrics.js';
import { PersonState } from './person.js';
import { initPersonBehaviour } from './person-behaviour.js';
import { PolicyState } from './policy-state.js';
import { type ModelSpec, type Policies, PROCESS_KINDS } from './spec.js';
import { EscalationStore, RequestStore } from './store.js';
import { FreeList, TeamQueue } from './team-queue.js';
import { Trace } from './trace.js';
import { Extensions } from './extensions.js';

export interface Kinds {
  arrival: number;
  taskDone: number;
  weekStart: number;
  offDuty: number;
  overtimeEnd: number;
  absenceStart: number;
  absenceEnd: number;
  meetingStart: number;
  meetingEnd: number;
  designEffect: number;
  fallback: number;
  policy: number;
  warmupEnd: number;
  departure: number;
  keyRegrowth: number;
  externalDone: number;
  behaviourChange: number;
  supplierDone: number;
  contractDone: number;
}

/** A meeting at run time: those of the scenario, then those the organisation sets up itself (meetings.ts). */
export interface RuntimeMeeting {
  id: string;
  name: string;
  kind: 'mt' | 'chain' | 'team';
  /** Streams a chain meeting covers (null = all). */
  streams: ReadonlySet<number> | null;
  cadence: number;
  duration: number;
  offset: number;
  /** Team pair (a * nTeams + b, a < b) a spawned meeting is about, or -1 for a scheduled one. */
  pair: number;
  /** Spawned meetings: weeks in a row the two teams' escalations stayed below the threshold. */
  idle: number;
  /** Cancelled for good (a spawned meeting whose problem went away). */
  ended: boolean;
}

export class World {
  readonly spec: ModelSpec;
  readonly sim: Simulation;
  readonly streams: RandomStreams;
  /** Policies in force now for the organisation as a whole: the timeline replaces fields as it goes. */
  policy: Policies;
  /** Policies in force now per stream and per team (pilots and scoped timeline entries): what mechanisms read. */
  readonly scoped: PolicyState;
  readonly kinds = {} as Kinds;

  readonly persons: PersonState[];
  readonly teamIndex = new Map<string, number>();
  readonly streamIndex = new Map<string, number>();
  readonly personIndex = new Map<string, number>();
  readonly nTeams: number;
  readonly nStreams: number;
  readonly nTypes: number;

  /** Per team: its operators, its queue, its manager, its line coordinator, its key persons. */
  readonly teamOperators: number[][];
  readonly teamQueues: TeamQueue[];
  /** Operators of each team who are free now (see agents.setState). */
  readonly teamFree: Int32Array;
  /** Per team: operators in the order they became free (the longest free first). */
  readonly freeOperators: FreeList[];
  /** Per stream: number of steps and each step's share of the due window (the team KPI norm). */
  readonly streamSteps: Int32Array;
  readonly stepNorm: Float64Array;
  readonly teamManager: Int32Array;
  readonly teamLineCoordinator: Int32Array;
  readonly teamKeyPersons: number[][];
  readonly keyPersons: number[];
  /** Per stream: process coordinator (or -1), process manager (or -1). */
  readonly streamCoordinator: Int32Array;
  readonly streamManager: Int32Array;
  /** Per stream and step: owning team, service distribution. */
  readonly stepTeam: Int32Array[];
  readonly stepService: Distribution[][];
  /** Per stream and step: the waits outside the organisation that may follow it. */
  readonly stepWaits: { probability: number; duration: Distribution }[][][];
  /** Per stream and step: e^-(mean questions), the stopping level of the Poisson draw made at every arrival. */
  readonly stepQuestionLimit: Float64Array[];
  readonly streamKindWeights: Float64Array[];
  readonly streamKindTotal: Float64Array;

  readonly typeWeights: Float64Array;
  readonly typeWeightTotal: number;
  readonly typeScope: Uint8Array; // 0 line, 1 process, 2 design
  readonly typeEffort: Distribution[];
  /** The question type a mismatched handover raises. */
  readonly handoverType: number;

  /** Agreement state per (stream, type): index s * nTypes + q. */
  readonly explicit: Float64Array;
  readonly tacit: Float64Array;
  readonly meetingValidUntil: Float64Array;
  /** Design backlog: visible signals per (stream, type), design work left, who holds it. */
  readonly backlog: Float64Array;
  readonly designLeft: Float64Array;
  readonly designHeld: Uint8Array;
  /** When the design work now under way (or last done) on each cell began. */
  readonly designStarted: Float64Array;
  /** Shared handover definitions per (stream, receiving step): index s * maxSteps + k. */
  readonly definitions: Float64Array;
  readonly maxSteps: number;
  /** Signals waiting for an answer per (stream, type) cell: who raised them (-1: nobody to learn) and when. */
  readonly pendingAuthor: number[][];
  readonly pendingTime: number[][];
  /** Meetings at run time (scheduled ones first, then spawned ones). */
  readonly meetings: RuntimeMeeting[];
  /** The MT meeting (the first of kind 'mt'), or -1. */
  readonly mtMeeting: number;
  /** Per meeting: escalations waiting for it. */
  readonly meetingQueues: number[][];
  readonly meetingMembers: number[][];
  /** Per meeting: who is in it now, what it decided, and whether it is cancelled. */
  readonly meetingPresent: number[][];
  readonly meetingDecided: number[][];
  readonly meetingDormant: number[];
  /** Cross-team escalations reaching managers this week, per team pair; the live spawned meeting of each pair (-1). */
  readonly pairEscalations: Float64Array;
  readonly pairMeeting: Int32Array;
  /** Key persons each team started with (tacit knowledge scales with those present now). */
  readonly teamKeyInitial: Int32Array;
  /** Behaviour distributions, built once. */
  readonly behaviourDist: { coordination: Distribution; compensation: Distribution; design: Distribution };
  /** Mean service hours of the steps a team owns (for backlog-in-hours estimates). */
  readonly meanStepHours: Float64Array;

  readonly requests: RequestStore;
  readonly escalations = new EscalationStore();
  readonly metrics: Metrics;
  readonly trace: Trace | null;
  /** Process-kind rules, suppliers, coaches and the strain index (extensions.ts). */
  readonly ext: Extensions;

  readonly rng: {
    questionTypes: RandomStream;
    coverage: RandomStream;
    improvise: RandomStream;
    intervention: RandomStream;
    signal: RandomStream;
    coordinator: RandomStream;
    visibility: RandomStream;
    effort: RandomStream;
    handover: RandomStream;
    rework: RandomStream;
    design: RandomStream;
    collision: RandomStream;
  };
  readonly arrivalRng: RandomStream[];
  readonly caseRng: RandomStream[];

  readonly horizon: number;
  readonly warmup: number;
  /** Record weekly series per stream, team, role and person (weekly-detail.ts). */
  readonly weekly: boolean;

  constructor(spec: ModelSpec, opts: { seed: Seed; replication: number; horizon: number; warmup: number; trace: boolean; weekly?: boolean }) {
    this.spec = spec;
    this.horizon = opts.horizon;
    this.warmup = opts.warmup;
    this.weekly = opts.weekly === true;
    this.sim = new Simulation({ initialCapacity: 4096 });
    this.streams = new RandomStreams(opts.seed, opts.replication);
    this.policy = { ...spec.policies };

    spec.teams.forEach((t, i) => this.teamIndex.set(t.id, i));
    spec.streams.forEach((s, i) => this.streamIndex.set(s.id, i));
    spec.persons.forEach((p, i) => this.personIndex.set(p.id, i));
    this.nTeams = spec.teams.length;
    this.nStreams = spec.streams.length;
    this.nTypes = spec.questionTypes.length;

    this.persons = spec.persons.map((p, i) => new PersonState(i, p));
    this.teamOperators = spec.teams.map(() => []);
    this.teamKeyPersons = spec.teams.map(() => []);
    this.teamQueues = spec.teams.map(() => new TeamQueue());
    this.teamManager = new Int32Array(this.nTeams).fill(-1);
    this.teamLineCoordinator = new Int32Array(this.nTeams).fill(-1);
    this.streamCoordinator = new Int32Array(this.nStreams).fill(-1);
    this.streamManager = new Int32Array(this.nStreams).fill(-1);
    this.keyPersons = [];
    for (const p of this.persons) {
      for (const r of p.spec.roles) {
        if (r.role === 'operator') p.operatorTeam = this.team(r.team);
        else if (r.role === 'lineCoordinator') {
          const t = this.team(r.team);
          if (p.lineCoordinatorTeam < 0) p.lineCoordinatorTeam = t;
          if (this.teamLineCoordinator[t] === -1) this.teamLineCoordinator[t] = p.index;
        }
        else if (r.role === 'processCoordinator') p.processStreams.push(this.stream(r.stream));
        else if (r.role === 'manager') {
          p.isManager = true;
          // A manager may lead several teams (or streams): each sends its escalations to them.
          if (r.team !== undefined) {
            const t = this.team(r.team);
            p.managerTeams.push(t);
            if (this.teamManager[t] === -1) this.teamManager[t] = p.index;
          }
          if (r.stream !== undefined) {
            const st = this.stream(r.stream);
            p.managerStreams.push(st);
            if (this.streamManager[st] === -1) this.streamManager[st] = p.index;
          }
        } else if (r.role === 'mt') p.isMT = true;
      }
      if (p.operatorTeam >= 0) this.teamOperators[p.operatorTeam]!.push(p.index);
      p.managerTeam = p.managerTeams[0] ?? -1;
      p.managerStream = p.managerStreams[0] ?? -1;
      for (const s of p.processStreams) if (this.streamCoordinator[s] === -1) this.streamCoordinator[s] = p.index;
      if (p.spec.keyPerson) {
        p.isKey = true;
        this.keyPersons.push(p.index);
        const home = p.operatorTeam >= 0 ? p.operatorTeam : p.lineCoordinatorTeam;
        if (home >= 0) this.teamKeyPersons[home]!.push(p.index);
      }
    }
    this.teamKeyInitial = Int32Array.from(this.teamKeyPersons.map((k) => k.length));

    this.freeOperators = this.teamOperators.map((ops) => {
      const list = new FreeList(this.persons);
      for (const i of ops) list.push(this.persons[i]!);
      return list;
    });
    this.teamFree = new Int32Array(this.nTeams);
    for (let t = 0; t < this.nTeams; t++) this.teamFree[t] = this.teamOperators[t]!.length;
    this.streamSteps = Int32Array.from(spec.streams.map((s) => s.steps.length));
    this.stepNorm = Float64Array.from(spec.streams.map((s) => s.dueIn / s.steps.length));
    this.stepTeam = spec.streams.map((s) => Int32Array.from(s.steps.map((st) => this.team(st.team))));
    this.stepService = spec.streams.map((s) => s.steps.map((st) => makeDistribution(st.service)));
    this.stepWaits = spec.streams.map((s) =>
      s.steps.map((st) => (st.externalWaits ?? []).map((x) => ({ probability: x.probability, duration: makeDistribution(x.duration) }))),
    );
    this.stepQuestionLimit = spec.streams.map((s) => Float64Array.from(s.steps.map((st) => Math.exp(-st.questionsPerCase))));
    this.streamKindWeights = spec.streams.map((s) => Float64Array.from(PROCESS_KINDS.map((k) => s.processMix[k] ?? 0)));
    this.streamKindTotal = Float64Array.from(this.streamKindWeights.map((w) => w.reduce((a, b) => a + b, 0)));

    this.typeWeights = Float64Array.from(spec.questionTypes.map((q) => q.weight));
    this.typeWeightTotal = this.typeWeights.reduce((a, b) => a + b, 0);
    this.typeScope = Uint8Array.from(spec.questionTypes.map((q) => (q.scope === 'line' ? 0 : q.scope === 'process' ? 1 : 2)));
    this.typeEffort = spec.questionTypes.map((q) => makeDistribution(q.answerEffort));
    const ho = spec.questionTypes.findIndex((q) => q.id === 'handover');
    this.handoverType = ho >= 0 ? ho : Math.max(0, spec.questionTypes.findIndex((q) => q.scope === 'process'));

    const cells = this.nStreams * this.nTypes;
    this.explicit = new Float64Array(cells);
    this.tacit = new Float64Array(cells);
    this.meetingValidUntil = new Float64Array(cells).fill(-Infinity);
    this.backlog = new Float64Array(cells);
    this.designLeft = new Float64Array(cells);
    this.designHeld = new Uint8Array(cells);
    this.designStarted = new Float64Array(cells);
    // Organisation-wide agreements first, stream-specific ones override them.
    const ordered = [...spec.agreements].sort((a, b) => (a.stream === undefined ? 0 : 1) - (b.stream === undefined ? 0 : 1));
    for (const a of ordered) {
      const q = spec.questionTypes.findIndex((t) => t.id === a.questionType);
      const targets = a.stream === undefined ? [...Array(this.nStreams).keys()] : [this.stream(a.stream)];
      for (const s of targets) {
        this.explicit[s * this.nTypes + q] = a.explicit;
        this.tacit[s * this.nTypes + q] = a.tacit;
      }
    }

    this.pendingAuthor = Array.from({ length: cells }, () => []);
    this.pendingTime = Array.from({ length: cells }, () => []);
    this.maxSteps = Math.max(1, ...spec.streams.map((st) => st.steps.length));
    this.scoped = new PolicyState(this);
    this.scoped.apply(this, this.policy);
    for (const pilot of spec.pilots ?? []) this.scoped.apply(this, pilot.policies, pilot.scope);
    // One service definition is a fact of the starting point, per stream (a pilot may start from one).
    this.definitions = new Float64Array(this.nStreams * this.maxSteps);
    for (let s = 0; s < this.nStreams; s++) {
      const start = this.scoped.sharedDefinitions[s] === 1 ? spec.definitions.shared : spec.definitions.separate;
      this.definitions.fill(start, s * this.maxSteps, (s + 1) * this.maxSteps);
    }

    this.meetings = spec.meetings.map((m) => ({
      id: m.id,
      name: m.name,
      kind: m.kind,
      streams: m.streams.length === 0 ? null : new Set(m.streams.map((id) => this.stream(id))),
      cadence: m.cadence,
      duration: m.duration,
      offset: m.offset,
      pair: -1,
      idle: 0,
      ended: false,
    }));
    this.mtMeeting = spec.meetings.findIndex((m) => m.kind === 'mt');
    this.meetingQueues = spec.meetings.map(() => []);
    this.meetingMembers = spec.meetings.map((m) =>
      m.kind === 'mt' && m.participants.length === 0
        ? this.persons.filter((p) => p.isMT).map((p) => p.index)
        : m.participants.map((id) => this.personIndex.get(id)!),
    );

    this.meetingPresent = spec.meetings.map(() => []);
    this.meetingDecided = spec.meetings.map(() => []);
    this.meetingDormant = spec.meetings.map(() => 0);
    this.pairEscalations = new Float64Array(this.nTeams * this.nTeams);
    this.pairMeeting = new Int32Array(this.nTeams * this.nTeams).fill(-1);
    const b = spec.behaviour;
    this.behaviourDist = {
      coordination: makeDistribution(b.coordinationEffort),
      compensation: makeDistribution(b.compensationEffort),
      design: makeDistribution(b.designEffort),
    };
    this.meanStepHours = new Float64Array(this.nTeams);
    const stepCount = new Float64Array(this.nTeams);
    spec.streams.forEach((st, s) =>
      st.steps.forEach((_, k) => {
        const t = this.stepTeam[s]![k]!;
        this.meanStepHours[t] = this.meanStepHours[t]! + this.stepService[s]![k]!.mean;
        stepCount[t] = stepCount[t]! + 1;
      }),
    );
    for (let t = 0; t < this.nTeams; t++) if (stepCount[t]! > 0) this.meanStepHours[t] = this.meanStepHours[t]! / stepCount[t]!;
    initPersonBehaviour(this);

    this.requests = new RequestStore(this.maxSteps);
    this.metrics = new Metrics(this);
    this.trace = opts.trace ? new Trace() : null;

    const st = this.streams;
    this.rng = {
      questionTypes: st.stream('question-types'),
      coverage: st.stream('coverage'),
      improvise: st.stream('improvise'),
      intervention: st.stream('intervention'),
      signal: st.stream('signal'),
      coordinator: st.stream('coordinator'),
      visibility: st.stream('visibility'),
      effort: st.stream('effort'),
      handover: st.stream('handover'),
      rework: st.stream('rework'),
      design: st.stream('design'),
      collision: st.stream('collision'),
    };
    this.arrivalRng = spec.streams.map((s) => st.stream(`arrivals/${s.id}`));
    this.caseRng = spec.streams.map((s) => st.stream(`cases/${s.id}`));
    this.ext = new Extensions(this);
  }

  team(id: string): number {
    const i = this.teamIndex.get(id);
    if (i === undefined) throw new Error(`model: unknown team "${id}"`);
    return i;
  }

  stream(id: string): number {
    const i = this.streamIndex.get(id);
    if (i === undefined) throw new Error(`model: unknown value stream "${id}"`);
    return i;
  }

  /** Mean explicit coverage over all (stream, question type) cells, weighted by type frequency. */
  coverage(): number {
    let acc = 0;
    for (let s = 0; s < this.nStreams; s++) {
      for (let q = 0; q < this.nTypes; q++) acc += this.explicit[s * this.nTypes + q]! * this.typeWeights[q]!;
    }
    return acc / (this.nStreams * this.typeWeightTotal);
  }

  /** Is the metrics window open (after warm-up)? */
  get observing(): boolean {
    return this.sim.now >= this.warmup;
  }
}
