// Builds the organisation part of a ModelSpec from the raw `organisation` section:
// quantities converted, groups expanded into persons, role strings parsed, references
// checked with messages that list what exists. Each person and meeting remembers the
// YAML path it came from, so model-level problems can be reported there.

import type { AgreementSpec, MeetingSpec, PersonSpec, ProcessKindRules, QuestionTypeSpec, RoleSpec, StreamSpec, SupplierSpec, TeamSpec } from '../model/spec.js';
import type { Path } from './paths.js';
import type { Reader } from './reader.js';
import { parseRole, type RoleContext } from './roles.js';
import type { RawAbsence, RawGroup, RawMeeting, RawOrganisation, RawPerson } from './schema.js';

export interface People {
  persons: PersonSpec[];
  /** YAML path of the person or group each person comes from. */
  origins: Path[];
  /** Group id -> the ids of its members. */
  groups: Map<string, string[]>;
}

export interface Meetings {
  meetings: MeetingSpec[];
  origins: Path[];
}

export interface Organisation extends RoleContext {
  teamList: TeamSpec[];
  streamList: StreamSpec[];
  people: People;
  questionTypes: QuestionTypeSpec[];
  agreements: AgreementSpec[];
  definitions: { separate: number; shared: number };
  meetings: Meetings;
  suppliers?: SupplierSpec[];
  processKinds?: ProcessKindRules;
}

/** Without a `definitions` entry: teams share no handover definitions, one service definition covers half. */
export const DEFAULT_DEFINITIONS = { separate: 0, shared: 0.5 } as const;

const listOf = (xs: Iterable<string>) => [...xs].join(', ') || '(none)';

/** Persons a list of named persons and groups expands to, before anything is built. */
export function headcount(persons: readonly RawPerson[] | undefined, groups: readonly RawGroup[] | undefined): number {
  return (persons?.length ?? 0) + (groups ?? []).reduce((n, g) => n + g.count, 0);
}

function roles(raw: readonly string[], at: Path, ctx: RoleContext, reader: Reader): RoleSpec[] {
  const out: RoleSpec[] = [];
  raw.forEach((text, j) => {
    const r = parseRole(text, ctx);
    if ('error' in r) reader.issues.add([...at, 'roles', j], r.error);
    else out.push(r);
  });
  return out;
}

function absences(raw: readonly RawAbsence[] | undefined, at: Path, reader: Reader) {
  return (raw ?? []).map((a, j) => ({ from: reader.time(a.from, [...at, 'absences', j, 'from']), to: reader.time(a.to, [...at, 'absences', j, 'to']) }));
}

export function buildPeople(
  persons: readonly RawPerson[] | undefined,
  groups: readonly RawGroup[] | undefined,
  base: Path,
  ctx: RoleContext,
  reader: Reader,
): People {
  const out: People = { persons: [], origins: [], groups: new Map() };
  (persons ?? []).forEach((p, i) => {
    const at = [...base, 'persons', i];
    out.persons.push({
      id: p.id,
      name: p.name ?? p.id,
      roles: roles(p.roles, at, ctx, reader),
      hoursPerWeek: reader.hoursPerWeek(p.hoursPerWeek, [...at, 'hoursPerWeek']),
      seniority: p.seniority,
      absences: absences(p.absences, at, reader),
      keyPerson: p.keyPerson ?? false,
    });
    out.origins.push(at);
  });
  (groups ?? []).forEach((g, i) => {
    const at = [...base, 'groups', i];
    const keyPersons = g.keyPersons ?? 0;
    if (keyPersons > g.count) reader.issues.add([...at, 'keyPersons'], `must be at most the group's count (${g.count}), got ${keyPersons}`);
    const groupRoles = roles(g.roles, at, ctx, reader);
    const hours = reader.hoursPerWeek(g.hoursPerWeek, [...at, 'hoursPerWeek']);
    const away = absences(g.absences, at, reader);
    const members: string[] = [];
    out.groups.set(g.id, members);
    for (let k = 1; k <= g.count; k++) {
      out.persons.push({
        id: `${g.id}-${k}`,
        name: `${g.name ?? g.id} ${k}`,
        roles: groupRoles,
        hoursPerWeek: hours,
        seniority: g.seniority,
        absences: away,
        keyPerson: k <= keyPersons,
      });
      members.push(`${g.id}-${k}`);
      out.origins.push(at);
    }
  });
  return out;
}

