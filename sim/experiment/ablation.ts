// Ablation between two designs: which of the policy fields that separate them moves
// which outcome. From the design `from`, each differing field is changed alone to its
// value in `to` ("add"); from `to`, each is changed alone back to its value in `from`
// ("remove"). Every variant runs on the same seeds and replication indices as the two
// designs, so each field's effect is a paired difference on common random numbers.
//
// The fields are found, not listed: they are exactly the keys of the two resolved
// policy sets whose values differ, so the ablation keeps working as the model gains or
// loses policies. A variant is its base design plus a design point that sets one
// policy in the scenario document (designs.<id>.policies.<field>), so tasks stay plain
// data that any worker, thread or remote, turns back into a model. That sets the
// design's starting policies only: a timeline entry that sets the same field later
// still overrides it from its time on (see `timelineNotes`).

import { compareDesigns, type MetricComparison } from './compare.js';
import { formatPath } from './paths.js';
import { replicationTasks, toRecords, type ReplicationRecord } from './replications.js';
import type { Executor, RunTask, TaskBase } from './types.js';

/** The parts of a resolved design the ablation reads (a ModelSpec has them all). */
export interface AblationDesign {
  policies: Readonly<Record<string, unknown>>;
  timeline?: readonly { at: number; label?: string; policies: Readonly<Record<string, unknown>> }[];
  [part: string]: unknown;
}

export type AblationDirection = 'add' | 'remove';

/** One run configuration of the ablation. */
export interface AblationVariant {
  /** Unique label: the design id, `<from>+<field>` or `<to>-<field>`. */
  label: string;
  /** The scenario design the variant starts from. */
  design: string;
  /** Scenario path → value; absent for the two designs themselves. */
  point?: Record<string, unknown>;
  field?: string;
  direction?: AblationDirection;
}

export interface AblationField {
  field: string;
  /** The field's value in the `from` design and in the `to` design. */
  fromValue: unknown;
  toValue: unknown;
}

export interface AblationPlan {
  from: string;
  to: string;
  fields: AblationField[];
  /** from, to, then per field its add and remove variant: 2k + 2 in all. */
  variants: AblationVariant[];
  /** What differs between the designs besides their starting policies, and timeline caveats. */
  notes: string[];
}

/** Where a design's starting policy lives in a scenario document. */
export type PolicyPath = (design: string, field: string) => string;
export const scenarioPolicyPath: PolicyPath = (design, field) => formatPath(['designs', design, 'policies', field]);

/** Structural equality of plain data (the JSON-like values a spec is made of). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    if (!ArrayBuffer.isView(a) || !ArrayBuffer.isView(b)) return false;
    return deepEqual(Array.from(a as unknown as ArrayLike<number>), Array.from(b as unknown as ArrayLike<number>));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** Keys of both policy sets whose values differ, in the order `from` lists them, then `to`'s extra keys. */
export function differingPolicies(from: AblationDesign, to: AblationDesign): AblationField[] {
  const keys = [...new Set([...Object.keys(from.policies), ...Object.keys(to.policies)])];
  return keys
    .filter((k) => !deepEqual(from.policies[k], to.policies[k]))
    .map((field) => ({ field, fromValue: from.policies[field], toValue: to.policies[field] }));
}

function ids(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  return list.map((x) => (x && typeof x === 'object' && typeof (x as { id?: unknown }).id === 'string' ? (x as { id: string }).id : JSON.stringify(x)));
}

/** What an id list of `b` has that `a` lacks, and vice versa, in words. */
function listDifference(part: string, a: unknown, b: unknown, aId: string, bId: string): string {
  const ia = new Set(ids(a));
  const ib = new Set(ids(b));
  const onlyB = [...ib].filter((x) => !ia.has(x));
  const onlyA = [...ia].filter((x) => !ib.has(x));
  const bits: string[] = [];
  if (onlyB.length > 0) bits.push(`${bId} has ${onlyB.join(', ')}`);
  if (onlyA.length > 0) bits.push(`${aId} has ${onlyA.join(', ')}`);
  if (bits.length === 0) bits.push('same ids, different settings');
  return `${part} (${bits.join('; ')})`;
}

/**
 * Notes on everything the ablation does not vary field by field: any part of the
 * two specs other than their name and starting policies (timeline, added persons
 * and meetings, ...), and timeline entries that later set an ablated field.
 */
export function ablationNotes(fromId: string, toId: string, from: AblationDesign, to: AblationDesign, fields: readonly AblationField[]): string[] {
  const notes: string[] = [];
  const parts = [...new Set([...Object.keys(from), ...Object.keys(to)])].filter((k) => k !== 'name' && k !== 'policies');
  const differ: string[] = [];
  for (const part of parts) {
    if (deepEqual(from[part], to[part])) continue;
    if (part === 'timeline') differ.push(`timeline (${fromId}: ${from.timeline?.length ?? 0} entries, ${toId}: ${to.timeline?.length ?? 0})`);
    else if (Array.isArray(from[part]) || Array.isArray(to[part])) differ.push(listDifference(part, from[part], to[part], fromId, toId));
    else differ.push(part);
  }
  if (differ.length > 0) {
    notes.push(`${fromId} and ${toId} also differ in ${differ.join(', ')}; these are not ablated field by field: every variant keeps the structure and timeline of the design it starts from.`);
  }
  const ablated = new Set(fields.map((f) => f.field));
  for (const [id, d] of [[fromId, from], [toId, to]] as const) {
    for (const e of d.timeline ?? []) {
      const hit = Object.keys(e.policies).filter((k) => ablated.has(k));
      if (hit.length === 0) continue;
      const when = `week ${Math.round((e.at / 40) * 100) / 100}`;
      notes.push(`${id}'s timeline sets ${hit.join(', ')} at ${when}${e.label ? ` ("${e.label}")` : ''}: the ablation changes starting policies only, so from then on the timeline's value applies in ${id}'s variants too.`);
    }
  }
  return notes;
}

