// The static description of an organisation and its policies: what a scenario file
// becomes after loading (units converted to hours, rates to per hour, references
// resolved to indices checked). It is plain data, validated once by `validateModel`,
// and never mutated by a run: the runtime state is built from it afresh for every
// replication (see state.ts), the way Ciw keeps its network apart from its nodes.
//
// Provenance lives in the scenario file beside each parameter, not here.

import type { DistributionSpec } from '../random/distributions.js';
import type { ArrivalScaleChange } from './load-schedule.js';

/** USM's five process kinds (001:L2441-2455). */
export const PROCESS_KINDS = ['operate', 'recover', 'change', 'agree', 'improve'] as const;
export type ProcessKind = (typeof PROCESS_KINDS)[number];

/**
 * Where a question belongs (DOMAIN.md §4.2): `line` = capacity and priority inside a
 * team; `process` = sequence, handover and flow across teams; `design` = who decides,
 * exceptions to the rules: only a manager can settle it for good.
 */
export type QuestionScope = 'line' | 'process' | 'design';

export type RoleSpec =
  | { role: 'operator'; team: string }
  | { role: 'lineCoordinator'; team: string }
  | { role: 'processCoordinator'; stream: string }
  | { role: 'manager'; team?: string; stream?: string }
  | { role: 'mt' }
  /** Takes a team's open questions while coaching is on (003:L1289-1291; coaches.ts). */
  | { role: 'coach'; team: string };

export interface AbsenceSpec {
  /** Start, hours from the start of the run. */
  from: number;
  /** End (exclusive), hours. */
  to: number;
}

export interface PersonSpec {
  id: string;
  name: string;
  roles: RoleSpec[];
  /** Contracted hours per week (<= WEEK_HOURS). */
  hoursPerWeek: number;
  /** Standing: decides line/process collisions when no dominance rule exists. */
  seniority: number;
  absences: AbsenceSpec[];
  /** Holds tacit knowledge (answers uncovered questions from memory). */
  keyPerson: boolean;
}

export interface TeamSpec {
  id: string;
  name: string;
}

/** Parties outside the organisation a case can wait on after a step. */
export const EXTERNAL_PARTIES = ['applicant', 'organisation', 'statutory'] as const;
export type ExternalParty = (typeof EXTERNAL_PARTIES)[number];

/**
 * A wait outside the organisation after a step's work: the applicant must supply
 * missing information, another organisation or a supplier must answer, or a statutory
 * period must pass. It occupies nobody. Whether it happens and how long it lasts are
 * drawn per case at arrival.
 */
export interface ExternalWaitSpec {
  party: ExternalParty;
  /** Probability that a case waits on this party after the step. */
  probability: number;
  /** Hours the wait lasts (calendar time counted in working hours of the model's week). */
  duration: DistributionSpec;
}

export interface StepSpec {
  team: string;
  service: DistributionSpec;
  /** Expected number of questions that arise while this step is worked. */
  questionsPerCase: number;
  /** Waits outside the organisation after the step's work (none if omitted). */
  externalWaits?: ExternalWaitSpec[];
  /** A supplier does the step's work (its own capacity and queue); `team` then holds the supplier relation. */
  supplier?: string;
}

/**
 * A party outside the organisation that owns steps (001 ch. 15, L3566-3581): no person
 * of the organisation, but its own servers and queue (mechanisms/suppliers.ts).
 */
export interface SupplierSpec {
  id: string;
  name: string;
  /** Cases it works on at once. */
  capacity: number;
  /** Hours a question about its part takes through the contract path (island route). */
  contractResponse: DistributionSpec;
}

/**
 * How the USM process kinds of requests are handled (001:L2441-2455; mechanisms/kinds.ts).
 * Absent: the kind is drawn and counted, and every kind is handled like operate.
 */
export interface ProcessKindRules {
  /** Recover requests are taken before other waiting cases of a team (no pre-emption). */
  recoverFirst: boolean;
  /** Question type whose agreement a change request needs before its first step (omit: no rule). */
  changeAgreement?: string;
  /** Question type of the design-backlog cell an improve request adds a signal to (omit: improve runs like operate). */
  improveQuestionType?: string;
}

