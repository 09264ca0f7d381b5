// The one error a scenario load throws: every problem found, each with the path inside
// the YAML file, what would be valid, and (when known) the file, line and column it
// comes from. Its message is meant for people; it never carries a stack or a raw
// validator message.

import { LIMITS } from './limits.js';
import { formatPath, type Path } from './paths.js';

export interface ScenarioIssue {
  /** YAML path inside the file, e.g. `organisation.streams[2].steps[1].team`; '' for the whole file. */
  path: string;
  message: string;
  /** The file the offending text is in, when it is not the scenario itself (extends). */
  file?: string;
  line?: number;
  column?: number;
}

export class ScenarioError extends Error {
  readonly file: string;
  readonly issues: readonly ScenarioIssue[];
  constructor(file: string, issues: readonly ScenarioIssue[], omitted = 0) {
    const lines = issues.map((i) => formatIssue(file, i));
    if (omitted > 0) lines.push(`${file}: ... and ${omitted} more issue${omitted === 1 ? '' : 's'}`);
    super(lines.join('\n'));
    this.name = 'ScenarioError';
    this.file = file;
    this.issues = issues;
  }
}

export function formatIssue(file: string, i: ScenarioIssue): string {
  const where = i.line !== undefined ? `${i.file ?? file}:${i.line}:${i.column ?? 1}` : (i.file ?? file);
  return i.path === '' ? `${where}: ${i.message}` : `${where}: ${i.path}: ${i.message}`;
}

/** Collects issues while a stage runs on; a stage ends by `throwIfAny`. */
export interface IssueEntry {
  path: Path;
  message: string;
  /** Set when the problem is in another file of the extends chain. */
  file?: string;
  /** Set when the position is known without a path (YAML syntax errors). */
  line?: number;
  column?: number;
}

export class IssueList {
  private readonly list: IssueEntry[] = [];
  private readonly seen = new Set<string>();

  add(path: Path, message: string, where: { file?: string; line?: number; column?: number } = {}): void {
    const key = `${where.file ?? ''}\u0000${formatPath(path)}\u0000${message}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.list.push({ path, message, ...where });
  }

  /** True when an issue was already reported at `path`, above it or below it, so a
   * later consequence (a NaN passed on, say) need not be reported again. */
  covers(path: Path): boolean {
    const prefix = (a: Path, b: Path) => a.length <= b.length && a.every((s, k) => b[k] === s);
    return this.list.some((i) => prefix(i.path, path) || prefix(path, i.path));
  }

  get size(): number {
    return this.list.length;
  }

  entries(): readonly IssueEntry[] {
    return this.list;
  }
}

/** Where a YAML path sits in the source text; supplied by the loader, which has the documents. */
export type Locator = (path: Path, file?: string) => { file: string; line: number; column: number } | undefined;

export function scenarioError(file: string, issues: IssueList, locate?: Locator): ScenarioError {
  const all = issues.entries();
  const kept = all.slice(0, LIMITS.issues).map((i): ScenarioIssue => {
    const out: ScenarioIssue = { path: formatPath(i.path), message: i.message };
    const at = i.line !== undefined ? { file: i.file ?? file, line: i.line, column: i.column ?? 1 } : locate?.(i.path, i.file);
    const where = at?.file ?? i.file;
    if (where !== undefined && where !== file) out.file = where;
    if (at) {
      out.line = at.line;
      out.column = at.column;
    }
    return out;
  });
  return new ScenarioError(file, kept, all.length - kept.length);
}

export function throwIfAny(file: string, issues: IssueList, locate?: Locator): void {
  if (issues.size > 0) throw scenarioError(file, issues, locate);
}
