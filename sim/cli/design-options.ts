// The flags that `attribute`, `anatomy` and `compare` declare alike: --designs and
// --baseline, and the `-f html` choice, which commands with an HTML report add to the
// common formats. Declaration only, so that it loads at CLI start without the
// experiment code (the run itself is in design-run.ts, imported by the handlers).

import type { Argv } from 'yargs';
import type { CommonArgs } from './options.js';

/** A command's format, html included where the command offers it. */
export type ReportFormat = CommonArgs['format'] | 'html';

/** Adds `html` to the common `--format` choices (yargs adds to a key's choices). */
export function withHtml<T>(y: Argv<T>): Argv<T> {
  return y.choices('format', ['html']) as Argv<T>;
}

export interface DesignArgs extends CommonArgs {
  designs?: string;
  baseline?: string;
}

export const designOptions = <T>(y: Argv<T>) =>
  y
    .option('designs', { alias: 'd', type: 'string', describe: 'designs, comma-separated (default: all of the scenario)' })
    .option('baseline', { alias: 'b', type: 'string', describe: "design the others are compared with (default: the scenario's)" });
