// The ajv options of the scenario schema, shared by the run-time compile
// (schema-validator.ts) and the build-time one (scripts/build-extras.mjs), so that the
// two validators report the same errors.

import type { Options } from 'ajv';

export const AJV_OPTIONS: Options = {
  strict: true,
  strictNumbers: true, // .nan and .inf are not numbers a scenario can mean
  allErrors: true,
  verbose: true, // keeps parentSchema, so messages can list the allowed keys
  allowUnionTypes: true,
  discriminator: true,
  inlineRefs: false, // shared subschemas (schema-dedupe.ts) compile once
};
