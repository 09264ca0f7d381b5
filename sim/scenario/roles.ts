// Role strings ("operator:intake", "processManager:permits", "mt") to the model's
// RoleSpec, checked against the organisation's teams and streams so a typo names
// what would have been valid.

import type { RoleSpec } from '../model/spec.js';

const ROLE_TARGETS = {
  operator: 'team',
  lineCoordinator: 'team',
  processCoordinator: 'stream',
  manager: 'team?',
  processManager: 'stream',
  mt: 'none',
  coach: 'team',
} as const;
export const ROLE_NAMES = Object.keys(ROLE_TARGETS);

export interface RoleContext {
  teams: ReadonlySet<string>;
  streams: ReadonlySet<string>;
}

const known = (set: ReadonlySet<string>) => [...set].join(', ') || '(none)';

/** The role, or a message saying what is wrong and what would be valid. */
export function parseRole(text: string, ctx: RoleContext): RoleSpec | { error: string } {
  const i = text.indexOf(':');
  const name = (i < 0 ? text : text.slice(0, i)).trim();
  const target = i < 0 ? undefined : text.slice(i + 1).trim();
  if (!Object.prototype.hasOwnProperty.call(ROLE_TARGETS, name)) {
    return { error: `unknown role "${name}"; roles: ${ROLE_NAMES.join(', ')} (written "operator:<team>", "processCoordinator:<stream>", "mt", ...)` };
  }
  const kind = ROLE_TARGETS[name as keyof typeof ROLE_TARGETS];
  if (kind === 'none') {
    return target === undefined ? { role: 'mt' } : { error: `role "${name}" takes no target; write "${name}"` };
  }
  if (target === undefined || target === '') {
    if (kind === 'team?') return { role: 'manager' };
    return { error: `role "${name}" needs a ${kind}: write "${name}:<${kind}>"` };
  }
  if (kind === 'stream') {
    if (!ctx.streams.has(target)) return { error: `unknown stream "${target}" in role "${text}"; streams: ${known(ctx.streams)}` };
    return name === 'processManager' ? { role: 'manager', stream: target } : { role: 'processCoordinator', stream: target };
  }
  if (!ctx.teams.has(target)) {
    const alt = name === 'manager' && ctx.streams.has(target) ? `; "${target}" is a stream: write "processManager:${target}"` : '';
    return { error: `unknown team "${target}" in role "${text}"; teams: ${known(ctx.teams)}${alt}` };
  }
  if (name === 'manager') return { role: 'manager', team: target };
  if (name === 'coach') return { role: 'coach', team: target };
  return name === 'operator' ? { role: 'operator', team: target } : { role: 'lineCoordinator', team: target };
}
