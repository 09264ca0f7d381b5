// Sends a command's output to stdout or, with -o, to a file written atomically.
import { writeFileAtomic } from '../node/atomic.js';

export function emit(text: string, output: string | undefined): void {
  if (output) writeFileAtomic(output, text);
  else process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
