// Every built-in scenario (scenarios/*.yaml) loads under the format it is written for,
// with every parameter's provenance given.
import { describe, expect, it } from 'vitest';
import { validateModel } from '../../sim/model/validate.js';
import { BUILTIN_SCENARIOS_DIR, listBuiltinScenarios, loadScenarioFile } from '../../sim/node/scenario-files.js';

describe('built-in scenarios', () => {
  const names = listBuiltinScenarios();

  it('exist', () => {
    expect(names.length).toBeGreaterThan(0);
  });

  it.each(names)('%s loads, validates and documents every parameter', (name) => {
    const s = loadScenarioFile(`${BUILTIN_SCENARIOS_DIR}${name}.yaml`);
    expect(s.designOrder.length).toBeGreaterThan(0);
    expect(s.designOrder).toContain(s.experiment.baseline);
    for (const id of s.designOrder) expect(() => validateModel(s.designs[id]!)).not.toThrow();
    expect(s.provenance.missing).toEqual([]);
  });
});
