// Following an escalation tells one story: why it was raised, its own hops, and exactly
// one ending (how it was settled, or still open at the end of the run), even when its
// request raised other escalations too.

import { describe, expect, test } from 'vitest';
import type { TraceFile } from '../../sim/model/index.js';
import { buildEscalations } from '../../viewer/src/escalations.js';
import { narrateEscalation } from '../../viewer/src/narrate.js';
import { buildRunData } from '../../viewer/src/run-data.js';
import { makeTrace } from './helpers/make-trace.js';

const trace = JSON.parse(makeTrace({ design: 'island', seed: 6, weeks: 8, warmupWeeks: 2, persons: 20 })) as TraceFile;
const run = buildRunData(trace);
const tracks = buildEscalations(run);

describe('an escalation’s story', () => {
  test('one ending, its own hops only, and why it was raised first', () => {
    const withCase = Array.from({ length: tracks.count }, (_, j) => j).filter((j) => tracks.serial[j]! >= 0);
    expect(withCase.length).toBeGreaterThan(5);
    // Requests with more than one escalation are where endings used to mix.
    const bySerial = new Map<number, number>();
    for (const j of withCase) bySerial.set(tracks.serial[j]!, (bySerial.get(tracks.serial[j]!) ?? 0) + 1);
    const shared = withCase.filter((j) => bySerial.get(tracks.serial[j]!)! > 1);
    for (const j of [...shared.slice(0, 20), ...withCase.slice(0, 20)]) {
      const n = narrateEscalation(run, tracks, j);
      const endings = n.steps.filter((s) => s.kind === 'resolved' || s.kind === 'open');
      expect(endings.length, `escalation ${tracks.id[j]}`).toBe(1);
      expect(n.steps.filter((s) => s.kind === 'escalate').every((s) => s.track === j)).toBe(true);
      const why = n.steps.findIndex((s) => s.kind === 'why');
      const first = n.steps.findIndex((s) => s.kind === 'escalate');
      expect(why).toBeGreaterThanOrEqual(0);
      expect(why).toBeLessThan(first);
    }
  });
});
