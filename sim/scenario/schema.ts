// The raw shape of a scenario file (docs/scenario-format.md) as TypeBox schemas, from
// which both the ajv validator and the raw TypeScript types are derived, so the two
// cannot drift. Quantities stay strings or numbers here; units.ts converts them later.
// Every mapping is closed (unknown keys are errors) and every mapping that holds
// parameters may carry `source`, `assumption` and `provenance`.

import { Type, type Static, type TProperties, type TSchema } from '@sinclair/typebox';
import { PRESETS } from '../model/presets.js';
import type { BehaviourSpec, PersonBehaviourField, Policies, ProcessKind } from '../model/spec.js';
import { LIMITS } from './limits.js';
import { SEED_HINT } from './seed.js';

export const ID_PATTERN = '^[A-Za-z][A-Za-z0-9_.-]*$';
export const ID_HINT = 'an id: a letter, then letters, digits, "_", "-" or "."';

const Id = Type.String({ pattern: ID_PATTERN, maxLength: 64, description: ID_HINT });
const Text = (maxLength: number) => Type.String({ maxLength });
const Opt = Type.Optional;

/** A number (hours, per hour, h/week as the field says) or a string with units. */
const Quantity = Type.Unsafe<number | string>({
  type: ['number', 'string'],
  maxLength: LIMITS.quantityChars,
  description: 'a quantity: a number or a string with units, e.g. "45 min", "30 per day"',
});
/** A time, or the word "auto" (warm-up estimated from pilot runs). */
const QuantityOrAuto = Type.Unsafe<number | string>({
  type: ['number', 'string'],
  maxLength: LIMITS.quantityChars,
  description: 'a time such as "8 weeks", or "auto"',
});
const Probability = Type.Number({ minimum: 0, maximum: 1, description: 'a probability in [0, 1]' });
const NonNegative = Type.Number({ minimum: 0, description: 'a number >= 0' });
const Positive = Type.Number({ exclusiveMinimum: 0, description: 'a number > 0' });
const Enum = <T extends string>(values: readonly T[]) => Type.Unsafe<T>({ type: 'string', enum: [...values] });

export const PROVENANCE_KEYS = ['source', 'assumption', 'provenance'] as const;
const ProvenanceProps = {
  source: Opt(Type.String({ minLength: 1, maxLength: 1000, description: 'seed lines such as "000:L163" or "000:L12-20, 001:L5"' })),
  assumption: Opt(Type.String({ minLength: 1, maxLength: 4000, description: 'why this value was assumed' })),
  provenance: Opt(
    Type.Record(Type.String(), Type.String({ minLength: 1, maxLength: 4000 }), {
      additionalProperties: false,
      description: 'per field: "000:L163" or "assumption: why"',
    }),
  ),
};

const Closed = <T extends TProperties>(props: T) => Type.Object(props, { additionalProperties: false });
/** A mapping that holds parameters, so it may say where they come from. */
const Params = <T extends TProperties>(props: T) => Type.Object({ ...props, ...ProvenanceProps }, { additionalProperties: false });

// Distributions: a oneOf keyed on `type`, so ajv reports against the variant named.
const DistributionUnion = Type.Union([
  Params({ type: Type.Literal('exponential'), mean: Quantity }),
  Params({ type: Type.Literal('deterministic'), value: Quantity }),
  Params({ type: Type.Literal('uniform'), min: Quantity, max: Quantity }),
  Params({ type: Type.Literal('triangular'), min: Quantity, mode: Quantity, max: Quantity }),
  Params({ type: Type.Literal('gamma'), shape: Positive, mean: Quantity }),
  Params({ type: Type.Literal('erlang'), k: Type.Integer({ minimum: 1, maximum: 1000 }), mean: Quantity }),
  Params({ type: Type.Literal('lognormal'), mean: Quantity, cv: Type.Number({ exclusiveMinimum: 0, maximum: 20, description: 'a coefficient of variation in (0, 20]' }) }),
  Params({
    type: Type.Literal('empirical'),
    values: Type.Array(Quantity, { minItems: 1, maxItems: 10_000 }),
    weights: Opt(Type.Array(NonNegative, { minItems: 1, maxItems: 10_000 })),
  }),
]);
export const DISTRIBUTION_TYPES = DistributionUnion.anyOf.map((s) => s.properties.type.const);
const Distribution = Type.Unsafe<Static<typeof DistributionUnion>>({
  type: 'object',
  discriminator: { propertyName: 'type' },
  oneOf: DistributionUnion.anyOf,
});

const policyFields = {
  dominance: Opt(Enum(['none', 'line', 'process'] as const)),
  processCoordinator: Opt(Enum(['none', 'informal', 'explicit'] as const)),
  managerIsLineCoordinator: Opt(Type.Boolean()),
  protectedDesignShare: Opt(Probability),
  sharedDefinitions: Opt(Type.Boolean()),
  mtAgenda: Opt(Enum(['incident-first', 'design-first'] as const)),
  meetingCadenceFactor: Opt(NonNegative),
  supplierInterface: Opt(Enum(['contract', 'shared'] as const)),
  coaching: Opt(Type.Boolean()),
} satisfies Record<keyof Policies, TSchema>;
const PolicyOverrides = Params(policyFields);

