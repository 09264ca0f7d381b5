// The claims of DOMAIN.md §8 as experiments: what a claims file holds (scenarios/
// claims.yaml), and what running one gives. A claim is tested by one or more checks,
// each a statistic with a 95% interval over replications paired on common random
// numbers, an expected direction and a practical threshold. Nothing here depends on
// Node: the definitions are plain data and the verdicts pure functions of the numbers.

/** What a check expects of its statistic (a difference or a change). */
export type Expectation =
  /** The statistic is positive (a rise, or b above a). */
  | 'higher'
  /** The statistic is negative. */
  | 'lower'
  /** No relevant rise: the interval stays below the threshold. */
  | 'not-higher'
  /** No relevant fall. */
  | 'not-lower';

export const EXPECTATIONS: readonly Expectation[] = ['higher', 'lower', 'not-higher', 'not-lower'];

export type Verdict = 'supported' | 'not supported' | 'contradicted' | 'cannot be tested';

/** Weeks of the run, first and last included (week 1 is the first week of the run, warm-up included). */
export interface WeekWindow {
  from: number;
  to: number;
}

interface CheckBase {
  /** A short name shown in the report ("escalations fall"). */
  label: string;
  expect: Expectation;
  /** Practical threshold as a share of the reference level (default: the file's). */
  relevant?: number;
}

/** b − a of a whole-run metric, paired per replication. */
export interface DifferenceCheck extends CheckBase {
  kind: 'difference';
  designs: [string, string];
  metric: string;
}

/** One design's weekly series: mean over window B − mean over window A, per replication. */
export interface ChangeCheck extends CheckBase {
  kind: 'change';
  design: string;
  metric: string;
  windows: [WeekWindow, WeekWindow];
}

/** (b's change between windows) − (a's change), per replication: difference in differences. */
export interface DiffInDiffCheck extends CheckBase {
  kind: 'diff-in-diff';
  designs: [string, string];
  metric: string;
  windows: [WeekWindow, WeekWindow];
}

/**
 * The same pair of designs at a low level of a scale factor and at the scenario's own
 * level: the gap b − a at the low level minus the gap at the normal level, signed so
 * that a positive value means the gap shrinks ("designs converge").
 */
export interface ConvergenceCheck extends CheckBase {
  kind: 'convergence';
  designs: [string, string];
  metric: string;
  /** The low level, e.g. { questions: 0.1 }: factors of scaleSpec. */
  low: Record<string, number>;
}

/**
 * The load (arrival scale) at which each design tips into firefighting (experiment/
 * tipping.ts), on a fixed grid of loads: the statistic is b's tipping load − a's, its
 * interval spans the two brackets. `higher`: b tips later than a.
 */
export interface TippingCheck extends CheckBase {
  kind: 'tipping';
  designs: [string, string];
  /** Arrival scale range and number of grid loads (lo and hi included). */
  loads: [number, number, number];
}

/** A check the model cannot make yet: says what it lacks. */
export interface UntestableCheck {
  kind: 'cannot-test';
  label: string;
  why: string;
}

export type Check = DifferenceCheck | ChangeCheck | DiffInDiffCheck | ConvergenceCheck | TippingCheck | UntestableCheck;

export interface Claim {
  /** Short id used in file names and resume keys, e.g. "c05-usm-calmer". */
  id: string;
  /** The claim's number in DOMAIN.md §8. */
  number: number;
  title: string;
  /** The claim in our words (never the books' sentences). */
  statement: string;
  /** Source lines, e.g. "000:L1375-1379". */
  source: string;
  scenario: string;
  /** Design-point overrides (paths into the scenario document → values), e.g. an absence in the observed window. */
  set?: Record<string, unknown>;
  checks: Check[];
  /** What a reader should know about how the claim was operationalised. */
  note?: string;
  /** Why the model may disagree, and which mechanism would be needed (written where a claim is expected to fail). */
  mechanism?: string;
}

export interface ClaimsSettings {
  replications: number;
  quickReplications: number;
  /** Default practical threshold, a share of the reference level. */
  relevant: number;
  /** Latin hypercube points and replications per point for robustness. */
  robustnessPoints: number;
  robustnessReplications: number;
  quickRobustnessPoints: number;
  seed: number;
}

export interface ClaimsFile {
  settings: ClaimsSettings;
  claims: Claim[];
}

/** A statistic with its 95% interval and what it was judged against. */
export interface CheckResult {
  label: string;
  kind: Check['kind'];
  verdict: Verdict;
  /** The interval of the statistic; absent when it cannot be tested. */
  mean?: number;
  lower?: number;
  upper?: number;
  n?: number;
  /** The absolute practical threshold used (relevant × reference level). */
  threshold?: number;
  /** The reference level the threshold is a share of (e.g. design a's mean). */
  reference?: number;
  expect?: Expectation;
  /** Why it cannot be tested, or what the numbers mean in words. */
  why?: string;
}

export interface Robustness {
  /** Points of the hypercube evaluated, and the share where every check held. */
  points: number;
  holds: number;
  share: number;
  /** Parameter ranges where the claim fails (PRIM), when it fails somewhere. */
  failRegion?: { param: string; min: number; max: number }[];
  failRegionCoverage?: number;
  /** The parameters varied, with their ranges. */
  params: { param: string; min: number; max: number }[];
}

export interface ClaimResult {
  claim: Claim;
  verdict: Verdict;
  checks: CheckResult[];
  robustness?: Robustness;
  /** The verdict line: the verdict plus whether it flips inside plausible ranges. */
  line: string;
  /** Weekly series with bands, per design, for the metrics of change checks. */
  series?: { metric: string; design: string; week: number[]; mean: (number | null)[]; lower: (number | null)[]; upper: (number | null)[] }[];
}
