// Loads a scenario: text (plus a reader for `extends`) to one validated, frozen
// ModelSpec per design and the experiment defaults. Stages run in order and stop at
// the first stage with problems, reporting all of that stage's problems at once:
// YAML -> extends -> version -> limits -> schema -> provenance, units, references ->
// model validation. No Node APIs here: the same loader runs in a browser worker.

import type { ModelSpec } from '../model/spec.js';
import { buildBehaviour, buildDesign } from './designs.js';
import { IssueList, throwIfAny } from './errors.js';
import { type ExtendsAccess, layerLocator, loadLayers, mergeLayers, type ReadFile } from './extends.js';
import { deepFreeze } from './freeze.js';
import { LIMITS } from './limits.js';
import { checkModel } from './model-issues.js';
import { buildOrganisation, headcount } from './organisation.js';
import { getAt, isPlainObject, type Path } from './paths.js';
import { checkProvenance, type ProvenanceReport } from './provenance.js';
import { Reader } from './reader.js';
import { checkSchema } from './schema-check.js';
import type { RawExperiment, RawScenario } from './schema.js';

export interface ExperimentSettings {
  /** Hours observed after warm-up. */
  horizon: number;
  /** Hours discarded at the start, or 'auto' (MSER-5 on pilot runs). */
  warmup: number | 'auto';
  replications: number;
  seed: number;
  /** The design the others are compared against. */
  baseline: string;
  /** Calibration targets of the time scale: a stream's mean lead time (hours) under a design, and what was measured. */
  calibration: { design: string; stream: string; leadTimeMean: number; measured: string }[];
}

export interface Scenario {
  name: string;
  description: string;
  /** The file name the scenario was loaded as. */
  file: string;
  designs: Readonly<Record<string, ModelSpec>>;
  /** Design ids in file order (bases first). */
  designOrder: readonly string[];
  experiment: ExperimentSettings;
  provenance: ProvenanceReport;
}

export type { ExtendsAccess, ReadFile };

/** Lists of the limits table, as YAML paths; checked before the schema so a huge list
 * is refused once instead of producing an error per item. */
function checkLimits(doc: Record<string, unknown>, issues: IssueList): void {
  const limit = (path: Path, max: number, what: string) => {
    const v = getAt(doc, path);
    const n = Array.isArray(v) ? v.length : isPlainObject(v) ? Object.keys(v).length : 0;
    if (n > max) issues.add(path, `at most ${max.toLocaleString('en')} ${what} are allowed, got ${n.toLocaleString('en')}`);
  };
  limit(['organisation', 'teams'], LIMITS.teams, 'teams');
  limit(['organisation', 'streams'], LIMITS.streams, 'streams');
  limit(['organisation', 'questionTypes'], LIMITS.questionTypes, 'question types');
  limit(['organisation', 'meetings'], LIMITS.meetings, 'meetings');
  limit(['organisation', 'persons'], LIMITS.persons, 'persons');
  limit(['organisation', 'groups'], LIMITS.persons, 'groups');
  limit(['designs'], LIMITS.designs, 'designs');
  const streams = getAt(doc, ['organisation', 'streams']);
  if (Array.isArray(streams) && streams.length <= LIMITS.streams) {
    streams.forEach((_, i) => limit(['organisation', 'streams', i, 'steps'], LIMITS.stepsPerStream, 'steps per stream'));
  }
  const designs = getAt(doc, ['designs']);
  if (isPlainObject(designs) && Object.keys(designs).length <= LIMITS.designs) {
    for (const id of Object.keys(designs)) {
      limit(['designs', id, 'timeline'], LIMITS.timelineEntries, 'timeline entries');
      limit(['designs', id, 'add', 'meetings'], LIMITS.meetings, 'meetings');
      limit(['designs', id, 'add', 'persons'], LIMITS.persons, 'persons');
      limit(['designs', id, 'add', 'groups'], LIMITS.persons, 'groups');
    }
  }
}

