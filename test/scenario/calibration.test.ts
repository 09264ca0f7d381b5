// The built-in cases keep the time scale they were calibrated to: each scenario states
// what a stream's mean end-to-end lead time should be under a design (with its source),
// and the model must stay within a factor of two of it. A change that collapses the
// time scale (lead times of hours against due windows of weeks) fails here.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../sim/model/index.js';
import { BUILTIN_SCENARIOS_DIR, listBuiltinScenarios, loadScenarioFile } from '../../sim/node/scenario-files.js';

const WEEK = 40;

describe('calibrated time scale', () => {
  const names = listBuiltinScenarios();

  it('every built-in scenario states a calibration target', () => {
    for (const name of names) {
      const s = loadScenarioFile(`${BUILTIN_SCENARIOS_DIR}${name}.yaml`);
      expect(s.experiment.calibration.length, name).toBeGreaterThan(0);
      for (const c of s.experiment.calibration) {
        expect(s.designs[c.design], `${name}: design ${c.design}`).toBeDefined();
        expect(s.designs[c.design]!.streams.map((x) => x.id), `${name}: stream ${c.stream}`).toContain(c.stream);
        expect(c.leadTimeMean).toBeGreaterThan(0);
      }
    }
  });

  it.each(names)('%s: measured lead times are within a factor of two of the stated targets', (name) => {
    const s = loadScenarioFile(`${BUILTIN_SCENARIOS_DIR}${name}.yaml`);
    const warmup = s.experiment.warmup === 'auto' ? 8 * WEEK : s.experiment.warmup;
    const byDesign = new Map<string, ReturnType<typeof simulate>>();
    for (const c of s.experiment.calibration) {
      let r = byDesign.get(c.design);
      if (r === undefined) {
        // One replication of half a year after the stated warm-up: enough for the order of magnitude.
        r = simulate(s.designs[c.design]!, { seed: s.experiment.seed, replication: 0, horizon: 26 * WEEK, warmup });
        byDesign.set(c.design, r);
      }
      const lead = r.byStream[c.stream]!.lead_time_mean;
      expect(lead, `${name} ${c.design}/${c.stream}: ${lead.toFixed(1)} h against a target of ${c.leadTimeMean} h`).toBeGreaterThan(c.leadTimeMean / 2);
      expect(lead, `${name} ${c.design}/${c.stream}`).toBeLessThan(c.leadTimeMean * 2);
    }
  });
});
