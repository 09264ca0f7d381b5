// The scenario validator the build generates for dist/ (ajv standalone code, see
// scripts/build-extras.mjs) must judge every document exactly as the validator the
// sources compile at run time: same verdict, same errors (so the same messages); and
// moving shared subschemas to $defs (schema-dedupe.ts) must not change any message.
// Generated here from the current schema into a temporary folder.

import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ValidateFunction } from 'ajv';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AJV_OPTIONS } from '../../sim/scenario/ajv-options.js';
import Ajv from 'ajv';
import { ScenarioSchema } from '../../sim/scenario/schema.js';
import { dedupeSchema } from '../../sim/scenario/schema-dedupe.js';
import { addSchemaIssues } from '../../sim/scenario/schema-check.js';
import { IssueList } from '../../sim/scenario/errors.js';
import { scenarioValidator } from '../../sim/scenario/schema-validator.js';
// @ts-expect-error plain JavaScript build script, without type declarations
import { writeStandaloneValidator } from '../../scripts/build-extras.mjs';
import { type Doc, SMALL } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
let dir: string;
let generated: ValidateFunction;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stroom-validator-'));
  const file = join(dir, 'schema-validator.js');
  await writeStandaloneValidator(ROOT, dedupeSchema(ScenarioSchema), AJV_OPTIONS, file);
  generated = ((await import(pathToFileURL(file).href)) as { scenarioValidator: () => ValidateFunction }).scenarioValidator();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const small = (f: (d: Doc) => void) => () => {
  const d = parse(SMALL) as Doc;
  f(d);
  return d;
};
const step0 = (d: Doc) => d.organisation.streams[0].steps[0];

const DOCS: Record<string, () => unknown> = {
  'the small fixture': small(() => {}),
  'every built-in scenario': () => ['dpv', 'flow-teams', 'middenstad'].map((n) => parse(readFileSync(join(ROOT, 'scenarios', `${n}.yaml`), 'utf8'))),
  'unknown keys at two depths': small((d) => {
    d.colour = 'red';
    step0(d).servce = '1 h';
  }),
  'a missing required key': small((d) => delete d.organisation),
  'wrong types': small((d) => {
    d.name = 42;
    d.organisation.streams[0].urgentShare = 'high';
  }),
  'an unknown distribution type': small((d) => (step0(d).service = { type: 'poisson', mean: '1 h' })),
  'a distribution without a type': small((d) => (step0(d).service = { mean: '1 h' })),
  'a number out of range': small((d) => (d.organisation.streams[0].urgentShare = 1.5)),
  'an unsupported format version': small((d) => (d.stroom = 2)),
  'an empty name and a bad id': small((d) => {
    d.name = '';
    d.organisation.teams[0].id = 'Not An Id!';
  }),
  'not a mapping at all': () => ['a', 'list'],
};

/** The issues (path and message) a scenario author would be shown for these errors. */
function issuesOf(errors: ValidateFunction['errors'], doc: unknown) {
  const issues = new IssueList();
  addSchemaIssues(errors ?? [], doc, issues);
  return issues.entries();
}

describe('build-time scenario validator', () => {
  it('gives the messages the schema as written gives (shared subschemas only move)', () => {
    const asWritten = new Ajv({ ...AJV_OPTIONS, inlineRefs: true }).compile(ScenarioSchema);
    expect(Object.keys(dedupeSchema(ScenarioSchema).$defs ?? {}).length).toBeGreaterThan(0);
    for (const [name, make] of Object.entries(DOCS)) {
      const made = make();
      for (const doc of name === 'every built-in scenario' ? (made as unknown[]) : [made]) {
        const ok = asWritten(doc);
        expect(generated(structuredClone(doc)), name).toBe(ok);
        const shown = issuesOf(generated.errors, doc);
        expect(shown, name).toEqual(issuesOf(asWritten.errors, doc));
        if (!ok) expect(shown.length, name).toBeGreaterThan(0);
      }
    }
  });

  for (const [name, make] of Object.entries(DOCS)) {
    it(`agrees with the run-time one on ${name}`, () => {
      const made = make();
      for (const doc of name === 'every built-in scenario' ? (made as unknown[]) : [made]) {
        const runtime = scenarioValidator();
        const ok = runtime(doc);
        const errors = runtime.errors ? structuredClone(runtime.errors) : null;
        expect(generated(structuredClone(doc))).toBe(ok);
        expect(generated.errors ?? null).toEqual(errors);
        if (name !== 'the small fixture' && name !== 'every built-in scenario') expect(ok).toBe(false); // the case tests what it says
      }
    });
  }
});