/** The 2k + 2 variants for designs that differ in k policy fields. */
export function ablationPlan(fromId: string, toId: string, from: AblationDesign, to: AblationDesign, path: PolicyPath = scenarioPolicyPath): AblationPlan {
  if (fromId === toId) throw new Error(`ablation: from and to are the same design "${fromId}"`);
  const fields = differingPolicies(from, to);
  const variants: AblationVariant[] = [{ label: fromId, design: fromId }, { label: toId, design: toId }];
  for (const f of fields) {
    if (f.fromValue === undefined || f.toValue === undefined) {
      throw new Error(`ablation: policy "${f.field}" is set in only one of ${fromId} and ${toId}; there is no value to change it to`);
    }
    variants.push({ label: `${fromId}+${f.field}`, design: fromId, point: { [path(fromId, f.field)]: f.toValue }, field: f.field, direction: 'add' });
    variants.push({ label: `${toId}-${f.field}`, design: toId, point: { [path(toId, f.field)]: f.fromValue }, field: f.field, direction: 'remove' });
  }
  const labels = new Set(variants.map((v) => v.label));
  if (labels.size !== variants.length) throw new Error(`ablation: variant labels collide (${variants.map((v) => v.label).join(', ')})`);
  return { from: fromId, to: toId, fields, variants, notes: ablationNotes(fromId, toId, from, to, fields) };
}

/** Every variant × the same replications, variant-major: the pairing is by construction. */
export function ablationTasks(base: Omit<TaskBase, 'point'>, plan: AblationPlan, reps: number | readonly number[]): RunTask[] {
  return plan.variants.flatMap((v) => replicationTasks(v.point ? { ...base, point: v.point } : { ...base }, [v.design], reps));
}

/** One field's effect on one metric, in one direction. */
export interface AblationEffect extends MetricComparison {
  metric: string;
  field: string;
  direction: AblationDirection;
  fromValue: unknown;
  toValue: unknown;
}

export interface AblationResult {
  plan: AblationPlan;
  /** One record per variant and replication, `design` set to the variant's label. */
  records: ReplicationRecord[];
  /** Per metric (in the order asked), per field, add then remove. */
  effects: AblationEffect[];
  /** metric → the whole difference to − from. */
  total: Record<string, MetricComparison>;
}

/**
 * Both directions measure the same change, the field going from its `from` value to
 * its `to` value, in two settings: "add" is (from with the field) − from, "remove"
 * is to − (to with the field reverted). Equal effects mean the field acts alone;
 * different ones mean it interacts with the other fields.
 */
export function analyseAblation(plan: AblationPlan, records: readonly ReplicationRecord[], metrics: readonly string[], level = 0.95): AblationResult {
  const effects: AblationEffect[] = [];
  const total: Record<string, MetricComparison> = {};
  const totalAll = compareDesigns(records, plan.from, plan.to, level);
  const perField = plan.fields.map((f) => ({
    f,
    add: compareDesigns(records, plan.from, `${plan.from}+${f.field}`, level),
    remove: compareDesigns(records, `${plan.to}-${f.field}`, plan.to, level),
  }));
  for (const metric of metrics) {
    const t = totalAll[metric];
    if (t) total[metric] = t;
    for (const { f, add, remove } of perField) {
      for (const [direction, c] of [['add', add[metric]], ['remove', remove[metric]]] as const) {
        if (c) effects.push({ ...c, metric, field: f.field, direction, fromValue: f.fromValue, toValue: f.toValue });
      }
    }
  }
  return { plan, records: [...records], effects, total };
}

/** Runs the whole plan as one batch (every worker stays busy) and analyses it. */
export async function runAblation(
  executor: Executor,
  base: Omit<TaskBase, 'point'>,
  plan: AblationPlan,
  reps: number | readonly number[],
  metrics: readonly string[],
  onProgress?: (done: number, total: number) => void,
): Promise<AblationResult> {
  const tasks = ablationTasks(base, plan, reps);
  const results = await executor.run(tasks, onProgress);
  // Relabel by variant and drop the point, so records of every variant pair by (seed,
  // replication); weekly series are not used here and would only hold memory.
  const perVariant = tasks.length / plan.variants.length;
  const records = toRecords(tasks, results).map((r, i) => {
    const { point: _point, series: _series, ...rest } = r;
    return { ...rest, design: plan.variants[Math.floor(i / perVariant)]!.label };
  });
  return analyseAblation(plan, records, metrics);
}
