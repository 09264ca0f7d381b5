// The scenarios the viewer can run in the browser: the YAML files in scenarios/
// (bundled as text and read by the same loader as the CLI, sim/scenario) and the small
// organisation in builtin-small.ts. Imported by the worker only, so the loader and its
// dependencies stay out of the page's own bundle.

import type { ModelSpec } from '../../sim/model/spec.js';
import { loadScenario, type Scenario } from '../../sim/scenario/index.js';
import { SMALL_DESIGNS, smallSpec } from './builtin-small.js';

export interface ScenarioInfo {
  id: string;
  name: string;
  description: string;
  designs: string[];
  defaults: { weeks: number; warmupWeeks: number; seed: number };
  /** Set when the file failed to load; the message says why. */
  error?: string;
}

export interface RunSpec {
  spec: ModelSpec;
  scenario: string;
  horizon: number;
  warmup: number;
}

const files = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const fileId = (path: string) => path.split('/').pop()!.replace(/\.ya?ml$/, '');

/** `extends` inside a bundled scenario names a sibling file: read it from the bundle. */
function readBundled(path: string): string {
  const name = path.split('/').pop();
  const hit = Object.entries(files).find(([p]) => p.split('/').pop() === name);
  if (!hit) throw new Error(`no such file among the built-in scenarios (${Object.keys(files).map((p) => p.split('/').pop()).join(', ')})`);
  return hit[1];
}

const loaded = new Map<string, Scenario | Error>();

function load(id: string): Scenario {
  let s = loaded.get(id);
  if (s === undefined) {
    const entry = Object.entries(files).find(([p]) => fileId(p) === id);
    if (!entry) throw new Error(`no built-in scenario "${id}"`);
    try {
      s = loadScenario(entry[1], `${id}.yaml`, readBundled);
    } catch (err) {
      s = err instanceof Error ? err : new Error(String(err));
    }
    loaded.set(id, s);
  }
  if (s instanceof Error) throw s;
  return s;
}

const SMALL: Record<string, { name: string; persons: number; description: string }> = {
  small: { name: 'Small organisation (20 persons)', persons: 20, description: 'three teams, two value streams; runs in a second' },
  'small-150': { name: 'Small organisation scaled to 152 persons', persons: 152, description: 'the same structure at DPV size' },
};

export function listScenarios(): ScenarioInfo[] {
  const out: ScenarioInfo[] = [];
  for (const path of Object.keys(files).sort()) {
    const id = fileId(path);
    try {
      const s = load(id);
      const warm = s.experiment.warmup;
      out.push({
        id,
        name: s.name,
        description: s.description,
        designs: [...s.designOrder],
        defaults: { weeks: s.experiment.horizon / 40, warmupWeeks: warm === 'auto' ? 0 : warm / 40, seed: s.experiment.seed },
      });
    } catch (err) {
      out.push({ id, name: id, description: '', designs: [], defaults: { weeks: 0, warmupWeeks: 0, seed: 1 }, error: err instanceof Error ? err.message : String(err) });
    }
  }
  for (const [id, s] of Object.entries(SMALL)) {
    out.push({ id, name: s.name, description: s.description, designs: [...SMALL_DESIGNS], defaults: { weeks: 12, warmupWeeks: 2, seed: 1 } });
  }
  return out;
}

/** The spec and run length for a scenario's design; weeks override the scenario's defaults. */
export function runSpec(id: string, design: string, weeks?: number, warmupWeeks?: number): RunSpec {
  const small = SMALL[id];
  if (small) {
    const w = weeks ?? 12;
    const wu = warmupWeeks ?? 2;
    return { spec: smallSpec(design, small.persons, w + wu), scenario: 'small', horizon: w * 40, warmup: wu * 40 };
  }
  const s = load(id);
  const spec = s.designs[design];
  if (!spec) throw new Error(`design "${design}" is not in scenario ${id}; designs: ${s.designOrder.join(', ')}`);
  const warm = s.experiment.warmup;
  return {
    spec,
    scenario: s.name,
    horizon: weeks !== undefined ? weeks * 40 : s.experiment.horizon,
    warmup: warmupWeeks !== undefined ? warmupWeeks * 40 : warm === 'auto' ? 0 : warm,
  };
}
