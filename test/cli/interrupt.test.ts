// Ctrl-C during a long command: the progress bars are stopped (so the cursor they hid
// comes back), the message says how to go on, and the exit code is 130.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setInterruptHint, whileRunning } from '../../sim/cli/interrupt.js';

describe('interrupt', () => {
  afterEach(() => vi.restoreAllMocks());

  it('runs the cleanups, prints the hint and exits 130', () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    const err = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const stopped: string[] = [];
    const release = whileRunning(() => stopped.push('bar'));
    setInterruptHint('finished replications are kept in out.csv.state.jsonl; run the same command with --resume to go on from there');
    process.emit('SIGINT', 'SIGINT');
    expect(stopped).toEqual(['bar']);
    expect(exit).toHaveBeenCalledWith(130);
    expect(String(err.mock.calls.at(-1)?.[0])).toContain('SIGINT: stopped; finished replications are kept in out.csv.state.jsonl');
    release();
  });

  it('removes its handlers when the last holder releases them', () => {
    const before = process.listenerCount('SIGINT');
    const a = whileRunning();
    const b = whileRunning();
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    a();
    a(); // twice is harmless
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    b();
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});
