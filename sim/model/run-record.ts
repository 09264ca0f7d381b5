// What one replication hands to the experiment layer (RunResult): the flat metrics, the
// weekly series, the breakdowns per stream and team, the lead time split into its parts
// and the anatomy of the loop flattened to one number per key. Every runner (the CLI's
// threads, the in-process executor, queue workers, the browser) builds it here, so a
// replication carries the same fields whichever ran it.

import { FATES, type AnatomyResult, type Fate } from './anatomy.js';
import type { ModelRunResult } from './result.js';

/** Flat anatomy keys with their meaning and unit (same convention as METRICS). */
export const ANATOMY_KEYS = {
  problems_per_100: 'problems (unanswerable questions, escalated collisions) per 100 requests',
  improvised: 'problems an operator improvised around, per 100 requests',
  resolved: 'escalated problems a coordinator resolved, per 100 requests',
  compensated: 'escalated problems a manager fixed personally, per 100 requests',
  referred: 'escalated problems referred on to a higher level, per 100 requests',
  signalled: 'escalated problems left to the system as a design signal, per 100 requests',
  meeting: 'escalated problems settled in a meeting, per 100 requests',
  coach: "problems a team passed to its coach, who answered them, per 100 requests",
  contract: "problems only a supplier could answer, through its contract, per 100 requests",
  withdrawn: 'escalations withdrawn because their case moved on, per 100 requests',
  open: 'escalations still open at the end, per 100 requests',
  visible_share: 'share of problems that became a visible design signal [-]',
  designed_share: 'share of problems answered by design work that changed coverage [-]',
  time_to_design_mean: 'mean time from a problem to the design work that answered it [h]',
} as const;
export type AnatomyKey = keyof typeof ANATOMY_KEYS;
export const ANATOMY_KEY_IDS = Object.keys(ANATOMY_KEYS) as AnatomyKey[];
export const FATE_KEYS: readonly Fate[] = FATES;
/** Every fate has its key above (a compile error otherwise). */
const FATES_HAVE_KEYS: readonly AnatomyKey[] = FATES;
void FATES_HAVE_KEYS;

/** The anatomy as one flat record (fates at the top level, per 100 requests). */
export function flatAnatomy(a: AnatomyResult): Record<AnatomyKey, number> {
  return {
    problems_per_100: a.problems_per_100,
    ...a.fates,
    visible_share: a.visible_share,
    designed_share: a.designed_share,
    time_to_design_mean: a.time_to_design_mean,
  };
}

/** The RunResult (sim/experiment/types.ts) of a model run; typed by its shape, so the model
 *  imports nothing of the experiment layer above it. */
export function toRunResult(r: ModelRunResult) {
  return {
    metrics: r.metrics,
    series: r.series,
    byStream: r.byStream,
    byTeam: r.byTeam,
    parts: { ...r.leadTimeParts },
    anatomy: flatAnatomy(r.anatomy),
    ...(r.weekly !== undefined ? { weekly: r.weekly } : {}),
  };
}
