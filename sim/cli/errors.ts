// Errors the CLI reports as bad input: a clear message, exit code 2, no stack trace.

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** Exit codes: 0 ok, 1 a run failed, 2 bad input (scenario, flags, trace file). */
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;
