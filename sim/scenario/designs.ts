// One ModelSpec per design: the shared organisation and behaviour, the preset's
// policies with the design's overrides, its timeline, and whatever structure the
// design adds. Remembers where each part came from, for mapping model issues back.

import { PRESETS } from '../model/presets.js';
import type { BehaviourSpec, ModelSpec, PilotSpec, Policies, TimelineEntry } from '../model/spec.js';
import { buildMeetings, buildPeople, type Organisation } from './organisation.js';
import type { Path } from './paths.js';
import type { Reader } from './reader.js';
import { behaviourFor } from './person-overrides.js';
import type { RawBehaviour, RawDesign, RawPolicies } from './schema.js';
import { buildScope, checkScopedPolicies } from './scope.js';

export interface BuiltDesign {
  spec: ModelSpec;
  /** Where each model part came from, for model-issues.ts. */
  origins: DesignOrigins;
}

export interface DesignOrigins {
  design: Path;
  persons: Path[];
  meetings: Path[];
  /** Policy fields the design sets itself (the rest come from its preset). */
  overridden: ReadonlySet<string>;
}

export function buildBehaviour(b: RawBehaviour, reader: Reader): BehaviourSpec {
  const at = (k: string): Path => ['behaviour', k];
  return {
    signalPropensity: b.signalPropensity,
    improviseTendency: b.improviseTendency,
    improvisationEffort: b.improvisationEffort,
    improvisationReworkRisk: b.improvisationReworkRisk,
    compensationPropensity: b.compensationPropensity,
    recognitionGain: b.recognitionGain,
    signalLearningRate: b.signalLearningRate,
    signalAnswerWindow: reader.time(b.signalAnswerWindow, at('signalAnswerWindow')),
    untracedVisibility: b.untracedVisibility,
    coordinatorReach: b.coordinatorReach,
    compensationEffort: reader.distribution(b.compensationEffort, at('compensationEffort')),
    coordinationEffort: reader.distribution(b.coordinationEffort, at('coordinationEffort')),
    designSignalThreshold: b.designSignalThreshold,
    designEffort: reader.distribution(b.designEffort, at('designEffort')),
    designLeadTime: reader.time(b.designLeadTime, at('designLeadTime')),
    designCoverageGain: b.designCoverageGain,
    agreementDecay: b.agreementDecay,
    meetingAgreementValidity: reader.time(b.meetingAgreementValidity, at('meetingAgreementValidity')),
    fallbackDelay: reader.time(b.fallbackDelay, at('fallbackDelay')),
    handoverMismatch: b.handoverMismatch,
    contestTendency: b.contestTendency,
    informalPassOn: b.informalPassOn,
    informalReachLimit: b.informalReachLimit,
    meetingSpawnThreshold: b.meetingSpawnThreshold,
    spawnedMeetingCadence: reader.time(b.spawnedMeetingCadence, at('spawnedMeetingCadence')),
    spawnedMeetingDuration: reader.time(b.spawnedMeetingDuration, at('spawnedMeetingDuration')),
    meetingQuietWeeks: b.meetingQuietWeeks,
    turnoverPerYear: b.turnoverPerYear,
    newcomerPeriod: reader.time(b.newcomerPeriod, at('newcomerPeriod')),
    keyPersonRegrowth: reader.time(b.keyPersonRegrowth, at('keyPersonRegrowth')),
    overtimeThreshold: reader.time(b.overtimeThreshold, at('overtimeThreshold')),
    overtimeMax: reader.hoursPerWeek(b.overtimeMax, at('overtimeMax')),
    absenceRatePerYear: b.absenceRatePerYear,
    absenceMeanHours: reader.time(b.absenceMeanHours, at('absenceMeanHours')),
    mtItemHours: reader.time(b.mtItemHours, at('mtItemHours')),
  };
}

export function buildPolicies(raw: RawPolicies | undefined, at: Path, reader: Reader): Partial<Policies> {
  const out: Partial<Policies> = {};
  if (!raw) return out;
  if (raw.dominance !== undefined) out.dominance = raw.dominance;
  if (raw.processCoordinator !== undefined) out.processCoordinator = raw.processCoordinator;
  if (raw.managerIsLineCoordinator !== undefined) out.managerIsLineCoordinator = raw.managerIsLineCoordinator;
  if (raw.protectedDesignShare !== undefined) out.protectedDesignShare = raw.protectedDesignShare;
  if (raw.sharedDefinitions !== undefined) out.sharedDefinitions = raw.sharedDefinitions;
  if (raw.mtAgenda !== undefined) out.mtAgenda = raw.mtAgenda;
  if (raw.meetingCadenceFactor !== undefined) out.meetingCadenceFactor = raw.meetingCadenceFactor;
  if (raw.supplierInterface !== undefined) out.supplierInterface = raw.supplierInterface;
  if (raw.coaching !== undefined) out.coaching = raw.coaching;
  void reader;
  void at;
  return out;
}

