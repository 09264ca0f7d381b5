// Reads scenario source text into a YAML document, refusing what is not a scenario
// before the YAML parser sees it: oversized, binary, mis-encoded or empty files, and
// (yaml-checks.ts) YAML too deeply nested to compose. Also keeps the document and its
// line index, so later stages can point at line:column.

import type { Document } from 'yaml';
import { Composer, isMap, isScalar, isSeq, LineCounter, Parser } from './yaml-lib.js';
import { IssueList, scenarioError, throwIfAny } from './errors.js';
import { LIMITS } from './limits.js';
import { isPlainObject, type Path } from './paths.js';
import { checkDocument, NESTING_HINT, tooDeepData, tooDeepToken } from './yaml-checks.js';

export interface SourceFile {
  file: string;
  doc: Document;
  lines: LineCounter;
  /** The document as plain data (a mapping: anything else is refused). */
  data: Record<string, unknown>;
}

const MB = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

/** Bytes to text, for callers that read files: refuses invalid UTF-8 and oversized input. */
export function decodeScenarioBytes(bytes: Uint8Array, file: string): string {
  const issues = new IssueList();
  if (bytes.length > LIMITS.fileBytes) issues.add([], `file is ${MB(bytes.length)}; scenario files may be at most ${MB(LIMITS.fileBytes)}`);
  else if (bytes.includes(0)) issues.add([], 'binary file (contains NUL bytes); a scenario is YAML text');
  throwIfAny(file, issues);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    issues.add([], 'not valid UTF-8 text; save the scenario as UTF-8');
    throw scenarioError(file, issues);
  }
}

function precheck(text: string, issues: IssueList): void {
  if (text.length > LIMITS.fileBytes) {
    issues.add([], `file is ${MB(text.length)}; scenario files may be at most ${MB(LIMITS.fileBytes)}`);
  } else if (text.includes('\u0000')) {
    issues.add([], 'binary file (contains NUL bytes); a scenario is YAML text');
  } else if (text.includes('\uFFFD')) {
    issues.add([], 'not valid UTF-8 text (contains U+FFFD replacement characters); save the scenario as UTF-8');
  } else if (text.trim() === '') {
    issues.add([], 'empty file; a scenario is a YAML mapping that starts with "stroom: 1"');
  }
}

/** First line of a yaml library message, without its own position suffix. */
const yamlMessage = (m: string) => (m.split('\n')[0] ?? m).replace(/ at line \d+, column \d+:?$/, '');

export function parseSource(rawText: string, file: string): SourceFile {
  const issues = new IssueList();
  precheck(rawText, issues);
  throwIfAny(file, issues);
  const text = rawText.startsWith('\uFEFF') ? rawText.slice(1) : rawText;

  // Tokens first: the parser keeps its own stack, the composer after it recurses once
  // per level of nesting, so the depth is checked in between.
  const lines = new LineCounter();
  const tokens = [...new Parser(lines.addNewLine).parse(text)];
  const at = (offset: number) => lines.linePos(offset);
  const positioned = new IssueList();
  const deep = tooDeepToken(tokens);
  if (deep !== undefined) {
    const pos = at(deep);
    positioned.add([], NESTING_HINT, { line: pos.line, column: pos.col });
    throwIfAny(file, positioned);
  }
  const docs = [...new Composer({ uniqueKeys: false, schema: 'core', merge: false }).compose(tokens, true, text.length)];
  const doc = docs[0]!;
  if (docs.length > 1) {
    const pos = at(docs[1]!.range[0]);
    positioned.add([], 'YAML: a scenario file holds one document; remove the "---" line that starts a second one', { line: pos.line, column: pos.col });
  }
  // Tags and duplicate keys are reported by checkDocument, with their path and a fix.
  for (const e of [...doc.errors, ...doc.warnings]) {
    if (e.code === 'TAG_RESOLVE_FAILED' || e.code === 'DUPLICATE_KEY') continue;
    const pos = at(e.pos[0]);
    positioned.add([], `YAML: ${yamlMessage(e.message)}`, { line: pos.line, column: pos.col });
  }
  if (positioned.size === 0) checkDocument(doc, lines, positioned);
  throwIfAny(file, positioned);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: LIMITS.yamlAliases });
  } catch (e) {
    const msg = (e as Error).message;
    issues.add([], /alias/i.test(msg)
      ? `YAML aliases expand too far (an anchor bomb?); at most ${LIMITS.yamlAliases} alias uses are allowed`
      : `YAML: ${yamlMessage(msg)}`);
    throwIfAny(file, issues);
  }
  // Aliases reuse a node wherever they point, so the data can nest deeper than the text.
  if (tooDeepData(data)) {
    issues.add([], `${NESTING_HINT.split(';')[0]!} once YAML aliases are expanded; at most ${LIMITS.nestingDepth} levels are allowed`);
    throwIfAny(file, issues);
  }
  if (data === null || data === undefined) {
    issues.add([], 'empty file (only comments); a scenario is a YAML mapping that starts with "stroom: 1"');
  } else if (!isPlainObject(data)) {
    issues.add([], `the top level must be a mapping (stroom, name, organisation, behaviour, designs, experiment), got ${Array.isArray(data) ? 'a list' : 'a single value'}`);
  }
  throwIfAny(file, issues);
  return { file, doc, lines, data: data as Record<string, unknown> };
}

/** Line and column of the key (or list item) at `path` in this file, or of its nearest
 * existing ancestor: the key is where a reader looks, for wrong values and unknown keys alike. */
export function locateIn(src: SourceFile, path: Path): { line: number; column: number } | undefined {
  for (let n = path.length; n >= 0; n--) {
    const range = rangeAt(src, path.slice(0, n));
    if (range) {
      const pos = src.lines.linePos(range[0]);
      return { line: pos.line, column: pos.col };
    }
  }
  return undefined;
}

type Range = [number, number, number];

function rangeAt(src: SourceFile, path: Path): Range | undefined {
  if (path.length === 0) return (src.doc.contents as { range?: Range } | null)?.range;
  const parent = path.length === 1 ? src.doc.contents : src.doc.getIn(path.slice(0, -1), true);
  const seg = path[path.length - 1];
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
    return (pair?.key as { range?: Range } | undefined)?.range;
  }
  if (isSeq(parent) && typeof seg === 'number') return (parent.items[seg] as { range?: Range } | undefined)?.range;
  return undefined;
}
