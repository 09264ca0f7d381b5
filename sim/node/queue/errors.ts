// Bad input found by the queue layer (a --queue URL, a sweep id taken by another
// sweep, a state file that does not belong to this sweep, a model beyond the run
// budget): the CLI reports it like any other bad input, with exit 2. Kept in a file
// of its own, without imports, so the CLI's error reporting can load it cheaply.

export class QueueInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueInputError';
  }
}
