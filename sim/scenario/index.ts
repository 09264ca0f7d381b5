// The scenario package: YAML scenario files to validated, frozen ModelSpecs. Runs in
// Node and in browser workers alike; sim/node/scenario-files.ts adds file reading.

export { loadScenario, type Scenario, type ExperimentSettings, type ReadFile, type ExtendsAccess } from './load.js';
export { ScenarioError, type ScenarioIssue, formatIssue } from './errors.js';
export { decodeScenarioBytes } from './source-text.js';
export { resolveRelative, isInsideFolder, EXTENDS_EXTENSIONS } from './extends.js';
export { checkSeed, SEED_HINT, type SeedCheck } from './seed.js';
export { RESERVED_KEYS } from './yaml-checks.js';
export { readQuantity, toHours, toPerHour, toHoursPerWeek, UnitError, type QuantityKind, DAY_HOURS } from './units.js';
export { type ProvenanceReport, parseSource as parseSourceReference, SOURCE_HINT } from './provenance.js';
export { scenarioHash, canonicalJson, fnv1a64 } from './hash.js';
export { LIMITS } from './limits.js';
export { ScenarioSchema, type RawScenario, PRESET_NAMES, DISTRIBUTION_TYPES } from './schema.js';
