// The strain index: how hard a person's week was, beyond the hours worked. It adds up,
// per person and week, what the sources name as the daily load of working around a
// missing design (000:L2098-2121 moral load of improvising; 000:L1341-1348 contradictory
// instructions; 000:L136, L2112 overtime; 001:L3918-3922 teams that must defend,
// escalate and improvise less once the architecture holds):
//
//   component                 counted as                                        weight
//   contradictory instruction a line/process collision at the operator's pick   1
//                             that no dominance rule settles, or that is contested
//   improvisation             a question the person improvised around            1
//   waiting on others         a case of theirs parked on a key person or an      0.5
//                             escalation (one per park)
//   overtime                  an hour worked beyond the contract                 0.25
//   outside the rules         an escalation settled by compensating personally   1
//                             or by a hero without mandate
//
// The weights are ours (fixed here, the same for every design): an event that puts a
// person in a bind counts one, a wait half (it costs attention, not a decision), and
// four hours of overtime count like one such event. The index is a count per week, not
// a probability; it is measured, never set. Reported per person (mean per window week
// and the weekly series), as a mean per role (operator, coordinator, manager) and as
// weekly role series, so a transition's course ("tight at first, then safe":
// 001:L3915-3922) can be looked for.

import type { World } from './world.js';

export const STRAIN_CONTRADICTION = 0;
export const STRAIN_IMPROVISATION = 1;
export const STRAIN_WAITING = 2;
export const STRAIN_OUTSIDE_RULES = 3;
/** Weights of the counted components, in the order above. */
export const STRAIN_WEIGHTS = [1, 1, 0.5, 1] as const;
/** Weight of one overtime hour. */
export const STRAIN_OVERTIME_WEIGHT = 0.25;

export const STRAIN_SERIES = ['strain_operator', 'strain_coordinator', 'strain_manager'] as const;
export type StrainSeriesName = (typeof STRAIN_SERIES)[number];

/** 0 operator, 1 coordinator, 2 manager, -1 none of these (MT-only, coach). */
export function roleGroup(w: World, person: number): number {
  const p = w.persons[person]!;
  if (p.isManager) return 2;
  if (p.lineCoordinatorTeam >= 0 || p.processStreams.length > 0) return 1;
  return p.operatorTeam >= 0 ? 0 : -1;
}

export class Strain {
  private readonly w: World;
  /** This week's weighted events per person. */
  private readonly week: Float64Array;
  private readonly overtimeAtWeekStart: Float64Array;
  /** Weekly index per person (whole run). */
  readonly weekly: number[][];
  private readonly roleSeries: number[][] = [[], [], []];
  private windowFirstWeek = 0;
  private lastClose = 0;

  constructor(w: World) {
    this.w = w;
    const n = w.persons.length;
    this.week = new Float64Array(n);
    this.overtimeAtWeekStart = new Float64Array(n);
    this.weekly = Array.from({ length: n }, () => []);
  }

  add(person: number, component: number): void {
    if (person < 0) return;
    this.week[person] = this.week[person]! + STRAIN_WEIGHTS[component as 0 | 1 | 2 | 3];
  }

  startWindow(): void {
    this.windowFirstWeek = this.weekly[0]?.length ?? 0;
  }

  /** Closes a week: each person's index for it, and the role means. */
  closeWeek(): void {
    const w = this.w;
    if (w.sim.now <= this.lastClose) return; // the same guard as Metrics.closeWeek: series stay aligned
    this.lastClose = w.sim.now;
    const sum = [0, 0, 0];
    const count = [0, 0, 0];
    for (const p of w.persons) {
      p.account(w.sim.now);
      const ot = p.overtimeHours - this.overtimeAtWeekStart[p.index]!;
      this.overtimeAtWeekStart[p.index] = p.overtimeHours;
      const v = this.week[p.index]! + STRAIN_OVERTIME_WEIGHT * ot;
      this.week[p.index] = 0;
      this.weekly[p.index]!.push(v);
      const g = roleGroup(w, p.index);
      if (g >= 0) {
        sum[g] = sum[g]! + v;
        count[g] = count[g]! + 1;
      }
    }
    for (let g = 0; g < 3; g++) this.roleSeries[g]!.push(count[g]! > 0 ? sum[g]! / count[g]! : Number.NaN);
  }

  /** Mean index per window week of one person. */
  personMean(person: number): number {
    const xs = this.weekly[person]!;
    const n = xs.length - this.windowFirstWeek;
    if (n <= 0) return Number.NaN;
    let s = 0;
    for (let i = this.windowFirstWeek; i < xs.length; i++) s += xs[i]!;
    return s / n;
  }

  /** Mean index per person-week of a role group over the window. */
  roleMean(group: number): number {
    let s = 0;
    let n = 0;
    for (let i = 0; i < this.w.persons.length; i++) {
      if (roleGroup(this.w, i) !== group) continue;
      const m = this.personMean(i);
      if (Number.isNaN(m)) continue;
      s += m;
      n++;
    }
    return n > 0 ? s / n : Number.NaN;
  }

  series(): Record<StrainSeriesName, Float64Array> {
    return {
      strain_operator: Float64Array.from(this.roleSeries[0]!),
      strain_coordinator: Float64Array.from(this.roleSeries[1]!),
      strain_manager: Float64Array.from(this.roleSeries[2]!),
    };
  }
}
