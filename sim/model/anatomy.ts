// The loop's anatomy: what became of every problem of the observation window (a
// question nobody could answer, or a contested collision). Its fate is how it ended:
// improvised around, answered by a coach, answered through a supplier's contract, or, once escalated, resolved by a coordinator, compensated,
// referred, left to the system (signalled), settled in a meeting, withdrawn because its
// case moved on, or still open at the end. Independently of its fate, a problem may have
// become a visible design signal, and a visible problem may have led to design work that
// changed coverage: credited when design work on its stream and question type, begun
// after the problem was recorded, takes effect, with the time that took. Counted in O(1)
// per cell: counts and sums of recording times, snapshotted when design work begins.

import { OUTCOMES } from './store.js';
import type { World } from './world.js';

/** Fates of a problem, in the order of the result. */
export const FATES = ['improvised', 'resolved', 'compensated', 'referred', 'signalled', 'meeting', 'coach', 'contract', 'withdrawn', 'open'] as const;
export type Fate = (typeof FATES)[number];

export interface AnatomyResult {
  /** Problems of the window, per 100 arrived requests. */
  problems_per_100: number;
  /** Per fate: problems per 100 requests. */
  fates: Record<Fate, number>;
  /** Share of problems that became a visible design signal [-]. */
  visible_share: number;
  /** Share of problems that led to design work that took effect within the run [-]. */
  designed_share: number;
  /** Mean hours from a problem's recording to the design that answered it [h]. */
  time_to_design_mean: number;
}

export class Anatomy {
  private readonly w: World;
  private readonly ended = new Float64Array(OUTCOMES.length);
  private raised = 0;
  improvised = 0;
  /** Problems a coach answered (coaches.ts) and problems only a supplier could answer (suppliers.ts). */
  coach = 0;
  contract = 0;
  private visible = 0;
  private designed = 0;
  private designTimeSum = 0;
  /** Per (stream, type) cell: visible problems not yet credited, and the sum of their recording times. */
  private readonly count: Float64Array;
  private readonly timeSum: Float64Array;
  /** The same at the moment the cell's current design work began. */
  private readonly countAtStart: Float64Array;
  private readonly sumAtStart: Float64Array;

  constructor(w: World) {
    this.w = w;
    const cells = w.nStreams * w.nTypes;
    this.count = new Float64Array(cells);
    this.timeSum = new Float64Array(cells);
    this.countAtStart = new Float64Array(cells);
    this.sumAtStart = new Float64Array(cells);
  }

  reset(): void {
    this.ended.fill(0);
    this.raised = this.improvised = this.coach = this.contract = this.visible = this.designed = this.designTimeSum = 0;
    this.count.fill(0);
    this.timeSum.fill(0);
    this.countAtStart.fill(0);
    this.sumAtStart.fill(0);
  }

  escalationRaised(): void {
    this.raised++;
  }

  escalationEnded(outcome: number): void {
    this.ended[outcome] = this.ended[outcome]! + 1;
  }

  /** A problem became visible on cell c now. */
  recorded(cell: number): void {
    this.visible++;
    this.count[cell] = this.count[cell]! + 1;
    this.timeSum[cell] = this.timeSum[cell]! + this.w.sim.now;
  }

  /** Design work on cell c begins: the problems recorded so far are the ones it answers. */
  designBegins(cell: number): void {
    this.countAtStart[cell] = this.count[cell]!;
    this.sumAtStart[cell] = this.timeSum[cell]!;
  }

  /** Design work on cell c takes effect now. */
  designTakesEffect(cell: number): void {
    const k = this.countAtStart[cell]!;
    if (k <= 0) return;
    this.designed += k;
    this.designTimeSum += k * this.w.sim.now - this.sumAtStart[cell]!;
    this.count[cell] = this.count[cell]! - k;
    this.timeSum[cell] = this.timeSum[cell]! - this.sumAtStart[cell]!;
    this.countAtStart[cell] = 0;
    this.sumAtStart[cell] = 0;
  }

  result(arrivals: number): AnatomyResult {
    const per100 = (x: number) => (arrivals > 0 ? (100 * x) / arrivals : Number.NaN);
    let endedTotal = 0;
    for (let o = 1; o < OUTCOMES.length; o++) endedTotal += this.ended[o]!;
    const at = (name: (typeof OUTCOMES)[number]) => this.ended[OUTCOMES.indexOf(name)]!;
    const problems = this.improvised + this.coach + this.contract + this.raised;
    return {
      problems_per_100: per100(problems),
      fates: {
        improvised: per100(this.improvised),
        resolved: per100(at('resolved')),
        compensated: per100(at('compensated')),
        referred: per100(at('referred')),
        signalled: per100(at('signalled')),
        meeting: per100(at('meeting')),
        coach: per100(this.coach),
        contract: per100(this.contract),
        withdrawn: per100(at('withdrawn')),
        open: per100(Math.max(0, this.raised - endedTotal)),
      },
      visible_share: problems > 0 ? this.visible / problems : Number.NaN,
      designed_share: problems > 0 ? this.designed / problems : Number.NaN,
      time_to_design_mean: this.designed > 0 ? this.designTimeSum / this.designed : Number.NaN,
    };
  }
}
