// Weekly series per value stream, team, role and person: recorded only when a run asks
// for them (SimulateOptions.weekly), so ordinary runs pay nothing. Storage is typed
// arrays sized once by the number of weeks of the run; a week's row is written when
// the week closes (Metrics.closeWeek).
//
// Person fields are generic: every time category the model accounts (person.ts,
// CATEGORY_NAMES) plus overtime, in hours. A new per-person quantity (a strain index,
// say) is one more entry in PERSON_WEEK_FIELDS and one more line in `samplePerson`;
// role rows are sums over the persons of the role class, so they follow by themselves.

import { CATEGORY_NAMES, N_CATEGORIES, type PersonState } from './person.js';
import { WEEK_HOURS } from './spec.js';
import type { World } from './world.js';

/** What each person records per week [h]. */
export const PERSON_WEEK_FIELDS = [...CATEGORY_NAMES.map((c) => `hours_${c}`), 'hours_overtime'] as const;
const N_FIELDS = PERSON_WEEK_FIELDS.length;
const F_OVERTIME = N_CATEGORIES;

/** The role classes of result.ts (a person counts in one: manager, else coordinator, else operator). */
export const ROLE_CLASSES = ['manager', 'coordinator', 'operator', 'other'] as const;

/** Per kind (stream, team, role, person), per id, per metric: one value per week. */
export type WeeklyGroups = Record<string, Record<string, Record<string, Float64Array>>>;

function roleClass(p: PersonState): number {
  if (p.isManager) return 0;
  if (p.lineCoordinatorTeam >= 0 || p.processStreams.length > 0) return 1;
  return p.operatorTeam >= 0 ? 2 : 3;
}

/** Cumulative value of a person's field now (hours since the start). */
function samplePerson(p: PersonState, field: number): number {
  return field === F_OVERTIME ? p.overtimeHours : p.time[field]!;
}

export class WeeklyDetail {
  private readonly w: World;
  private readonly weeks: number;
  private week = 0;
  private readonly nPersons: number;
  private readonly nStreams: number;
  /** (week * persons + person) * N_FIELDS + field. */
  private readonly person: Float64Array;
  private readonly personLast: Float64Array;
  /** week * streams + stream. */
  private readonly arrivals: Float64Array;
  private readonly completions: Float64Array;
  private readonly leadSum: Float64Array;

  constructor(w: World, end: number) {
    this.w = w;
    this.weeks = Math.max(1, Math.ceil(end / WEEK_HOURS - 1e-9));
    this.nPersons = w.persons.length;
    this.nStreams = w.nStreams;
    this.person = new Float64Array(this.weeks * this.nPersons * N_FIELDS);
    this.personLast = new Float64Array(this.nPersons * N_FIELDS);
    this.arrivals = new Float64Array(this.weeks * this.nStreams);
    this.completions = new Float64Array(this.weeks * this.nStreams);
    this.leadSum = new Float64Array(this.weeks * this.nStreams);
  }

  arrive(stream: number): void {
    if (this.week < this.weeks) this.arrivals[this.week * this.nStreams + stream] = this.arrivals[this.week * this.nStreams + stream]! + 1;
  }

  complete(stream: number, lead: number): void {
    if (this.week >= this.weeks) return;
    const i = this.week * this.nStreams + stream;
    this.completions[i] = this.completions[i]! + 1;
    this.leadSum[i] = this.leadSum[i]! + lead;
  }

  /** Closes the current week: persons' hours since the last close. */
  closeWeek(): void {
    if (this.week >= this.weeks) return;
    const now = this.w.sim.now;
    const base = this.week * this.nPersons * N_FIELDS;
    for (const p of this.w.persons) {
      p.account(now);
      for (let f = 0; f < N_FIELDS; f++) {
        const at = p.index * N_FIELDS + f;
        const v = samplePerson(p, f);
        this.person[base + at] = v - this.personLast[at]!;
        this.personLast[at] = v;
      }
    }
    this.week++;
  }

  /** The recorded weeks, grouped; `cellQueue` is Metrics.cellSeries (week, team, stream). */
  result(cellQueue: readonly number[]): WeeklyGroups {
    const { w, nPersons, nStreams } = this;
    const weeks = this.week;
    const nTeams = w.nTeams;
    const stream: Record<string, Record<string, Float64Array>> = {};
    w.spec.streams.forEach((s, j) => {
      const arr = new Float64Array(weeks);
      const done = new Float64Array(weeks);
      const lead = new Float64Array(weeks);
      const queue = new Float64Array(weeks);
      for (let k = 0; k < weeks; k++) {
        const i = k * nStreams + j;
        arr[k] = this.arrivals[i]!;
        done[k] = this.completions[i]!;
        lead[k] = done[k]! > 0 ? this.leadSum[i]! / done[k]! : Number.NaN;
        for (let t = 0; t < nTeams; t++) queue[k] = queue[k]! + (cellQueue[(k * nTeams + t) * nStreams + j] ?? 0);
      }
      stream[s.id] = { arrivals: arr, completions: done, lead_time_mean: lead, queue };
    });
    const team: Record<string, Record<string, Float64Array>> = {};
    w.spec.teams.forEach((t, ti) => {
      const queue = new Float64Array(weeks);
      for (let k = 0; k < weeks; k++) for (let j = 0; j < nStreams; j++) queue[k] = queue[k]! + (cellQueue[(k * nTeams + ti) * nStreams + j] ?? 0);
      team[t.id] = { queue };
    });
    const fieldsOf = () => Object.fromEntries(PERSON_WEEK_FIELDS.map((f) => [f, new Float64Array(weeks)]));
    const person: Record<string, Record<string, Float64Array>> = {};
    const role: Record<string, Record<string, Float64Array>> = {};
    const classes = w.persons.map(roleClass);
    for (const c of new Set(classes)) role[ROLE_CLASSES[c]!] = fieldsOf();
    for (const p of w.persons) {
      const own = fieldsOf();
      const sum = role[ROLE_CLASSES[classes[p.index]!]!]!;
      PERSON_WEEK_FIELDS.forEach((name, f) => {
        const a = own[name]!;
        const s = sum[name]!;
        for (let k = 0; k < weeks; k++) {
          const v = this.person[(k * nPersons + p.index) * N_FIELDS + f]!;
          a[k] = v;
          s[k] = s[k]! + v;
        }
      });
      person[p.spec.id] = own;
    }
    return { stream, team, role, person };
  }
}
