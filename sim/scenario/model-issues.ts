// Runs the model validator on a built design and reports its issues at the YAML paths
// the offending values came from (a group member's problem at its group, an inherited
// policy at the design's preset), skipping problems already reported at load.

import type { ModelSpec } from '../model/spec.js';
import { ModelError, validateModel } from '../model/validate.js';
import type { DesignOrigins } from './designs.js';
import type { IssueList } from './errors.js';
import { parsePath, type Path, type PathSegment } from './paths.js';

/** Model field names that differ in the file. */
const RENAMED: Record<string, string> = { arrivalRate: 'arrivals' };

export function toFilePath(modelPath: string, o: DesignOrigins): Path {
  const segs = parsePath(modelPath);
  const [head, index, ...rest] = segs;
  const idx = typeof index === 'number' ? index : undefined;
  const renamed = (xs: PathSegment[]) => xs.map((s) => (typeof s === 'string' ? (RENAMED[s] ?? s) : s));
  switch (head) {
    case 'teams':
    case 'streams':
    case 'questionTypes':
    case 'agreements':
    case 'suppliers':
      return ['organisation', head, ...(idx === undefined ? [] : [idx]), ...renamed(rest)];
    case 'persons': {
      const origin = idx === undefined ? undefined : o.persons[idx];
      if (!origin) return ['organisation', 'persons'];
      // A role's target lives inside its role string: point at the string.
      const tail = rest[0] === 'roles' && typeof rest[1] === 'number' ? rest.slice(0, 2) : rest;
      return [...origin, ...tail];
    }
    case 'meetings': {
      const origin = idx === undefined ? undefined : o.meetings[idx];
      return origin ? [...origin, ...rest] : ['organisation', 'meetings'];
    }
    case 'behaviour':
      return segs;
    case 'processKinds':
      return ['organisation', ...segs];
    case 'policies': {
      const field = segs[1];
      return typeof field === 'string' && o.overridden.has(field) ? [...o.design, 'policies', field] : [...o.design, 'preset'];
    }
    case 'timeline':
    case 'pilots':
      return [...o.design, ...segs];
    default:
      return [...o.design];
  }
}

/** Validates `spec`; adds its issues (mapped to file paths) unless a load issue already covers them. */
export function checkModel(spec: ModelSpec, origins: DesignOrigins, issues: IssueList): void {
  try {
    validateModel(spec);
  } catch (e) {
    if (!(e instanceof ModelError)) throw e;
    for (const i of e.issues) {
      const path = toFilePath(i.path, origins);
      if (issues.covers(path)) continue;
      const inherited = path[path.length - 1] === 'preset' && i.path.startsWith('policies.');
      issues.add(path, inherited ? `${i.path}: ${i.message}` : i.message);
    }
  }
}
