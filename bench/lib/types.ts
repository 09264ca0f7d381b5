// The contract between the orchestrator (bench/run.ts), the child entry point
// (bench/case.ts) and the case modules under bench/cases/.
//
// A case is measured in a fresh process per repetition so that JIT state, heap size and
// GC pressure left behind by one benchmark cannot colour the next. The child reports
// one JSON line; everything the orchestrator needs to know travels in it.

/** Named numbers a case measured. NaN marks a figure that was measured but failed its check. */
export type Figures = Record<string, number>;

export interface CaseOutput {
  figures: Figures;
  /** Why a figure is NaN or absent (failed check, missing tool). Shown next to the figure. */
  problems?: Record<string, string>;
  /** Non-numeric facts worth keeping with the results (versions, counts). */
  info?: Record<string, string>;
}

export interface CaseContext {
  /** Registry name of the case being run. */
  name: string;
  /** Static parameters from the registry entry, so one module can serve several cases. */
  params: Readonly<Record<string, number | string>>;
  /** Multiplies run lengths; 1 for real measurements, < 1 only for quick smoke runs. */
  scale: number;
}

export interface CaseModule {
  run(ctx: CaseContext): CaseOutput | Promise<CaseOutput>;
}

/**
 * Thrown by a case whose tool is not installed (e.g. SimPy). Its figures become null
 * with this message, instead of the case counting as crashed.
 */
export class Unavailable extends Error {
  override name = 'Unavailable';
}

/** The line a child prints last on stdout; the marker key tells it from stray output. */
export interface ChildReport {
  stroomBench: 1;
  case: string;
  figures: Record<string, number | null>;
  problems: Record<string, string>;
  info: Record<string, string>;
  /** Set when the case's tool is missing: its null figures are then not a failure. */
  unavailable: boolean;
}

/** Reads a numeric parameter, failing loudly on a typo rather than benchmarking a default. */
export function numParam(ctx: CaseContext, key: string): number {
  const v = ctx.params[key];
  if (typeof v !== 'number' || !Number.isFinite(v)) {
    throw new Error(`case ${ctx.name}: parameter "${key}" must be a finite number, got ${String(v)}`);
  }
  return v;
}

export function strParam(ctx: CaseContext, key: string): string {
  const v = ctx.params[key];
  if (typeof v !== 'string') throw new Error(`case ${ctx.name}: parameter "${key}" must be a string, got ${String(v)}`);
  return v;
}