export interface StreamSpec {
  id: string;
  name: string;
  /** Poisson arrivals, per hour. */
  arrivalRate: number;
  /** Weights of the USM process kinds of arriving requests. */
  processMix: Partial<Record<ProcessKind, number>>;
  /** Hours from arrival to the due date. */
  dueIn: number;
  /** Share of requests flagged urgent ("spoed"). */
  urgentShare: number;
  steps: StepSpec[];
}

export interface QuestionTypeSpec {
  id: string;
  name: string;
  scope: QuestionScope;
  /** Relative frequency among questions. */
  weight: number;
  /** Hours it takes whoever answers it (tacit holder, coordinator, manager). */
  answerEffort: DistributionSpec;
}

/** Initial agreement state for questions of one type (optionally one stream). */
export interface AgreementSpec {
  questionType: string;
  /** Omit for all streams. */
  stream?: string;
  /** Probability that a question of this type is answered by an explicit agreement. */
  explicit: number;
  /** Of the rest, probability that a key person knows the answer. */
  tacit: number;
}

export interface MeetingSpec {
  id: string;
  name: string;
  /** 'mt' meetings take escalations addressed to the MT; 'chain' meetings those of their streams. */
  kind: 'mt' | 'chain' | 'team';
  /** Person ids; 'mt' meetings default to all MT members. */
  participants: string[];
  /** Streams a chain meeting covers (empty = all). */
  streams: string[];
  /** Hours between meetings. */
  cadence: number;
  /** First meeting, hours from the start. */
  offset: number;
  duration: number;
}

/**
 * What a design may set: structure and rules, never how people behave (see README,
 * "What it models"). Each field is one of: a role (who holds it), a route (where an
 * escalation goes), a rule (what settles a collision, what comes first on the MT's
 * agenda), reserved time, which meetings exist, or a structural fact with provenance
 * (one service definition). POLICY_FIELD_KINDS names the kind of every field; a test
 * keeps behaviour out of this interface.
 */
export interface Policies {
  /** Which steering wins a line/process collision (000:L1350-1379). */
  dominance: 'none' | 'line' | 'process';
  /** Process coordination: none, a hero without mandate, or an explicit role. */
  processCoordinator: 'none' | 'informal' | 'explicit';
  /** The team manager is also its line coordinator (island: Marieke, 000:L1332). */
  managerIsLineCoordinator: boolean;
  /** Share of a manager's contract hours reserved for design before other work; 0 = design only in leftover time. */
  protectedDesignShare: number;
  /**
   * One service definition (001:L199-203): handover definitions start at the
   * organisation's `definitions.shared` coverage instead of `definitions.separate`. A
   * structural fact of the starting point only: design work raises definitions and
   * erosion lowers them in every design, and a timeline cannot switch it (a
   * transition starts from island's definitions).
   */
  sharedDefinitions: boolean;
  /** MT agenda: incidents before design items, or design first (000:L2619-2669). */
  mtAgenda: 'incident-first' | 'design-first';
  /** Multiplier on all meeting cadences (1 = as specified; 0 = the scheduled meetings are cancelled). */
  meetingCadenceFactor: number;
  /** Questions about a supplier's part: through the contract (island) or the shared process interface (USM: 001:L3579-3581). Default contract. */
  supplierInterface?: 'contract' | 'shared';
  /** Coaches are present and take their teams' open questions (003:L1289-1291); a timeline sets the window. Default false. */
  coaching?: boolean;
}

export type PolicyFieldKind = 'role' | 'route' | 'rule' | 'reserved-time' | 'meetings' | 'structural-fact';
/** The kind of structure each policy field is; nothing here is behaviour. */
export const POLICY_FIELD_KINDS: Record<keyof Policies, PolicyFieldKind> = {
  dominance: 'rule',
  processCoordinator: 'role',
  managerIsLineCoordinator: 'role',
  protectedDesignShare: 'reserved-time',
  sharedDefinitions: 'structural-fact',
  mtAgenda: 'rule',
  meetingCadenceFactor: 'meetings',
  supplierInterface: 'route',
  coaching: 'role',
};

