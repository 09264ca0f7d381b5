// Sends a command's output to stdout or, with -o, to a file written atomically, and
// checks an output path before any work is done.
import { outputFileProblem, outputFolderProblem, writeFileAtomic } from '../node/atomic.js';
import { UsageError } from './errors.js';

export function emit(text: string, output: string | undefined): void {
  if (output) writeFileAtomic(output, text);
  else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}

/** Refuses an output file that cannot be written (a folder, a device, a read-only place), naming the flag and path. */
export function checkOutputFile(path: string, flag = '-o'): void {
  const problem = outputFileProblem(path);
  if (problem) throw new UsageError(`${flag} ${JSON.stringify(path)}: ${problem}`);
}

/** Refuses an output folder (--state-dir) that is a file or cannot be written. */
export function checkOutputFolder(path: string, flag: string): void {
  const problem = outputFolderProblem(path);
  if (problem) throw new UsageError(`${flag} ${JSON.stringify(path)}: ${problem}`);
}