const behaviourFields = {
  signalPropensity: Probability,
  improviseTendency: Probability,
  improvisationEffort: NonNegative,
  improvisationReworkRisk: Probability,
  compensationPropensity: Probability,
  recognitionGain: NonNegative,
  signalLearningRate: Probability,
  signalAnswerWindow: Quantity,
  untracedVisibility: Probability,
  coordinatorReach: Probability,
  compensationEffort: Distribution,
  coordinationEffort: Distribution,
  designSignalThreshold: NonNegative,
  designEffort: Distribution,
  designLeadTime: Quantity,
  designCoverageGain: Probability,
  agreementDecay: Probability,
  meetingAgreementValidity: Quantity,
  fallbackDelay: Quantity,
  handoverMismatch: Probability,
  contestTendency: Probability,
  informalPassOn: Probability,
  informalReachLimit: NonNegative,
  meetingSpawnThreshold: NonNegative,
  spawnedMeetingCadence: Quantity,
  spawnedMeetingDuration: Quantity,
  meetingQuietWeeks: NonNegative,
  turnoverPerYear: NonNegative,
  newcomerPeriod: Quantity,
  keyPersonRegrowth: Quantity,
  overtimeThreshold: Quantity,
  overtimeMax: Quantity,
  absenceRatePerYear: NonNegative,
  absenceMeanHours: Quantity,
  mtItemHours: Quantity,
} satisfies Record<Exclude<keyof BehaviourSpec, 'overrides'>, TSchema>;

/** Behaviour of one person or group that differs from the organisation's (sim/model/person-behaviour.ts). */
const personBehaviourFields = {
  signalPropensity: Opt(Probability),
  improviseTendency: Opt(Probability),
  compensationPropensity: Opt(Probability),
  recognitionGain: Opt(NonNegative),
  signalLearningRate: Opt(Probability),
  coordinatorReach: Opt(Probability),
  informalPassOn: Opt(Probability),
  informalReachLimit: Opt(NonNegative),
} satisfies Record<PersonBehaviourField, TSchema>;
const PersonBehaviour = Params(personBehaviourFields);
const PersonOverrides = Type.Record(Type.String({ pattern: ID_PATTERN }), PersonBehaviour, {
  additionalProperties: false,
  maxProperties: LIMITS.persons,
  description: `person or group ids (${ID_HINT})`,
});
const BehaviourChange = Params({ at: Quantity, label: Text(500), persons: PersonOverrides });
const Behaviour = Params({
  ...behaviourFields,
  persons: Opt(PersonOverrides),
  timeline: Opt(Type.Array(BehaviourChange, { maxItems: LIMITS.timelineEntries })),
});

const processMixFields = {
  operate: Opt(NonNegative),
  recover: Opt(NonNegative),
  change: Opt(NonNegative),
  agree: Opt(NonNegative),
  improve: Opt(NonNegative),
} satisfies Record<ProcessKind, TSchema>;

const Team = Params({ id: Id, name: Opt(Text(200)) });
const ExternalWait = Params({ party: Enum(['applicant', 'organisation', 'statutory'] as const), probability: Probability, duration: Distribution });
const Step = Params({
  team: Id,
  service: Distribution,
  questionsPerCase: NonNegative,
  externalWaits: Opt(Type.Array(ExternalWait, { maxItems: 10 })),
  supplier: Opt(Id),
});
const Supplier = Params({
  id: Id,
  name: Opt(Text(200)),
  capacity: Type.Integer({ minimum: 1, maximum: 10_000, description: 'cases the supplier works on at once: a whole number >= 1' }),
  contractResponse: Distribution,
});
const ProcessKinds = Params({
  recoverFirst: Opt(Type.Boolean()),
  changeAgreement: Opt(Id),
  improveQuestionType: Opt(Id),
});
const Stream = Params({
  id: Id,
  name: Opt(Text(200)),
  arrivals: Quantity,
  dueIn: Quantity,
  urgentShare: Probability,
  processMix: Params(processMixFields),
  steps: Type.Array(Step, { minItems: 1, maxItems: LIMITS.stepsPerStream }),
});
const Role = Type.String({ minLength: 1, maxLength: 100 });
const Roles = Type.Array(Role, { minItems: 1, maxItems: 20 });
const Absence = Params({ from: Quantity, to: Quantity });
const Absences = Type.Array(Absence, { maxItems: 1000 });
const Person = Params({
  id: Id,
  name: Opt(Text(200)),
  roles: Roles,
  hoursPerWeek: Quantity,
  seniority: NonNegative,
  keyPerson: Opt(Type.Boolean()),
  absences: Opt(Absences),
});
const Group = Params({
  id: Id,
  name: Opt(Text(200)),
  count: Type.Integer({ minimum: 1, maximum: LIMITS.persons }),
  roles: Roles,
  hoursPerWeek: Quantity,
  seniority: NonNegative,
  keyPersons: Opt(Type.Integer({ minimum: 0, maximum: LIMITS.persons })),
  absences: Opt(Absences),
});
const QuestionType = Params({
  id: Id,
  name: Opt(Text(200)),
  scope: Enum(['line', 'process', 'design'] as const),
  weight: Positive,
  answerEffort: Distribution,
});
const Agreement = Params({ questionType: Id, stream: Opt(Id), explicit: Probability, tacit: Probability });
const Meeting = Params({
  id: Id,
  name: Opt(Text(200)),
  kind: Enum(['mt', 'chain', 'team'] as const),
  participants: Opt(Type.Array(Id, { maxItems: LIMITS.persons })),
  streams: Opt(Type.Array(Id, { maxItems: LIMITS.streams })),
  cadence: Quantity,
  offset: Quantity,
  duration: Quantity,
});
const Persons = Type.Array(Person, { maxItems: LIMITS.persons });
const Groups = Type.Array(Group, { maxItems: LIMITS.persons });
const Meetings = Type.Array(Meeting, { maxItems: LIMITS.meetings });

