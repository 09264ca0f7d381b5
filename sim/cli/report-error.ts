// Turns any error into one clear message on stderr and an exit code: 2 for bad input
// (scenario files, flags, trace files), 1 for anything else. Stacks only with
// STROOM_DEBUG=1.

// Imports stay light (no scenario loader, no mathjs) so that errors found before any
// scenario is read are reported quickly.
import { DistributionError } from '../random/distributions.js';
import { ModelError } from '../model/validate.js';
import { TraceFileError } from '../model/trace-file-error.js';
import { ScenarioError } from '../scenario/errors.js';
import { QueueInputError } from '../node/queue/errors.js';
import { redactUrl } from '../node/queue/redis-url.js';
import { UsageError } from './errors.js';

export function isBadInput(e: unknown): boolean {
  return e instanceof UsageError || e instanceof ScenarioError || e instanceof ModelError || e instanceof TraceFileError || e instanceof DistributionError || e instanceof QueueInputError;
}

/** The --queue values of this command line that may hold credentials, as typed and as JSON would quote them. */
function queueValues(): string[] {
  const out: string[] = [];
  process.argv.forEach((a, i) => {
    const v = a === '--queue' ? process.argv[i + 1] : a.startsWith('--queue=') ? a.slice('--queue='.length) : undefined;
    if (v !== undefined && v.includes('@')) out.push(v, JSON.stringify(v).slice(1, -1));
  });
  return out;
}

/**
 * Last line of defence for secrets: whatever echoes a --queue value (a flag check
 * quoting it, say) shows it redacted, and a URL's password (scheme://user:password@)
 * never reaches stderr.
 */
export function scrub(text: string): string {
  let out = text;
  for (const v of queueValues()) out = out.split(v).join(redactUrl(v));
  // Any other word of the command line with an "@" may hold a password too (a URL given
  // without --queue, or half of one split at an unquoted space): hide what precedes the "@".
  for (const a of process.argv.slice(2)) {
    const at = a.lastIndexOf('@');
    if (at > 0) out = out.split(a).join(`***${a.slice(at)}`);
  }
  return out.replace(/([a-z][a-z0-9+.-]*:\/\/[^\s:/@]*:)[^\s]*@/gi, '$1***@');
}

export function reportError(e: unknown): number {
  const msg = scrub(e instanceof Error ? e.message : String(e));
  if (isBadInput(e)) {
    process.stderr.write(`stroom: ${msg}\n`);
    return 2;
  }
  process.stderr.write(`stroom: error: ${msg}\n`);
  if (process.env.STROOM_DEBUG === '1' && e instanceof Error && e.stack) process.stderr.write(`${scrub(e.stack)}\n`);
  return 1;
}
