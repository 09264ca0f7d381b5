// Checks a merged raw document against the TypeBox schema with ajv, and turns ajv's
// errors into issues a scenario author can act on: the YAML path, and what would be
// valid there (allowed keys, allowed values, the expected kind of value). The compiled
// validator comes from schema-validator.ts (generated at build time in dist/).

import type { ErrorObject } from 'ajv';
import type { IssueList } from './errors.js';
import { type PathSegment, pointerToPath } from './paths.js';
import { DISTRIBUTION_TYPES, ID_HINT, type RawScenario } from './schema.js';
import { scenarioValidator } from './schema-validator.js';

/** Validates `doc`; on failure adds one issue per problem and returns false. */
export function checkSchema(doc: unknown, issues: IssueList): doc is RawScenario {
  const validate = scenarioValidator();
  if (validate(doc)) return true;
  addSchemaIssues(validate.errors ?? [], doc, issues);
  return false;
}

/** One issue per ajv error of `doc` (exported for the validator's tests). */
export function addSchemaIssues(errors: readonly ErrorObject[], doc: unknown, issues: IssueList): void {
  const discriminated = new Set(errors.filter((e) => e.keyword === 'discriminator').map((e) => e.instancePath));
  for (const e of errors) {
    if (e.keyword === 'oneOf' && discriminated.has(e.instancePath)) continue;
    const path = pointerToPath(e.instancePath, doc);
    const issue = describeError(e, path);
    if (issue) issues.add(issue.path, issue.message);
  }
}

interface SchemaInfo {
  description?: string;
  properties?: Record<string, unknown>;
  patternProperties?: Record<string, unknown>;
  type?: string | string[];
}

export function describeValue(x: unknown): string {
  if (typeof x === 'string') return x.length > 60 ? `${JSON.stringify(x.slice(0, 57))}...` : JSON.stringify(x);
  if (Array.isArray(x)) return 'a list';
  if (x !== null && typeof x === 'object') return 'a mapping';
  return String(x);
}

const list = (xs: readonly unknown[]) => xs.map(String).join(', ');
const hint = (s: SchemaInfo | undefined) => (s?.description ? ` (${s.description})` : '');

function typeWords(t: string | string[] | undefined): string {
  const words: Record<string, string> = {
    number: 'a number', integer: 'an integer', string: 'a string', boolean: 'true or false', object: 'a mapping', array: 'a list', null: 'null',
  };
  const ts = t === undefined ? [] : Array.isArray(t) ? t : [t];
  return ts.map((x) => words[x] ?? x).join(' or ');
}

function describeError(e: ErrorObject, at: PathSegment[]): { path: PathSegment[]; message: string } | undefined {
  const p = e.params as Record<string, unknown>;
  const parent = e.parentSchema as SchemaInfo | undefined;
  const got = describeValue(e.data);
  switch (e.keyword) {
    case 'additionalProperties': {
      const key = String(p.additionalProperty);
      const path = [...at, key];
      if (parent?.properties) return { path, message: `unknown key "${key}"; allowed keys: ${list(Object.keys(parent.properties))}` };
      return { path, message: `"${key}" is not a valid name here: names must be ${ID_HINT}` };
    }
    case 'required': {
      const key = String(p.missingProperty);
      return { path: [...at, key], message: `missing required key "${key}"` };
    }
    case 'enum': {
      const allowed = (p.allowedValues as unknown[]) ?? [];
      const what = at[at.length - 1] === 'preset' ? `unknown preset ${got}; presets` : `${got} is not allowed; allowed values`;
      return { path: at, message: `${what}: ${list(allowed)}` };
    }
    case 'const': {
      if (at.length === 1 && at[0] === 'stroom') return { path: at, message: `unsupported format version ${got}; this stroom reads version 1 (stroom: 1)` };
      return { path: at, message: `must be ${describeValue(p.allowedValue)}, got ${got}` };
    }
    case 'type': {
      const wanted = parent?.description ?? typeWords(p.type as string | string[]);
      return { path: at, message: `must be ${wanted}, got ${got}` };
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path: at, message: `must be ${String(p.comparison)} ${String(p.limit)}, got ${got}${hint(parent)}` };
    case 'multipleOf':
      return { path: at, message: `must be a multiple of ${String(p.multipleOf)}, got ${got}` };
    case 'minItems':
      return { path: at, message: `needs at least ${String(p.limit)} item${p.limit === 1 ? '' : 's'}` };
    case 'maxItems':
      return { path: at, message: `at most ${String(p.limit)} items are allowed, got ${Array.isArray(e.data) ? e.data.length : '?'}` };
    case 'minLength':
      return { path: at, message: p.limit === 1 ? 'must not be empty' : `needs at least ${String(p.limit)} characters` };
    case 'maxLength':
      return { path: at, message: `at most ${String(p.limit)} characters are allowed, got ${typeof e.data === 'string' ? e.data.length : '?'}` };
    case 'pattern':
      return { path: at, message: `must be ${parent?.description ?? `a string matching ${String(p.pattern)}`}, got ${got}` };
    case 'minProperties':
      return { path: at, message: `needs at least ${String(p.limit)} entr${p.limit === 1 ? 'y' : 'ies'}` };
    case 'maxProperties':
      return { path: at, message: `at most ${String(p.limit)} entries are allowed` };
    case 'discriminator': {
      const types = list(DISTRIBUTION_TYPES);
      if (p.error === 'mapping') return { path: [...at, 'type'], message: `unknown distribution type ${describeValue(p.tagValue)}; valid types: ${types}` };
      return { path: [...at, 'type'], message: `a distribution needs a "type"; valid types: ${types}` };
    }
    case 'oneOf':
    case 'anyOf':
      return { path: at, message: `does not match any allowed form${hint(parent)}` };
    default:
      return { path: at, message: `is not valid here (${e.keyword})${hint(parent)}` };
  }
}