export function buildMeetings(raw: readonly RawMeeting[] | undefined, base: Path, streams: ReadonlySet<string>, reader: Reader): Meetings {
  const out: Meetings = { meetings: [], origins: [] };
  (raw ?? []).forEach((m, i) => {
    const at = [...base, 'meetings', i];
    (m.streams ?? []).forEach((s, j) => {
      if (!streams.has(s)) reader.issues.add([...at, 'streams', j], `unknown stream "${s}"; streams: ${listOf(streams)}`);
    });
    out.meetings.push({
      id: m.id,
      name: m.name ?? m.id,
      kind: m.kind,
      participants: [...(m.participants ?? [])],
      streams: [...(m.streams ?? [])],
      cadence: reader.time(m.cadence, [...at, 'cadence']),
      offset: reader.time(m.offset, [...at, 'offset']),
      duration: reader.time(m.duration, [...at, 'duration']),
    });
    out.origins.push(at);
  });
  return out;
}

export function buildOrganisation(raw: RawOrganisation, reader: Reader): Organisation {
  const base: Path = ['organisation'];
  const teams = new Set(raw.teams.map((t) => t.id));
  const streams = new Set(raw.streams.map((s) => s.id));
  const ctx: RoleContext = { teams, streams };
  const supplierIds = new Set((raw.suppliers ?? []).map((x) => x.id));

  const streamList: StreamSpec[] = raw.streams.map((s, i) => {
    const at = [...base, 'streams', i];
    const { source: _s, assumption: _a, provenance: _p, ...mix } = s.processMix;
    return {
      id: s.id,
      name: s.name ?? s.id,
      arrivalRate: reader.rate(s.arrivals, [...at, 'arrivals']),
      processMix: mix,
      dueIn: reader.time(s.dueIn, [...at, 'dueIn']),
      urgentShare: s.urgentShare,
      steps: s.steps.map((st, j) => {
        const step: StreamSpec['steps'][number] = {
          team: st.team,
          service: reader.distribution(st.service, [...at, 'steps', j, 'service']),
          questionsPerCase: st.questionsPerCase,
        };
        if (st.supplier !== undefined) {
          if (!supplierIds.has(st.supplier)) reader.issues.add([...at, 'steps', j, 'supplier'], `unknown supplier "${st.supplier}"; suppliers: ${listOf(supplierIds)}`);
          step.supplier = st.supplier;
        }
        if (st.externalWaits && st.externalWaits.length > 0) {
          step.externalWaits = st.externalWaits.map((x, k) => ({
            party: x.party,
            probability: x.probability,
            duration: reader.distribution(x.duration, [...at, 'steps', j, 'externalWaits', k, 'duration']),
          }));
        }
        return step;
      }),
    };
  });

  const types = new Set(raw.questionTypes.map((q) => q.id));
  const questionTypes: QuestionTypeSpec[] = raw.questionTypes.map((q, i) => ({
    id: q.id,
    name: q.name ?? q.id,
    scope: q.scope,
    weight: q.weight,
    answerEffort: reader.distribution(q.answerEffort, [...base, 'questionTypes', i, 'answerEffort']),
  }));

  const agreements: AgreementSpec[] = (raw.agreements ?? []).map((a, i) => {
    const at = [...base, 'agreements', i];
    if (!types.has(a.questionType)) reader.issues.add([...at, 'questionType'], `unknown question type "${a.questionType}"; question types: ${listOf(types)}`);
    if (a.stream !== undefined && !streams.has(a.stream)) reader.issues.add([...at, 'stream'], `unknown stream "${a.stream}"; streams: ${listOf(streams)}`);
    const out: AgreementSpec = { questionType: a.questionType, explicit: a.explicit, tacit: a.tacit };
    if (a.stream !== undefined) out.stream = a.stream;
    return out;
  });

  const suppliers: SupplierSpec[] | undefined = raw.suppliers?.map((x, i) => ({
    id: x.id,
    name: x.name ?? x.id,
    capacity: x.capacity,
    contractResponse: reader.distribution(x.contractResponse, [...base, 'suppliers', i, 'contractResponse']),
  }));
  let processKinds: ProcessKindRules | undefined;
  if (raw.processKinds !== undefined) {
    const pk = raw.processKinds;
    processKinds = { recoverFirst: pk.recoverFirst ?? false };
    for (const key of ['changeAgreement', 'improveQuestionType'] as const) {
      const v = pk[key];
      if (v === undefined) continue;
      if (!types.has(v)) reader.issues.add([...base, 'processKinds', key], `unknown question type "${v}"; question types: ${listOf(types)}`);
      processKinds[key] = v;
    }
  }

  return {
    ...(suppliers === undefined ? {} : { suppliers }),
    ...(processKinds === undefined ? {} : { processKinds }),
    teams,
    streams,
    teamList: raw.teams.map((t) => ({ id: t.id, name: t.name ?? t.id })),
    streamList,
    people: buildPeople(raw.persons, raw.groups, base, ctx, reader),
    questionTypes,
    agreements,
    definitions: raw.definitions ? { separate: raw.definitions.separate, shared: raw.definitions.shared } : { ...DEFAULT_DEFINITIONS },
    meetings: buildMeetings(raw.meetings, base, streams, reader),
  };
}
