// Getting a trace file into the viewer from text, a URL or a dropped/picked file. Every
// failure becomes a TraceFileError whose message names the source and says what is
// wrong (not JSON, truncated, not a stroom trace, unreachable URL), so the page can
// show it as is. Structural checks are parseTraceFile's (sim/model/trace-file.ts), the
// same the CLI uses.

import { parseTraceFile, TraceFileError, type TraceFile } from '../../sim/model/trace-file.js';

export { TraceFileError };

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

/** Fetches and parses a trace from a URL (relative to the page). */
export async function traceFromUrl(url: string): Promise<TraceFile> {
  const name = url.split('/').pop() || url;
  let res: Response;
  try {
    res = await fetch(url);
  } catch (err) {
    throw new TraceFileError(`${name}: could not be fetched from ${url}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (!res.ok) throw new TraceFileError(`${name}: could not be fetched from ${url}: HTTP ${res.status} ${res.statusText}`);
  return traceFromText(await res.text(), name);
}

/** Reads and parses a picked or dropped file. */
export async function traceFromFile(file: File): Promise<TraceFile> {
  return traceFromText(await file.text(), file.name);
}
