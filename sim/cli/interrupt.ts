// Ctrl-C (or SIGTERM) during a long command: stop the progress bars (which hid the
// cursor and would leave it hidden), say what was lost and how to go on, and exit 130.
// Outputs are written atomically and only at the end, so an interrupted run leaves no
// partial file; a sweep's finished replications stay in its state file.

type Cleanup = () => void;

const cleanups = new Set<Cleanup>();
let hint: string | undefined;
let holders = 0;

function onSignal(signal: NodeJS.Signals): void {
  for (const c of cleanups) {
    try {
      c();
    } catch {
      // restoring the terminal is best effort
    }
  }
  process.stderr.write(`\nstroom: ${signal}: stopped${hint ? `; ${hint}` : ''}\n`);
  process.exit(130);
}

/** Installs the handlers until `release` is called; `cleanup` runs first on a signal. */
export function whileRunning(cleanup?: Cleanup): () => void {
  if (cleanup) cleanups.add(cleanup);
  if (holders++ === 0) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (cleanup) cleanups.delete(cleanup);
    if (--holders === 0) {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      hint = undefined;
    }
  };
}

/** What the message on interruption adds, e.g. how to resume a sweep. */
export function setInterruptHint(text: string | undefined): void {
  hint = text;
}
