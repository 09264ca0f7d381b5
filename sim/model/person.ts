// A person at run time: roles resolved to indices, what they are doing now, their
// queues of work, and an account of where their time went.
//
// A person holds one or more roles but does one thing at a time (000:L2608): the
// scheduler in agents.ts picks the next task across their roles.

import type { PersonSpec } from './spec.js';

/** Where a person's time goes. The sum over categories is the person's on-duty time. */
export const CAT_OPERATE = 0;
export const CAT_IMPROVISE = 1;
export const CAT_CONSULT = 2;
export const CAT_COORDINATE = 3;
export const CAT_COMPENSATE = 4;
export const CAT_DESIGN = 5;
export const CAT_MEETING = 6;
export const CAT_IDLE = 7;
export const CAT_ABSENT = 8;
/** Outside contract hours and not working overtime: not on duty. */
export const CAT_OFF = 9;
export const CATEGORY_NAMES = [
  'operate',
  'improvise',
  'consult',
  'coordinate',
  'compensate',
  'design',
  'meeting',
  'idle',
  'absent',
  'off',
] as const;
export const N_CATEGORIES = CATEGORY_NAMES.length;

/** Activity shown in traces and the viewer (one per person at any time). */
export const ACT_IDLE = 0;
export const ACT_OPERATE = 1;
export const ACT_COORDINATE = 2;
export const ACT_COMPENSATE = 3;
export const ACT_DESIGN = 4;
export const ACT_MEETING = 5;
export const ACT_OVERTIME = 6;
export const ACT_ABSENT = 7;
export const ACT_OFF = 8;
export const ACTIVITY_NAMES = ['idle', 'operating', 'coordinating', 'compensating', 'designing', 'meeting', 'overtime', 'absent', 'off'] as const;

export const TASK_NONE = 0;
export const TASK_OPERATE = 1;
export const TASK_CONSULT = 2;
export const TASK_ESCALATION = 3;
export const TASK_DESIGN = 4;

export const ST_FREE = 0;
export const ST_BUSY = 1;
export const ST_MEETING = 2;
export const ST_OFF = 3;
export const ST_ABSENT = 4;

export class PersonState {
  readonly index: number;
  readonly spec: PersonSpec;
  /** Team this person operates in, or -1. */
  operatorTeam = -1;
  /** Team this person line-coordinates, or -1. */
  lineCoordinatorTeam = -1;
  /** Streams this person process-coordinates. */
  processStreams: number[] = [];
  /** Team this person manages, or -1 (a process manager has managerStream): the first of `managerTeams`. */
  managerTeam = -1;
  managerStream = -1;
  /** All teams and streams this person manages (a manager may lead several teams). */
  managerTeams: number[] = [];
  managerStreams: number[] = [];
  /** Share of contract hours reserved for design now (managers; set from the policies of the teams they manage). */
  designShare = 0;
  isManager = false;
  isMT = false;

  state = ST_FREE;
  /** Inside dispatch: work routed to this person now waits for the choice to finish. */
  choosing = false;
  /** Bumped each time the person becomes free: tells a current entry of the team's free list from a stale one. */
  freeToken = 0;
  /** Has a current entry in the team's free list. */
  inFreeList = false;
  /** Working beyond contract hours this week. */
  overtime = false;
  /** Absent spells overlap meetings and off-time: counted, not stacked. */
  absentDepth = 0;
  inMeeting = -1;
  offDuty = false;

  task = TASK_NONE;
  taskRef = -1;
  taskAux = -1;
  taskCategory = CAT_IDLE;
  taskEnd = 0;
  taskStart = 0;
  taskEvent = -1;
  /** A task interrupted by a meeting, absence or the end of the day, resumed first. */
  resumeTask = TASK_NONE;
  resumeRef = -1;
  resumeAux = -1;
  resumeCategory = CAT_IDLE;
  resumeLeft = 0;

  /** Tacit questions waiting for this key person: request ids and question types. */
  consults: number[] = [];
  consultTypes: number[] = [];
  /** Escalations waiting for this person. */
  escalations: number[] = [];

  /** Time per category since the start of the run. */
  readonly time = new Float64Array(N_CATEGORIES);
  overtimeHours = 0;
  category = CAT_IDLE;
  lastAccount = 0;
  /** Design hours in the current week, for the protected design share. */
  designThisWeek = 0;
  /** Propensity to compensate: rises with recognition (000:L795-818), moves with what follows when one does not step in. */
  propensity = 0;
  /** Propensity to signal an unanswered question (operators): learned from whether signals are answered. */
  signalPropensity = 0;
  /** This person's own behaviour (person-behaviour.ts): the organisation's values unless overridden. */
  improviseTendency = 0;
  recognitionGain = 0;
  signalLearningRate = 0;
  coordinatorReach = 0;
  informalPassOn = 0;
  informalReachLimit = 0;
  /** Values of the place (without personal overrides), indexed as PERSON_BEHAVIOUR_FIELDS: where a newcomer starts. */
  slot: Float64Array | null = null;
  /** Newcomers who have taken this place (turnover.ts): a personal override names the person who was there at the start only. */
  replaced = 0;
  /** Holds tacit knowledge now (key persons leave; teams grow new ones). */
  isKey = false;
  /** Until this time the person is a newcomer who depends on key persons. */
  newcomerUntil = -Infinity;
  /** When the person (or the newcomer in their place) joined: tenure decides who grows into a key person. */
  joined = 0;
  /** Decisions this person made (answers, resolutions): key-person dependence. */
  decisions = 0;
  activity = ACT_IDLE;

  constructor(index: number, spec: PersonSpec) {
    this.index = index;
    this.spec = spec;
  }

  /** Books the time since the last account to the current category. */
  account(now: number): void {
    const dt = now - this.lastAccount;
    if (dt > 0) {
      this.time[this.category] = this.time[this.category]! + dt;
      if (this.overtime && this.category !== CAT_OFF) this.overtimeHours += dt;
      if (this.category === CAT_DESIGN) this.designThisWeek += dt;
    }
    this.lastAccount = now;
  }

  /** Hours of work waiting in this person's own queues (a rough backlog measure). */
  backlogItems(): number {
    return this.consults.length + this.escalations.length;
  }
}