const Organisation = Closed({
  teams: Type.Array(Team, { minItems: 1, maxItems: LIMITS.teams }),
  streams: Type.Array(Stream, { minItems: 1, maxItems: LIMITS.streams }),
  persons: Opt(Persons),
  groups: Opt(Groups),
  questionTypes: Type.Array(QuestionType, { minItems: 1, maxItems: LIMITS.questionTypes }),
  agreements: Opt(Type.Array(Agreement, { maxItems: LIMITS.questionTypes * (LIMITS.streams + 1) })),
  /** Starting coverage of shared handover definitions: each team its own, or one service definition. */
  definitions: Opt(Params({ separate: Probability, shared: Probability })),
  meetings: Opt(Meetings),
  suppliers: Opt(Type.Array(Supplier, { maxItems: LIMITS.teams })),
  processKinds: Opt(ProcessKinds),
});

/** Streams and/or teams a pilot or a timeline entry applies to. */
const Scope = Closed({
  streams: Opt(Type.Array(Id, { minItems: 1, maxItems: LIMITS.streams })),
  teams: Opt(Type.Array(Id, { minItems: 1, maxItems: LIMITS.teams })),
});
const TimelineEntry = Params({ at: Quantity, label: Text(500), scope: Opt(Scope), policies: PolicyOverrides });
const Pilot = Params({ label: Opt(Text(500)), scope: Scope, policies: PolicyOverrides });
const Addition = Params({ persons: Opt(Persons), groups: Opt(Groups), meetings: Opt(Meetings) });
export const PRESET_NAMES = Object.keys(PRESETS);
const Design = Params({
  preset: Type.Unsafe<string>({ type: 'string', enum: PRESET_NAMES }),
  description: Opt(Text(5000)),
  policies: Opt(PolicyOverrides),
  pilots: Opt(Type.Array(Pilot, { maxItems: LIMITS.timelineEntries })),
  timeline: Opt(Type.Array(TimelineEntry, { maxItems: LIMITS.timelineEntries })),
  add: Opt(Addition),
});

/** What the built-in time scale was calibrated to: a stream's mean end-to-end lead time under a design. */
const Calibration = Params({ design: Id, stream: Id, leadTimeMean: Quantity, measured: Text(500) });
const Experiment = Params({
  horizon: Quantity,
  warmup: QuantityOrAuto,
  replications: Type.Integer({ minimum: 1, maximum: 100_000 }),
  seed: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: SEED_HINT }),
  baseline: Id,
  calibration: Opt(Type.Array(Calibration, { maxItems: LIMITS.streams })),
});

export const ScenarioSchema = Closed({
  stroom: Type.Literal(1),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  description: Opt(Text(20_000)),
  extends: Opt(Type.String({ minLength: 1, maxLength: 1000 })),
  organisation: Organisation,
  behaviour: Behaviour,
  designs: Type.Record(Type.String({ pattern: ID_PATTERN }), Design, {
    additionalProperties: false,
    minProperties: 1,
    maxProperties: LIMITS.designs,
    description: `design names are ids (${ID_HINT})`,
  }),
  experiment: Experiment,
});

export type RawScenario = Static<typeof ScenarioSchema>;
export type RawOrganisation = Static<typeof Organisation>;
export type RawBehaviour = Static<typeof Behaviour>;
export type RawDistribution = Static<typeof DistributionUnion>;
export type RawPolicies = Static<typeof PolicyOverrides>;
export type RawPerson = Static<typeof Person>;
export type RawGroup = Static<typeof Group>;
export type RawMeeting = Static<typeof Meeting>;
export type RawAbsence = Static<typeof Absence>;
export type RawDesign = Static<typeof Design>;
export type RawTimelineEntry = Static<typeof TimelineEntry>;
export type RawScope = Static<typeof Scope>;
export type RawPersonBehaviour = Static<typeof PersonBehaviour>;
export type RawExperiment = Static<typeof Experiment>;
