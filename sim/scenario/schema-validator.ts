// The compiled scenario schema. Run from the sources (tests, tsx, the viewer's bundler)
// this module compiles ScenarioSchema with ajv at first use, which takes a noticeable
// part of a second. The build (scripts/build-extras.mjs) replaces it in dist/ with
// ajv's standalone code for the same schema and options, generated at build time, so
// the CLI neither loads the ajv compiler nor compiles at start-up.

import Ajv, { type ValidateFunction } from 'ajv';
import { AJV_OPTIONS } from './ajv-options.js';
import { ScenarioSchema } from './schema.js';
import { dedupeSchema } from './schema-dedupe.js';

let compiled: ValidateFunction | undefined;

export function scenarioValidator(): ValidateFunction {
  compiled ??= new Ajv(AJV_OPTIONS).compile(dedupeSchema(ScenarioSchema));
  return compiled;
}
