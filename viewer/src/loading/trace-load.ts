// Getting a trace file into the viewer from text, a URL or a dropped/picked file. Every
// failure becomes a TraceFileError whose message names the source and says what is
// wrong (too large, not JSON, truncated, not a stroom trace, unreachable URL), so the
// page can show it as is. The size is checked before anything is read: a file's size
// from the File object, a URL's from its Content-Length and then while its body
// streams in, so a huge file is reported as too large instead of exhausting memory.
// Structural checks are parseTraceFile's (sim/model/trace-file.ts), the same the CLI
// uses, including the allocation budgets of sim/model/trace-budget.ts.

import { parseTraceFile, TraceFileError, type TraceFile } from '../../../sim/model/trace-file.js';

export { TraceFileError };

/** Largest trace the viewer reads, bytes. A mutable object so tests can lower it. */
export const LOAD_LIMITS = { bytes: 300_000_000 };

export function formatBytes(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(2)} GB`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} kB`;
  return `${n} bytes`;
}

function tooLarge(source: string, size: number | null): TraceFileError {
  const what = size === null ? `is larger than ${formatBytes(LOAD_LIMITS.bytes)}` : `is ${formatBytes(size)}`;
  return new TraceFileError(
    `${source}: the file ${what}, more than the ${formatBytes(LOAD_LIMITS.bytes)} the viewer reads; trace a shorter run or fewer weeks (stroom trace --weeks N)`,
  );
}

/** Parses the text of a trace file; `source` names it in messages. */
export function traceFromText(text: string, source: string): TraceFile {
  if (text.trim() === '') throw new TraceFileError(`${source}: the file is empty`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    // V8 says "Unexpected end of JSON input", or names a position: at the very end of
    // the text, the file stopped in the middle of the data.
    const at = /position (\d+)/.exec(why);
    const truncated = /end of (JSON )?input|Unterminated|Unexpected end/i.test(why) || (at !== null && Number(at[1]) >= text.trimEnd().length - 1);
    throw new TraceFileError(
      `${source}: not valid JSON${truncated ? ' (the file looks truncated: it ends in the middle of the data)' : ''}: ${why}`,
    );
  }
  return parseTraceFile(value, source);
}

export type Progress = (bytes: number, total: number | null) => void;

/** Reads a response body as text, stopping as soon as it passes the byte cap. */
async function readCapped(res: Response, source: string, progress?: Progress): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  const total = Number.isFinite(declared) && declared > 0 ? declared : null;
  if (total !== null && total > LOAD_LIMITS.bytes) {
    await res.body?.cancel();
    throw tooLarge(source, total);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > LOAD_LIMITS.bytes) {
      await reader.cancel();
      throw tooLarge(source, null);
    }
    parts.push(decoder.decode(value, { stream: true }));
    progress?.(bytes, total);
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** Fetches and parses a trace from a URL (relative to the page). Redirects are refused:
 *  a link the user agreed to load must not lead somewhere else. */
export async function traceFromUrl(url: string, progress?: Progress): Promise<TraceFile> {
  const name = url.split('/').pop() || url;
  let res: Response;
  try {
    res = await fetch(url, { redirect: 'error' });
  } catch (err) {
    throw new TraceFileError(
      `${name}: could not be fetched from ${url} (unreachable, not allowed by the other site, or redirected elsewhere: the viewer does not follow redirects): ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  if (!res.ok) throw new TraceFileError(`${name}: could not be fetched from ${url}: HTTP ${res.status} ${res.statusText}`);
  return traceFromText(await readCapped(res, name, progress), name);
}

/** Reads and parses a picked or dropped file; its size is checked before reading. */
export async function traceFromFile(file: File): Promise<TraceFile> {
  if (file.size > LOAD_LIMITS.bytes) throw tooLarge(file.name, file.size);
  return traceFromText(await file.text(), file.name);
}
