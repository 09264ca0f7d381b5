// Checks a ModelSpec before anything runs: references resolve, numbers are in range,
// the structure can carry work. Each problem names its path in the model and what
// would be valid; all problems are reported at once.

import { makeDistribution, type DistributionSpec } from '../random/index.js';
import { scheduleIssues } from './load-schedule.js';
import {
  EXTERNAL_PARTIES, type ModelSpec, PERSON_BEHAVIOUR_FIELDS, POLICY_FIELD_KINDS, type PolicyScope, PROCESS_KINDS, SCOPABLE_POLICY_FIELDS, WEEK_HOURS,
} from './spec.js';

export interface ModelIssue {
  path: string;
  message: string;
}

export class ModelError extends Error {
  readonly issues: ModelIssue[];
  constructor(issues: ModelIssue[]) {
    super(`invalid model:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'ModelError';
    this.issues = issues;
  }
}

const checked = new WeakSet<ModelSpec>();

export function validateModel(m: ModelSpec): void {
  if (checked.has(m)) return; // specs are immutable: check each once
  const issues: ModelIssue[] = [];
  const bad = (path: string, message: string) => issues.push({ path, message });
  const prob = (path: string, x: number) => {
    if (!(x >= 0 && x <= 1)) bad(path, `must be a probability in [0, 1], got ${x}`);
  };
  const nonneg = (path: string, x: number) => {
    if (!(x >= 0) || !Number.isFinite(x)) bad(path, `must be a finite number >= 0, got ${x}`);
  };
  const dist = (path: string, d: DistributionSpec) => {
    try {
      makeDistribution(d);
    } catch (e) {
      bad(path, (e as Error).message);
    }
  };
  const unique = (what: string, ids: string[]) => {
    const seen = new Set<string>();
    ids.forEach((id, i) => {
      if (seen.has(id)) bad(`${what}[${i}].id`, `duplicate id "${id}"`);
      seen.add(id);
    });
    return seen;
  };

  const teams = unique('teams', m.teams.map((t) => t.id));
  const streams = unique('streams', m.streams.map((s) => s.id));
  const persons = unique('persons', m.persons.map((p) => p.id));
  const types = unique('questionTypes', m.questionTypes.map((q) => q.id));
  if (m.teams.length === 0) bad('teams', 'at least one team is needed');
  if (m.streams.length === 0) bad('streams', 'at least one value stream is needed');
  if (m.questionTypes.length === 0) bad('questionTypes', 'at least one question type is needed');
  const operated = new Set<string>();

  m.persons.forEach((p, i) => {
    const at = `persons[${i}]`;
    if (!(p.hoursPerWeek > 0 && p.hoursPerWeek <= WEEK_HOURS)) bad(`${at}.hoursPerWeek`, `must be in (0, ${WEEK_HOURS}], got ${p.hoursPerWeek}`);
    if (p.roles.length === 0) bad(`${at}.roles`, 'a person needs at least one role');
    p.roles.forEach((r, j) => {
      const rat = `${at}.roles[${j}]`;
      if ((r.role === 'operator' || r.role === 'lineCoordinator' || r.role === 'coach') && !teams.has(r.team)) bad(`${rat}.team`, `unknown team "${r.team}"; teams: ${[...teams].join(', ')}`);
      if (r.role === 'operator') operated.add(r.team);
      if (r.role === 'processCoordinator' && !streams.has(r.stream)) bad(`${rat}.stream`, `unknown stream "${r.stream}"; streams: ${[...streams].join(', ')}`);
      if (r.role === 'manager') {
        if (r.team !== undefined && !teams.has(r.team)) bad(`${rat}.team`, `unknown team "${r.team}"`);
        if (r.stream !== undefined && !streams.has(r.stream)) bad(`${rat}.stream`, `unknown stream "${r.stream}"`);
      }
    });
    p.absences.forEach((a, j) => {
      if (!(a.from >= 0 && a.to > a.from)) bad(`${at}.absences[${j}]`, `needs 0 <= from < to, got from=${a.from}, to=${a.to}`);
    });
  });

  const suppliers = unique('suppliers', (m.suppliers ?? []).map((x) => x.id));
  (m.suppliers ?? []).forEach((x, i) => {
    if (!(Number.isInteger(x.capacity) && x.capacity >= 1)) bad(`suppliers[${i}].capacity`, `must be a whole number of cases >= 1, got ${x.capacity}`);
    dist(`suppliers[${i}].contractResponse`, x.contractResponse);
  });
  if (m.processKinds !== undefined) {
    for (const key of ['changeAgreement', 'improveQuestionType'] as const) {
      const v = m.processKinds[key];
      if (v !== undefined && !types.has(v)) bad(`processKinds.${key}`, `unknown question type "${v}"; question types: ${[...types].join(', ')}`);
    }
  }

  m.streams.forEach((s, i) => {
    const at = `streams[${i}]`;
    if (!(s.arrivalRate > 0) || !Number.isFinite(s.arrivalRate)) bad(`${at}.arrivalRate`, `must be a finite rate > 0 per hour, got ${s.arrivalRate}`);
    if (!(s.dueIn > 0)) bad(`${at}.dueIn`, `must be > 0 hours, got ${s.dueIn}`);
    prob(`${at}.urgentShare`, s.urgentShare);
    const mix = PROCESS_KINDS.map((k) => s.processMix[k] ?? 0);
    if (mix.some((x) => !(x >= 0)) || mix.reduce((a, b) => a + b, 0) <= 0) bad(`${at}.processMix`, `weights of ${PROCESS_KINDS.join('/')} must be >= 0 and not all zero`);
    if (s.steps.length === 0) bad(`${at}.steps`, 'a value stream needs at least one step');
    s.steps.forEach((st, j) => {
      if (st.supplier !== undefined && !suppliers.has(st.supplier)) bad(`${at}.steps[${j}].supplier`, `unknown supplier "${st.supplier}"; suppliers: ${[...suppliers].join(', ') || '(none)'}`);
      if (!teams.has(st.team)) bad(`${at}.steps[${j}].team`, `unknown team "${st.team}"; teams: ${[...teams].join(', ')}`);
      else if (st.supplier === undefined && !operated.has(st.team)) bad(`${at}.steps[${j}].team`, `team "${st.team}" has no operators to do this step`);
      dist(`${at}.steps[${j}].service`, st.service);
      if (!(st.questionsPerCase >= 0 && st.questionsPerCase <= 50)) bad(`${at}.steps[${j}].questionsPerCase`, `must be in [0, 50], got ${st.questionsPerCase}`);
      (st.externalWaits ?? []).forEach((x, k) => {
        const xAt = `${at}.steps[${j}].externalWaits[${k}]`;
        if (!(EXTERNAL_PARTIES as readonly string[]).includes(x.party)) bad(`${xAt}.party`, `must be one of ${EXTERNAL_PARTIES.join(', ')}, got "${String(x.party)}"`);
        prob(`${xAt}.probability`, x.probability);
        dist(`${xAt}.duration`, x.duration);
      });
    });
  });

  m.questionTypes.forEach((q, i) => {
    if (!(q.weight > 0)) bad(`questionTypes[${i}].weight`, `must be > 0, got ${q.weight}`);
    if (!['line', 'process', 'design'].includes(q.scope)) bad(`questionTypes[${i}].scope`, `must be line, process or design, got "${q.scope}"`);
    dist(`questionTypes[${i}].answerEffort`, q.answerEffort);
  });

  m.agreements.forEach((a, i) => {
    if (!types.has(a.questionType)) bad(`agreements[${i}].questionType`, `unknown question type "${a.questionType}"`);
    if (a.stream !== undefined && !streams.has(a.stream)) bad(`agreements[${i}].stream`, `unknown stream "${a.stream}"`);
    prob(`agreements[${i}].explicit`, a.explicit);
    prob(`agreements[${i}].tacit`, a.tacit);
  });

  m.meetings.forEach((mt, i) => {
    const at = `meetings[${i}]`;
    if (!(mt.duration > 0)) bad(`${at}.duration`, `must be > 0 hours, got ${mt.duration}`);
    if (!(mt.cadence >= mt.duration)) bad(`${at}.cadence`, `must be at least the duration (${mt.duration} h), got ${mt.cadence}`);
    nonneg(`${at}.offset`, mt.offset);
    mt.participants.forEach((p, j) => {
      if (!persons.has(p)) bad(`${at}.participants[${j}]`, `unknown person "${p}"`);
    });
    mt.streams.forEach((s, j) => {
      if (!streams.has(s)) bad(`${at}.streams[${j}]`, `unknown stream "${s}"`);
    });
  });

  const b = m.behaviour;
  for (const key of [
    'signalPropensity', 'improviseTendency', 'improvisationReworkRisk', 'compensationPropensity', 'signalLearningRate', 'untracedVisibility',
    'coordinatorReach', 'designCoverageGain', 'agreementDecay', 'handoverMismatch', 'informalPassOn', 'contestTendency',
  ] as const) {
    prob(`behaviour.${key}`, b[key]);
  }
  for (const key of [
    'improvisationEffort', 'recognitionGain', 'signalAnswerWindow', 'designLeadTime', 'meetingAgreementValidity', 'fallbackDelay', 'informalReachLimit',
    'meetingSpawnThreshold', 'turnoverPerYear', 'newcomerPeriod', 'overtimeThreshold', 'overtimeMax', 'absenceRatePerYear', 'absenceMeanHours',
  ] as const) {
    nonneg(`behaviour.${key}`, b[key]);
  }
  if (!(Number.isInteger(b.designSignalThreshold) && b.designSignalThreshold >= 1)) bad('behaviour.designSignalThreshold', `must be a whole number >= 1, got ${b.designSignalThreshold}`);
  if (!(Number.isInteger(b.meetingQuietWeeks) && b.meetingQuietWeeks >= 1)) bad('behaviour.meetingQuietWeeks', `must be a whole number of weeks >= 1, got ${b.meetingQuietWeeks}`);
  if (!(b.mtItemHours > 0)) bad('behaviour.mtItemHours', `must be > 0 hours, got ${b.mtItemHours}`);
  if (!(b.spawnedMeetingDuration > 0)) bad('behaviour.spawnedMeetingDuration', `must be > 0 hours, got ${b.spawnedMeetingDuration}`);
  if (!(b.spawnedMeetingCadence >= b.spawnedMeetingDuration)) bad('behaviour.spawnedMeetingCadence', `must be at least spawnedMeetingDuration (${b.spawnedMeetingDuration} h), got ${b.spawnedMeetingCadence}`);
  if (!(b.keyPersonRegrowth > 0)) bad('behaviour.keyPersonRegrowth', `must be > 0 hours, got ${b.keyPersonRegrowth}`);
  dist('behaviour.compensationEffort', b.compensationEffort);
  dist('behaviour.coordinationEffort', b.coordinationEffort);
  dist('behaviour.designEffort', b.designEffort);
  if (!m.definitions || typeof m.definitions !== 'object') bad('definitions', 'expected { separate, shared }: starting coverage of shared handover definitions');
  else {
    // Below 1: shared definitions narrow handover mismatches, they never abolish them by decree.
    for (const k of ['separate', 'shared'] as const) {
      const v = m.definitions[k];
      if (!(v >= 0 && v < 1)) bad(`definitions.${k}`, `must be at least 0 and below 1 (a starting coverage, never a decree that handovers cannot fail), got ${v}`);
    }
  }

  const checkPolicies = (at: string, p: Partial<ModelSpec['policies']>) => {
    for (const key of Object.keys(p)) {
      if (!(key in POLICY_FIELD_KINDS)) bad(`${at}.${key}`, `not a design field (designs set structure: ${Object.keys(POLICY_FIELD_KINDS).join(', ')}); behaviour belongs in behaviour`);
    }
    if (p.protectedDesignShare !== undefined) prob(`${at}.protectedDesignShare`, p.protectedDesignShare);
    if (p.supplierInterface !== undefined && p.supplierInterface !== 'contract' && p.supplierInterface !== 'shared') {
      bad(`${at}.supplierInterface`, `must be contract or shared, got "${String(p.supplierInterface)}"`);
    }
    if (p.coaching !== undefined && typeof p.coaching !== 'boolean') bad(`${at}.coaching`, `must be true or false, got ${String(p.coaching)}`);
    if (p.meetingCadenceFactor !== undefined) {
      // 0 cancels the scheduled meetings (never the MT); anything else must leave room between sessions.
      const least = Math.max(0, ...m.meetings.filter((x) => x.kind !== 'mt').map((x) => x.duration / x.cadence));
      if (!(p.meetingCadenceFactor === 0 || p.meetingCadenceFactor >= least)) {
        bad(`${at}.meetingCadenceFactor`, `must be 0 (scheduled meetings cancelled) or at least ${least.toFixed(3)}, so that no meeting runs into its next session; got ${p.meetingCadenceFactor}`);
      }
    }
  };
  checkPolicies('policies', m.policies);
  const checkScope = (at: string, scope: PolicyScope, p: Partial<ModelSpec['policies']>) => {
    scope.streams.forEach((s, j) => {
      if (!streams.has(s)) bad(`${at}.scope.streams[${j}]`, `unknown stream "${s}"; streams: ${[...streams].join(', ')}`);
    });
    scope.teams.forEach((t, j) => {
      if (!teams.has(t)) bad(`${at}.scope.teams[${j}]`, `unknown team "${t}"; teams: ${[...teams].join(', ')}`);
    });
    for (const key of Object.keys(p) as (keyof ModelSpec['policies'])[]) {
      const dim = SCOPABLE_POLICY_FIELDS[key];
      if (dim === undefined) bad(`${at}.policies.${key}`, `cannot be scoped; scopable fields: ${Object.keys(SCOPABLE_POLICY_FIELDS).join(', ')}`);
      else if (scope[dim].length === 0) bad(`${at}.policies.${key}`, `is set per ${dim === 'streams' ? 'stream' : 'team'}: the scope needs ${dim}`);
    }
  };
  (m.pilots ?? []).forEach((pl, i) => {
    checkPolicies(`pilots[${i}].policies`, pl.policies);
    checkScope(`pilots[${i}]`, pl.scope, pl.policies);
  });
  (b.overrides ?? []).forEach((o, i) => {
    const at = `behaviour.overrides[${i}]`;
    nonneg(`${at}.at`, o.at);
    o.persons.forEach((id, j) => {
      if (!persons.has(id)) bad(`${at}.persons[${j}]`, `unknown person "${id}"`);
    });
    for (const [k, v] of Object.entries(o.values)) {
      if (!(PERSON_BEHAVIOUR_FIELDS as readonly string[]).includes(k)) bad(`${at}.values.${k}`, `not a person behaviour field; fields: ${PERSON_BEHAVIOUR_FIELDS.join(', ')}`);
      else if (k === 'recognitionGain' || k === 'informalReachLimit') nonneg(`${at}.values.${k}`, v);
      else prob(`${at}.values.${k}`, v);
    }
  });
  m.timeline.forEach((t, i) => {
    nonneg(`timeline[${i}].at`, t.at);
    checkPolicies(`timeline[${i}].policies`, t.policies);
    if (t.scope !== undefined) checkScope(`timeline[${i}]`, t.scope, t.policies);
    if (t.policies.sharedDefinitions !== undefined) {
      bad(`timeline[${i}].policies.sharedDefinitions`, 'describes the starting definitions only: a transition starts from its design\'s definitions and raises them through design work on handovers');
    }
  });

  for (const [path, message] of scheduleIssues(m.arrivalScale ?? [])) bad(path, message);

  if (issues.length > 0) throw new ModelError(issues);
  checked.add(m);
}
