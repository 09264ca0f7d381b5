// The parts of the `yaml` package the scenario reader uses, in one module. The build
// (scripts/build-extras.mjs) replaces its output with a bundle of just this code: the
// package comes as many small modules, and loading them was a visible part of the CLI's
// start-up. Types are imported from 'yaml' directly (they leave no code behind).

export { Composer, isAlias, isMap, isScalar, isSeq, LineCounter, Parser } from 'yaml';
