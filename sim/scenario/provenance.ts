// Where each parameter's value comes from. Checks the form of every `source` and
// `provenance` entry, and lists the parameters nothing vouches for: neither their own
// mapping (nor an enclosing one) carries `source`/`assumption`, nor a `provenance`
// entry names them. With `extends`, a value is judged in the file that set it.

import type { IssueList } from './errors.js';
import { type Layers, layerOf } from './extends.js';
import { formatPath, isPlainObject, type Path } from './paths.js';
import { PROVENANCE_KEYS } from './schema.js';

export interface ProvenanceReport {
  /** Parameters found (scalar values; a list of numbers counts as one). */
  parameters: number;
  /** YAML paths of parameters without a source or an assumption. */
  missing: readonly string[];
  /** Seed references cited anywhere, e.g. "000:L163", sorted and unique. */
  sources: readonly string[];
}

/** Identity, labels and references: structure, not parameters needing a source. */
const NOT_PARAMETERS = new Set([
  'id', 'name', 'description', 'label', 'roles', 'team', 'stream', 'streams', 'questionType', 'participants', 'type', 'preset',
  ...PROVENANCE_KEYS,
]);

const SOURCE_ITEM = /^(?:(\d{3}):)?L(\d+)(?:-(\d+))?$/;
export const SOURCE_HINT =
  'seed lines written "NNN:L<line>" or "NNN:L<from>-<to>", NNN from 000 to 004, several separated by commas (an item without NNN continues the previous file), e.g. "000:L163, L170-175; 001:L12"';

/** The seed references in a `source` value (normalised to "000:L163"), or an error message. */
export function parseSource(text: string): string[] | { error: string } {
  const out: string[] = [];
  let file: string | undefined;
  for (const raw of text.split(/[,;]/)) {
    const item = raw.trim();
    const m = SOURCE_ITEM.exec(item);
    if (!m) return { error: `bad source ${JSON.stringify(item)}; a source names ${SOURCE_HINT}; otherwise write "assumption: ..."` };
    const f = m[1] ?? file;
    if (f === undefined) return { error: `source ${JSON.stringify(item)} names no seed file; write "000:${item}" (files 000 to 004)` };
    if (!/^00[0-4]$/.test(f)) return { error: `unknown seed file "${f}" in ${JSON.stringify(item)}; seed files are 000 to 004` };
    const from = Number(m[2]);
    const to = m[3] !== undefined ? Number(m[3]) : from;
    if (from < 1 || to < from) return { error: `bad line range in ${JSON.stringify(item)}; lines start at 1 and a range runs low to high` };
    file = f;
    out.push(`${f}:L${from}${to !== from ? `-${to}` : ''}`);
  }
  return out;
}

/** A per-field entry is an assumption ("assumption: why"), or a note citing seed lines
 * ("000:L192: why", "why (000:L192, L200)"): every citation in it must be well formed. */
const ASSUMPTION = /^\s*assumption\b/i;
const CITATION = /\b\d{3}:L\d+(?:-\d+)?(?:\s*[,;]\s*L\d+(?:-\d+)?)*/g;

export function parseProvenanceEntry(text: string): string[] | { error: string } {
  if (ASSUMPTION.test(text)) return [];
  const refs: string[] = [];
  for (const m of text.matchAll(CITATION)) {
    const r = parseSource(m[0]);
    if ('error' in r) return r;
    refs.push(...r);
  }
  if (refs.length > 0) return refs;
  const shown = JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
  return { error: `must cite seed lines ("000:L163", "000:L12-20, L31", optionally with a note) or start with "assumption: why", got ${shown}` };
}

interface Walk {
  layers: Layers;
  issues: IssueList;
  parameters: number;
  missing: string[];
  sources: Set<string>;
}