/**
 * How people behave: the same for every design of a scenario. Propensities are
 * starting values; they respond to what happens to people (recognition, signals that
 * are or are not answered by design work).
 */
export interface BehaviourSpec {
  /** Starting propensity of an operator to signal an unanswered question rather than improvise or escalate it (000:L2138-2160). */
  signalPropensity: number;
  /** Of the questions an operator does not signal: probability they improvise rather than escalate. */
  improviseTendency: number;
  /** Extra effort of an improvisation, as a fraction of the step's service time. */
  improvisationEffort: number;
  /** Probability an improvised case needs rework later. */
  improvisationReworkRisk: number;
  /** Manager's starting propensity to compensate an escalation no agreement covers. */
  compensationPropensity: number;
  /** Added to the propensity after each compensation (recognition: 000:L795-818). */
  recognitionGain: number;
  /**
   * How far one experience moves a propensity: a signal answered by design work within
   * `signalAnswerWindow` makes its author more ready to signal (a manager: less ready to
   * compensate); one that leads nowhere the opposite (000:L2138-2160; 004:L714-740).
   */
  signalLearningRate: number;
  /** Hours within which design work on a signal's stream and question type counts as an answer. */
  signalAnswerWindow: number;
  /** Probability that a problem handled without a record (compensated, improvised, settled by a hero) still leaves a visible trace. */
  untracedVisibility: number;
  /** Probability a coordinator settles what no agreement covers; the rest is passed on (000:L1925). Covered questions are always settled. */
  coordinatorReach: number;
  /** Hours a manager spends compensating one escalation. */
  compensationEffort: DistributionSpec;
  /** Hours a coordinator spends resolving one escalation. */
  coordinationEffort: DistributionSpec;
  /** Visible signals a (stream, question type) needs before design takes it up: a recurring problem, not a one-off. */
  designSignalThreshold: number;
  /** Hours of design work to turn one signal cluster into an explicit agreement. */
  designEffort: DistributionSpec;
  /** Hours from finished design work to the agreement taking effect. */
  designLeadTime: number;
  /** Fraction of the remaining gap in explicit coverage that one design action closes. */
  designCoverageGain: number;
  /** Weekly fraction by which explicit coverage and shared definitions erode (new variants, lapses). */
  agreementDecay: number;
  /** Hours a meeting-made agreement stays valid (000:L724-736). */
  meetingAgreementValidity: number;
  /** Hours an escalation left to the fallback rule waits before the case goes on. */
  fallbackDelay: number;
  /** Probability a handover is rejected between teams that do not read it the same way (scaled by 1 - shared definitions). */
  handoverMismatch: number;
  /** Without a dominance rule: probability the losing coordinator contests a collision that is neither urgent nor at risk. */
  contestTendency: number;
  /** Probability the informal process coordinator passes an escalation on to a manager. */
  informalPassOn: number;
  /** Queue length beyond which the informal coordinator counts as unreachable. */
  informalReachLimit: number;
  /** Cross-team escalations between the same two teams reaching managers in one week that make them set up a recurring meeting (001:L1333-1348). */
  meetingSpawnThreshold: number;
  /** Hours between sessions of such a meeting. */
  spawnedMeetingCadence: number;
  /** Hours one session lasts. */
  spawnedMeetingDuration: number;
  /** Weeks in a row in which the two teams' escalations stay below the threshold after which their meeting is dropped. */
  meetingQuietWeeks: number;
  /** Expected departures per person per year; each leaver is replaced at once by a newcomer (000:L605-611). */
  turnoverPerYear: number;
  /** Hours a newcomer depends on key persons: every question agreements leave open goes to one. */
  newcomerPeriod: number;
  /** Hours until a team that lost a key person has grown a new one from its experienced operators. */
  keyPersonRegrowth: number;
  /** Backlog hours (own queues) beyond which a person works overtime. */
  overtimeThreshold: number;
  /** Maximum overtime hours per week. */
  overtimeMax: number;
  /** Random absences: expected spells per person per year (52 weeks). */
  absenceRatePerYear: number;
  /** Mean length of a random absence spell, hours. */
  absenceMeanHours: number;
  /** Hours an MT member spends per agenda item. */
  mtItemHours: number;
  /** Persons who behave differently (see PERSON_BEHAVIOUR_FIELDS), in order of `at`; none if omitted. */
  overrides?: BehaviourOverride[];
}