/** Persons are counted before groups expand, so a `count: 1e9` costs nothing. */
function checkHeadcount(raw: RawScenario, issues: IssueList): void {
  const org = headcount(raw.organisation.persons, raw.organisation.groups);
  const say = (path: Path, n: number) =>
    issues.add(path, `persons and groups add up to ${n.toLocaleString('en')} persons; at most ${LIMITS.persons.toLocaleString('en')} are allowed`);
  if (org > LIMITS.persons) return say(['organisation'], org);
  for (const [id, d] of Object.entries(raw.designs)) {
    const n = org + headcount(d.add?.persons, d.add?.groups);
    if (n > LIMITS.persons) say(['designs', id, 'add'], n);
  }
}

function buildExperiment(e: RawExperiment, designIds: readonly string[], reader: Reader): ExperimentSettings {
  const at = (k: string): Path => ['experiment', k];
  const warm = typeof e.warmup === 'string' && e.warmup.trim() === 'auto' ? 'auto' : reader.time(e.warmup, at('warmup'));
  const horizon = reader.time(e.horizon, at('horizon'));
  if (horizon === 0) reader.issues.add(at('horizon'), 'must be a time > 0, e.g. "52 weeks"');
  if (!designIds.includes(e.baseline)) reader.issues.add(at('baseline'), `unknown design "${e.baseline}"; designs: ${designIds.join(', ')}`);
  const calibration = (e.calibration ?? []).map((c, i) => {
    if (!designIds.includes(c.design)) reader.issues.add(['experiment', 'calibration', i, 'design'], `unknown design "${c.design}"; designs: ${designIds.join(', ')}`);
    return { design: c.design, stream: c.stream, leadTimeMean: reader.time(c.leadTimeMean, ['experiment', 'calibration', i, 'leadTimeMean']), measured: c.measured };
  });
  return { horizon, warmup: warm, replications: e.replications, seed: e.seed, baseline: e.baseline, calibration };
}

/**
 * Loads the scenario in `text`, named `file` in messages. `readFile` reads the files
 * `extends` names (paths already joined to the referring file's directory; only those
 * inside its folder tree unless an ExtendsAccess widens or tightens that); without it,
 * a scenario that extends another cannot be loaded. Throws ScenarioError.
 */
export function loadScenario(text: string, file: string, readFile?: ReadFile | ExtendsAccess): Scenario {
  const layers = loadLayers(text, file, readFile);
  const locate = layerLocator(layers);
  const issues = new IssueList();
  const fail = () => throwIfAny(file, issues, locate);

  for (const layer of layers) {
    const v = layer.data.stroom;
    if (v === undefined) issues.add(['stroom'], 'missing format version; start the file with "stroom: 1"', { file: layer.file });
    else if (v !== 1) issues.add(['stroom'], `unsupported format version ${JSON.stringify(v)}; this stroom reads version 1 (stroom: 1)`, { file: layer.file });
  }
  fail();

  const merged = mergeLayers(layers);
  checkLimits(merged, issues);
  fail();
  if (!checkSchema(merged, issues)) return fail() as never;
  const raw: RawScenario = merged;
  checkHeadcount(raw, issues);
  fail();

  const provenance = checkProvenance(merged, layers, issues);
  const reader = new Reader(issues);
  const org = buildOrganisation(raw.organisation, reader);
  const behaviour = buildBehaviour(raw.behaviour, reader);
  const designOrder = Object.keys(raw.designs);
  const experiment = buildExperiment(raw.experiment, designOrder, reader);
  const designs: Record<string, ModelSpec> = {};
  const built = designOrder.map((id) => buildDesign(raw.name, id, raw.designs[id]!, org, behaviour, raw.behaviour, reader));
  built.forEach((b, i) => {
    checkModel(b.spec, b.origins, issues);
    designs[designOrder[i]!] = b.spec;
  });
  fail();

  return deepFreeze({
    name: raw.name,
    description: raw.description ?? '',
    file,
    designs,
    designOrder,
    experiment,
    provenance,
  });
}
