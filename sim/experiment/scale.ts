// Scale factors: one number that moves many parameters of a resolved model together.
// `arrivals` multiplies every stream's arrival rate, `service` every step's service
// time, `questions` the questions per case of every step, `external` the duration of
// every external wait. A pure transform of a ModelSpec (a new spec, the old one is left
// alone), applied the same way to every design of a scenario: the load and the work
// are the environment, not a design choice. No Node imports.

import type { DistributionSpec } from '../random/distributions.js';
import type { ArrivalScaleChange } from '../model/load-schedule.js';
import type { ModelSpec, StepSpec } from '../model/spec.js';

export const SCALE_NAMES = ['arrivals', 'service', 'questions', 'external'] as const;
export type ScaleName = (typeof SCALE_NAMES)[number];
export type ScaleFactors = Partial<Record<ScaleName, number>>;

/** What each factor multiplies, for help texts and reports. */
export const SCALE_MEANING: Record<ScaleName, string> = {
  arrivals: "every stream's arrival rate",
  service: "every step's service time (its whole distribution)",
  questions: "every step's expected questions per case",
  external: "every external wait's duration (its whole distribution)",
};

/** Prefix of a design point's key that carries a scale factor instead of a scenario path. */
export const SCALE_KEY_PREFIX = 'scale:';
/** Design point key of a load schedule (a list of ArrivalScaleChange). */
export const LOAD_SCHEDULE_KEY = 'load:schedule';

export function isScaleName(x: string): x is ScaleName {
  return (SCALE_NAMES as readonly string[]).includes(x);
}

/** A time distribution with every time multiplied by f (shape and cv unchanged, so the mean scales by f exactly). */
export function scaleDistribution(d: DistributionSpec, f: number): DistributionSpec {
  switch (d.type) {
    case 'exponential':
      return { type: 'exponential', mean: d.mean * f };
    case 'deterministic':
      return { type: 'deterministic', value: d.value * f };
    case 'uniform':
      return { type: 'uniform', min: d.min * f, max: d.max * f };
    case 'triangular':
      return { type: 'triangular', min: d.min * f, mode: d.mode * f, max: d.max * f };
    case 'gamma':
      return { type: 'gamma', shape: d.shape, mean: d.mean * f };
    case 'erlang':
      return { type: 'erlang', k: d.k, mean: d.mean * f };
    case 'lognormal':
      return { type: 'lognormal', mean: d.mean * f, cv: d.cv };
    case 'empirical':
      return { type: 'empirical', values: d.values.map((v) => v * f), ...(d.weights !== undefined ? { weights: [...d.weights] } : {}) };
  }
}

/** Problems with a set of factors, in words (names and values). */
export function scaleIssues(factors: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(factors)) {
    if (!isScaleName(k)) out.push(`unknown scale factor "${k}"; valid: ${SCALE_NAMES.join(', ')}`);
    else if (typeof v !== 'number' || !(v > 0) || !Number.isFinite(v)) out.push(`scale factor ${k} must be a finite number > 0, got ${String(v)}`);
  }
  return out;
}

function scaleStep(step: StepSpec, f: ScaleFactors): StepSpec {
  const out: StepSpec = {
    ...step,
    service: f.service !== undefined ? scaleDistribution(step.service, f.service) : step.service,
    questionsPerCase: f.questions !== undefined ? step.questionsPerCase * f.questions : step.questionsPerCase,
  };
  if (step.externalWaits !== undefined) {
    out.externalWaits = step.externalWaits.map((x) => ({ ...x, duration: f.external !== undefined ? scaleDistribution(x.duration, f.external) : x.duration }));
  }
  return out;
}

/** The spec with the factors applied; factors of 1 (or absent) leave their part as it is. */
export function scaleSpec(spec: ModelSpec, factors: ScaleFactors): ModelSpec {
  const issues = scaleIssues(factors);
  if (issues.length > 0) throw new Error(`scaleSpec: ${issues.join('; ')}`);
  const a = factors.arrivals;
  return {
    ...spec,
    streams: spec.streams.map((s) => ({
      ...s,
      arrivalRate: a !== undefined ? s.arrivalRate * a : s.arrivalRate,
      steps: s.steps.map((st) => scaleStep(st, factors)),
    })),
  };
}

/** The spec with a load schedule (replacing any it had). */
export function withLoadSchedule(spec: ModelSpec, schedule: readonly ArrivalScaleChange[]): ModelSpec {
  return { ...spec, arrivalScale: schedule.map((c) => ({ at: c.at, factor: c.factor })) };
}

/**
 * Splits a design point into scenario paths, scale factors (keys `scale:<name>`) and a
 * load schedule (key `load:schedule`), so that a sweep can mix all three.
 */
export function splitPoint(point: Record<string, unknown>): { paths: Record<string, unknown>; scale: Record<string, unknown>; schedule?: ArrivalScaleChange[] } {
  const paths: Record<string, unknown> = {};
  const scale: Record<string, unknown> = {};
  let schedule: ArrivalScaleChange[] | undefined;
  for (const [k, v] of Object.entries(point)) {
    if (k.startsWith(SCALE_KEY_PREFIX)) scale[k.slice(SCALE_KEY_PREFIX.length)] = v;
    else if (k === LOAD_SCHEDULE_KEY) schedule = v as ArrivalScaleChange[];
    else paths[k] = v;
  }
  return schedule !== undefined ? { paths, scale, schedule } : { paths, scale };
}
