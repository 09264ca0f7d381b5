// Everything derived from one trace at load, before any view exists: typed events, the
// replay with its checkpoints, escalation journeys, weekly hours per person and the
// lead-time histogram. Kept DOM-free so Node tests can build and check it too.

import type { TraceFile } from '../../sim/model/trace-file.js';
import { buildEscalations, type EscalationTracks } from './escalations.js';
import { Replay } from './replay.js';
import { buildProblems, type ProblemCell } from './story/recurring.js';
import { buildSoFar, type SoFar } from './story/so-far.js';
import { buildRunData, type RunData } from './run-data.js';
import { buildLeadHistogram, buildPersonWeeks, leadBins, type LeadHistogram, type PersonWeeks } from './weekly.js';

export interface RunBundle {
  data: RunData;
  replay: Replay;
  tracks: EscalationTracks;
  weeks: PersonWeeks;
  hist: LeadHistogram;
  /** Cumulative counts for the headline figures "so far". */
  soFar: SoFar;
  /** Questions, escalations and design work per stream and question type. */
  problems: ProblemCell[];
  /** Milliseconds spent preparing it (shown in the footer; watched by the bench). */
  prepareMs: number;
}

/** Prepares runs together so they share lead-time bins (comparable side by side). */
export function buildBundles(traces: TraceFile[], labels: (string | undefined)[] = []): RunBundle[] {
  const t0 = performance.now();
  const data = traces.map((t, i) => buildRunData(t, labels[i]));
  const bins = leadBins(data);
  return data.map((d) => {
    const t1 = performance.now();
    const weeks = buildPersonWeeks(d);
    const b: RunBundle = {
      data: d,
      replay: new Replay(d),
      tracks: buildEscalations(d),
      weeks,
      hist: buildLeadHistogram(d, bins),
      soFar: buildSoFar(d, weeks),
      problems: buildProblems(d),
      prepareMs: 0,
    };
    b.prepareMs = performance.now() - t1 + (t1 - t0) / traces.length;
    return b;
  });
}
