// Scopes of pilots and timeline entries (`scope: { streams: [...], teams: [...] }`):
// references checked against the organisation, and each policy field checked against
// the dimension it can be scoped along (SCOPABLE_POLICY_FIELDS), with a message that
// says what would be valid.

import { type Policies, type PolicyScope, SCOPABLE_POLICY_FIELDS } from '../model/spec.js';
import type { Path } from './paths.js';
import type { Reader } from './reader.js';
import type { RawScope } from './schema.js';

const listOf = (xs: Iterable<string>) => [...xs].join(', ') || '(none)';

/** Which fields may be scoped and along what, for messages. */
export function scopableHint(): string {
  return Object.entries(SCOPABLE_POLICY_FIELDS)
    .map(([f, d]) => `${f} (per ${d === 'streams' ? 'stream' : 'team'})`)
    .join(', ');
}

export function buildScope(raw: RawScope, at: Path, ctx: { teams: ReadonlySet<string>; streams: ReadonlySet<string> }, reader: Reader): PolicyScope {
  const streams = raw.streams ?? [];
  const teams = raw.teams ?? [];
  streams.forEach((s, j) => {
    if (!ctx.streams.has(s)) reader.issues.add([...at, 'streams', j], `unknown stream "${s}"; streams: ${listOf(ctx.streams)}`);
  });
  teams.forEach((t, j) => {
    if (!ctx.teams.has(t)) reader.issues.add([...at, 'teams', j], `unknown team "${t}"; teams: ${listOf(ctx.teams)}`);
  });
  if (streams.length === 0 && teams.length === 0) reader.issues.add(at, 'names no streams and no teams; write scope: { streams: [...] } and/or { teams: [...] }');
  return { streams: [...streams], teams: [...teams] };
}

/** Reports the fields of `policies` that cannot apply to `scope`. */
export function checkScopedPolicies(policies: Partial<Policies>, scope: PolicyScope, at: Path, reader: Reader): void {
  const keys = Object.keys(policies) as (keyof Policies)[];
  if (keys.length === 0) reader.issues.add(at, `a scoped entry must set at least one policy; scopable: ${scopableHint()}`);
  for (const f of keys) {
    const dim = SCOPABLE_POLICY_FIELDS[f];
    if (dim === undefined) {
      reader.issues.add([...at, f], `cannot be set for part of the organisation (it is the organisation's own: one MT, one meeting calendar); scopable: ${scopableHint()}`);
    } else if (scope[dim].length === 0) {
      const one = dim === 'streams' ? 'stream' : 'team';
      reader.issues.add([...at, f], `is set per ${one}: the scope needs "${dim}" (e.g. scope: { ${dim}: [<${one}>] }); scopable: ${scopableHint()}`);
    }
  }
}
