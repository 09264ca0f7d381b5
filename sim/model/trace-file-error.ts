// The error of a trace file that cannot be read, in a module of its own: the CLI's
// error reporting tells it apart at start-up without loading the trace code.

export class TraceFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TraceFileError';
  }
}