/** Where a scoped policy change applies: some streams and/or some teams (ids). */
export interface PolicyScope {
  streams: string[];
  teams: string[];
}

/**
 * Which policy fields can apply to part of the organisation, and along what: a rule or
 * role that belongs to a stream (who wins its collisions, who coordinates it, whether
 * it starts from one service definition), or one that belongs to a team (who does its
 * line coordination, how much of its manager's week is reserved for design). The MT's
 * agenda and the meeting calendar are the organisation's own and cannot be piloted.
 */
export const SCOPABLE_POLICY_FIELDS: Partial<Record<keyof Policies, 'streams' | 'teams'>> = {
  dominance: 'streams',
  processCoordinator: 'streams',
  sharedDefinitions: 'streams',
  managerIsLineCoordinator: 'teams',
  protectedDesignShare: 'teams',
};

/** A pilot: policies that apply, from the start, to the streams or teams of its scope only. */
export interface PilotSpec {
  label: string;
  scope: PolicyScope;
  policies: Partial<Policies>;
}

/**
 * Behaviour fields that belong to a person and may differ between persons: how ready
 * they are to signal, improvise, step in, settle or pass on. Propensities that are
 * learned (`signalPropensity`, `compensationPropensity`) are starting values: an
 * override sets the person's current value, which then moves with experience.
 */
export const PERSON_BEHAVIOUR_FIELDS = [
  'signalPropensity',
  'improviseTendency',
  'compensationPropensity',
  'recognitionGain',
  'signalLearningRate',
  'coordinatorReach',
  'informalPassOn',
  'informalReachLimit',
] as const;
export type PersonBehaviourField = (typeof PERSON_BEHAVIOUR_FIELDS)[number];
export type PersonBehaviour = Pick<BehaviourSpec, PersonBehaviourField>;

/**
 * Behaviour of some persons that differs from the organisation's: from the start
 * (`at` 0) or from a moment on (the same moment in every design). `personal` overrides
 * describe the person: a newcomer who replaces them (turnover) starts again from the
 * values of the place (the organisation's, with the non-personal overrides, e.g. of
 * their group, in force).
 */
export interface BehaviourOverride {
  /** Hours from the start. */
  at: number;
  label: string;
  /** Person ids (groups already expanded). */
  persons: string[];
  values: Partial<PersonBehaviour>;
  personal: boolean;
}

export interface TimelineEntry {
  /** Hours from the start. */
  at: number;
  label: string;
  policies: Partial<Policies>;
  /** Only for these streams/teams (see SCOPABLE_POLICY_FIELDS); the whole organisation if omitted. */
  scope?: PolicyScope;
}

export interface ModelSpec {
  name: string;
  teams: TeamSpec[];
  persons: PersonSpec[];
  streams: StreamSpec[];
  questionTypes: QuestionTypeSpec[];
  agreements: AgreementSpec[];
  meetings: MeetingSpec[];
  /** Starting coverage of shared handover definitions between teams: `separate` in
   *  designs where each team keeps its own, `shared` under one service definition. */
  definitions: { separate: number; shared: number };
  behaviour: BehaviourSpec;
  policies: Policies;
  /** Policies for part of the organisation from the start (a pilot on one stream); none if omitted. */
  pilots?: PilotSpec[];
  timeline: TimelineEntry[];
  /** Optional load schedule: every stream's arrival rate times a factor changing over
   *  time (set by experiments such as `stroom tipping --hysteresis`, never by a scenario
   *  file; see load-schedule.ts). Absent: the base rates throughout. */
  arrivalScale?: ArrivalScaleChange[];
  /** Parties outside the organisation that own steps (none if omitted). */
  suppliers?: SupplierSpec[];
  /** Rules per process kind (omitted: kinds are drawn but handled alike). */
  processKinds?: ProcessKindRules;
}

/** Clock hours in a working week; contract hours beyond this are impossible. */
export const WEEK_HOURS = 40;