export function buildDesign(
  scenarioName: string,
  id: string,
  raw: RawDesign,
  org: Organisation,
  behaviour: BehaviourSpec,
  rawBehaviour: RawBehaviour,
  reader: Reader,
): BuiltDesign {
  const at: Path = ['designs', id];
  const preset = PRESETS[raw.preset];
  if (!preset) throw new Error(`preset "${raw.preset}" passed the schema but is not in PRESETS`);
  const overrides = buildPolicies(raw.policies, [...at, 'policies'], reader);
  const policies: Policies = { ...preset, ...overrides };

  const ctx = { teams: org.teams, streams: org.streams };
  const timeline: TimelineEntry[] = (raw.timeline ?? []).map((e, i) => {
    const eAt = [...at, 'timeline', i];
    const entry: TimelineEntry = {
      at: reader.time(e.at, [...eAt, 'at']),
      label: e.label,
      policies: buildPolicies(e.policies, [...eAt, 'policies'], reader),
    };
    if (e.scope !== undefined) {
      entry.scope = buildScope(e.scope, [...eAt, 'scope'], ctx, reader);
      checkScopedPolicies(entry.policies, entry.scope, [...eAt, 'policies'], reader);
    }
    return entry;
  });
  const pilots: PilotSpec[] = (raw.pilots ?? []).map((p, i) => {
    const pAt = [...at, 'pilots', i];
    const scope = buildScope(p.scope, [...pAt, 'scope'], ctx, reader);
    const pol = buildPolicies(p.policies, [...pAt, 'policies'], reader);
    checkScopedPolicies(pol, scope, [...pAt, 'policies'], reader);
    return { label: p.label ?? `pilot ${i + 1}`, scope, policies: pol };
  });

  const added = buildPeople(raw.add?.persons, raw.add?.groups, [...at, 'add'], ctx, reader);
  const addedMeetings = buildMeetings(raw.add?.meetings, [...at, 'add'], org.streams, reader);
  const persons = [...org.people.persons, ...added.persons];
  const meetings = [...org.meetings.meetings, ...addedMeetings.meetings];
  const origins: DesignOrigins = {
    design: at,
    persons: [...org.people.origins, ...added.origins],
    meetings: [...org.meetings.origins, ...addedMeetings.origins],
    overridden: new Set(Object.keys(overrides)),
  };

  // References the model validator does not check, or checks without listing what exists.
  const personIds = new Set(persons.map((p) => p.id));
  const groups = new Map([...org.people.groups, ...added.groups]);
  const designBehaviour = behaviourFor(behaviour, rawBehaviour, { persons: personIds, groups }, reader);
  const meetingIds = new Set<string>();
  meetings.forEach((m, i) => {
    const mAt = origins.meetings[i]!;
    if (meetingIds.has(m.id)) reader.issues.add([...mAt, 'id'], `duplicate meeting id "${m.id}"`);
    meetingIds.add(m.id);
    m.participants.forEach((p, j) => {
      const pAt = [...mAt, 'participants', j];
      // Organisation meetings are checked once per design: report the first time only.
      if (!personIds.has(p) && !reader.issues.covers(pAt)) reader.issues.add(pAt, `unknown person "${p}"; ${personHint(personIds)}`);
    });
  });

  const spec: ModelSpec = {
    name: `${scenarioName}/${id}`,
    teams: org.teamList,
    persons,
    streams: org.streamList,
    questionTypes: org.questionTypes,
    agreements: org.agreements,
    meetings,
    definitions: org.definitions,
    behaviour: designBehaviour,
    policies,
    timeline,
  };
  if (pilots.length > 0) spec.pilots = pilots;
  if (org.suppliers !== undefined) spec.suppliers = org.suppliers;
  if (org.processKinds !== undefined) spec.processKinds = org.processKinds;
  return { spec, origins };
}

function personHint(ids: ReadonlySet<string>): string {
  const all = [...ids];
  if (all.length === 0) return 'there are no persons';
  const shown = all.slice(0, 12).join(', ');
  return `persons: ${shown}${all.length > 12 ? `, ... (${all.length} in all; group members are <group>-1 .. <group>-<count>)` : ''}`;
}