/** Checks provenance entries and reports which parameters lack one. */
export function checkProvenance(merged: Record<string, unknown>, layers: Layers, issues: IssueList): ProvenanceReport {
  const w: Walk = { layers, issues, parameters: 0, missing: [], sources: new Set() };
  const org = merged.organisation;
  if (isPlainObject(org)) {
    for (const [k, v] of Object.entries(org)) visitChild(w, v, ['organisation', k], 2);
  }
  if (isPlainObject(merged.behaviour)) visitMapping(w, merged.behaviour, ['behaviour'], 1);
  if (isPlainObject(merged.designs)) {
    for (const [id, d] of Object.entries(merged.designs)) if (isPlainObject(d)) visitMapping(w, d, ['designs', id], 2);
  }
  // Experiment settings are checked for form but are run settings, not model parameters.
  if (isPlainObject(merged.experiment)) checkEntries(w, merged.experiment, ['experiment']);
  return { parameters: w.parameters, missing: w.missing, sources: [...w.sources].sort() };
}

function checkEntries(w: Walk, m: Record<string, unknown>, at: Path): void {
  if (typeof m.source === 'string') {
    const r = parseSource(m.source);
    if ('error' in r) w.issues.add([...at, 'source'], r.error);
    else r.forEach((s) => w.sources.add(s));
  }
  if (isPlainObject(m.provenance)) {
    const fields = Object.keys(m).filter((k) => !(PROVENANCE_KEYS as readonly string[]).includes(k));
    for (const [field, value] of Object.entries(m.provenance)) {
      const here: Path = [...at, 'provenance', field];
      if (!fields.includes(field)) w.issues.add(here, `names "${field}", which is not a field of this mapping; fields: ${fields.join(', ')}`);
      if (typeof value !== 'string') continue;
      const r = parseProvenanceEntry(value);
      if ('error' in r) w.issues.add(here, r.error);
      else r.forEach((s) => w.sources.add(s));
    }
  }
}

/** `minDepth`: the shallowest enclosing mapping whose provenance may vouch for a value. */
function visitMapping(w: Walk, m: Record<string, unknown>, at: Path, minDepth: number): void {
  checkEntries(w, m, at);
  for (const [k, v] of Object.entries(m)) {
    if (NOT_PARAMETERS.has(k)) continue;
    if (k === 'scope' && isPlainObject(v)) continue; // a pilot's streams and teams: references
    visitChild(w, v, [...at, k], minDepth);
  }
}

function visitChild(w: Walk, v: unknown, at: Path, minDepth: number): void {
  if (isPlainObject(v)) return visitMapping(w, v, at, minDepth);
  if (Array.isArray(v) && v.length === 0) return; // nothing listed, nothing to vouch for
  if (Array.isArray(v) && v.some((x) => isPlainObject(x) || Array.isArray(x))) {
    v.forEach((x, i) => visitChild(w, x, [...at, i], minDepth));
    return;
  }
  leaf(w, at, minDepth);
}

function leaf(w: Walk, at: Path, minDepth: number): void {
  w.parameters++;
  const layer = layerOf(w.layers, at);
  if (!layer || !vouched(layer.data, at, minDepth)) w.missing.push(formatPath(at));
}

function vouched(root: unknown, at: Path, minDepth: number): boolean {
  // containers[k] is the node at at.slice(0, k); the value sits in containers[at.length - 1].
  const containers: unknown[] = [root];
  for (const seg of at) {
    const node = containers[containers.length - 1];
    containers.push(isPlainObject(node) ? node[String(seg)] : Array.isArray(node) && typeof seg === 'number' ? node[seg] : undefined);
  }
  for (let k = at.length - 1; k >= minDepth; k--) {
    const node = containers[k];
    const field = at[k];
    if (!isPlainObject(node) || typeof field !== 'string') continue;
    const prov = node.provenance;
    if (isPlainObject(prov) && typeof prov[field] === 'string') return true;
    if (typeof node.source === 'string' || typeof node.assumption === 'string') return true;
  }
  return false;
}
