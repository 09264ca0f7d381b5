// Bad flags and bad output places at the command line, table-driven (issue 10, points
// 4-6). Every case must be refused before any replication runs: exit 2 within seconds,
// a message naming the flag or path and what is valid, no stack trace, and nothing left
// behind: no output file, no temporary file, no folder made for it.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, it } from 'vitest';
import { SMALL } from '../scenario/helpers.js';
import { stroom, tempDir } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
const withExperiment = (e: Record<string, unknown>) => {
  const d = parse(SMALL) as Doc;
  Object.assign(d.experiment, e);
  return stringify(d);
};

interface Case {
  name: string;
  /** Scenario file content (bad.yaml); the valid fixture when absent. */
  file?: string;
  /** Arguments: FILE is the scenario, DIR the case's folder. */
  args: string[];
  expect: string[];
  /** Texts the message must not contain (a wrong explanation). */
  reject?: string[];
}

const CASES: Case[] = [
  // outputs, checked before any work
  { name: '-o onto a folder', args: ['run', 'FILE', '-o', 'DIR'], expect: ['-o', 'is a folder'] },
  { name: '-o inside a file (ENOTDIR)', args: ['run', 'FILE', '-o', 'FILE/sub/out.csv'], expect: ['-o', 'bad.yaml', 'is a file, not a folder'] },
  { name: '-o into a read-only place (/sys)', args: ['compare', 'FILE', '-o', '/sys/stroom-out.csv'], expect: ['-o', '/sys/stroom-out.csv', 'cannot create files in /sys'] },
  { name: '-o into a missing folder under /proc', args: ['run', 'FILE', '-o', '/proc/stroom-no-such/out.csv'], expect: ['-o', '/proc/stroom-no-such/out.csv', 'cannot create files in /proc'] },
  { name: '-o onto a device', args: ['run', 'FILE', '-o', '/dev/full'], expect: ['-o', '/dev/full', 'not a regular file'] },
  { name: '-o empty', args: ['run', 'FILE', '-o', ''], expect: ['-o', 'empty file name'] },
  { name: 'trace -o onto a folder', args: ['trace', 'FILE', '-o', 'DIR'], expect: ['-o', 'is a folder'] },
  { name: 'trace -o onto a device', args: ['trace', 'FILE', '-o', '/dev/full'], expect: ['-o', '/dev/full', 'not a regular file'] },
  { name: '--state-dir onto a file', args: ['sweep', 'FILE', '--set', 'behaviour.fallbackDelay=1,2', '--state-dir', 'FILE'], expect: ['--state-dir', 'bad.yaml', 'is a file'] },
  { name: '--state-dir in a read-only place', args: ['sweep', 'FILE', '--set', 'behaviour.fallbackDelay=1,2', '--state-dir', '/sys/stroom-state'], expect: ['--state-dir', 'cannot create files in /sys'] },
  // a flag given twice
  { name: '--seed twice', args: ['run', 'FILE', '--seed', '1', '--seed', '2'], expect: ['--seed given 2 times', 'give it once'] },
  { name: '-s and --seed', args: ['compare', 'FILE', '-s', '1', '--seed', '2'], expect: ['--seed given 2 times'] },
  { name: '--reps twice', args: ['run', 'FILE', '--reps', '1', '--reps', '2'], expect: ['--reps given 2 times'] },
  { name: '--horizon twice', args: ['run', 'FILE', '--horizon', '4', '--horizon', '5'], expect: ['--horizon given 2 times'] },
  { name: '--output twice', args: ['run', 'FILE', '-o', 'a.csv', '-o', 'b.csv'], expect: ['--output given 2 times'] },
  { name: '--max-reps twice', args: ['compare', 'FILE', '--precision', '0.1', '--max-reps', '20', '--max-reps', '30'], expect: ['--max-reps given 2 times'] },
  { name: 'trace --design twice', args: ['trace', 'FILE', '--design', 'island', '--design', 'usm'], expect: ['--design given 2 times'] },
  { name: 'demo --reps twice', args: ['demo', '--reps', '3', '--reps', '4'], expect: ['--reps given 2 times'] },
  { name: '--set of a name every object has (toString)', args: ['sweep', 'FILE', '--set', 'toString=1,2'], expect: ['toString'], reject: ['given twice'] },
  // numbers
  { name: '--max-reps 0', args: ['compare', 'FILE', '--precision', '0.1', '--max-reps', '0'], expect: ['--max-reps', 'whole number from 1'] },
  { name: '--max-reps without --precision', args: ['compare', 'FILE', '--max-reps', '50'], expect: ['--max-reps', 'only with --precision'] },
  { name: '--max-reps below --reps', args: ['compare', 'FILE', '--precision', '0.1', '--reps', '20', '--max-reps', '10'], expect: ['--max-reps 10', 'at least --reps (20)'] },
  { name: '--precision with too few --reps', args: ['compare', 'FILE', '--precision', '0.05', '--reps', '2'], expect: ['--reps 2 with --precision', 'at least 5'] },
  { name: '--precision NaN', args: ['compare', 'FILE', '--precision', 'NaN'], expect: ['--precision', '(0, 1)'] },
  { name: '--precision negative', args: ['compare', 'FILE', '--precision', '-0.1'], expect: ['--precision', '(0, 1)'] },
  { name: '--reps NaN', args: ['run', 'FILE', '--reps', 'NaN'], expect: ['--reps', 'whole number from 1', 'NaN'] },
  { name: '--reps Infinity', args: ['run', 'FILE', '--reps', 'Infinity'], expect: ['--reps', 'whole number from 1'] },
  { name: '--reps 2.5', args: ['run', 'FILE', '--reps', '2.5'], expect: ['--reps', 'whole number'] },
  { name: '--workers 0', args: ['run', 'FILE', '--workers', '0'], expect: ['--workers', 'whole number from 1'] },
  { name: '--workers Infinity', args: ['run', 'FILE', '--workers', 'Infinity'], expect: ['--workers', 'whole number from 1'] },
  { name: '--samples 0', args: ['sweep', 'FILE', '--range', 'behaviour.fallbackDelay=1:4', '--samples', '0'], expect: ['--samples', 'whole number from 1'] },
  { name: '--horizon NaN', args: ['run', 'FILE', '--horizon', 'NaN'], expect: ['--horizon'] },
  { name: '--horizon negative', args: ['run', 'FILE', '--horizon=-4 weeks'], expect: ['--horizon', 'must not be negative'] },
  { name: '--horizon zero', args: ['run', 'FILE', '--horizon', '0'], expect: ['--horizon', 'longer than zero'] },
  { name: '--warmup Infinity', args: ['run', 'FILE', '--warmup', 'Infinity weeks'], expect: ['--warmup'] },
  { name: 'trace --replication NaN', args: ['trace', 'FILE', '--replication', 'NaN'], expect: ['--replication', 'whole number >= 0'] },
  { name: 'trace --replication -1', args: ['trace', 'FILE', '--replication', '-1'], expect: ['--replication', 'whole number >= 0'] },
  // seeds: the scenario file's rule
  { name: '--seed 1.5', args: ['run', 'FILE', '--seed', '1.5'], expect: ['--seed', 'whole number from 0', '1.5'] },
  { name: '--seed empty', args: ['run', 'FILE', '--seed', ''], expect: ['--seed', 'whole number from 0'] },
  { name: '--seed negative', args: ['run', 'FILE', '--seed=-1'], expect: ['--seed', 'whole number from 0'] },
  { name: '--seed text', args: ['trace', 'FILE', '--seed', 'abc'], expect: ['--seed', 'whole number from 0', 'abc'] },
  { name: '--seed beyond 2^53', args: ['run', 'FILE', '--seed', '9007199254740993'], expect: ['--seed', '9007199254740991'] },
  // warm-up
  { name: '--warmup auto on a short horizon', args: ['run', 'FILE', '--warmup', 'auto', '--horizon', '4'], expect: ['--warmup auto', 'at least 10 weeks', '4 weeks'] },
  { name: 'warmup: auto in the file, short --horizon', file: withExperiment({ warmup: 'auto' }), args: ['compare', 'FILE', '--horizon', '6'], expect: ['warmup: auto', 'at least 10 weeks'] },
  { name: 'trace --warmup auto', args: ['trace', 'FILE', '--warmup', 'auto'], expect: ['--warmup auto', 'give a length'] },
  // sizes, before any work
  { name: 'absurd horizon in the file (run)', file: withExperiment({ horizon: '100000000 weeks' }), args: ['run', 'FILE'], expect: ['bad.yaml', 'too large', 'at most 5,200', 'shorter horizon'] },
  { name: 'absurd horizon in the file (validate)', file: withExperiment({ horizon: '100000000 weeks' }), args: ['validate', 'FILE'], expect: ['bad.yaml', 'experiment.horizon', 'too large', 'shorter horizon'] },
  { name: 'horizon and warm-up over 100 years', args: ['run', 'FILE', '--horizon', '5200', '--warmup', '8'], expect: ['too large', '5,208 weeks', 'at most 5,200'] },
  { name: '16-year DPV trace', args: ['trace', 'dpv', '--design', 'island', '--horizon', '832', '-o', 'DIR/dpv.trace.json'], expect: ['dpv', 'trace of about', 'at most 6.00 million', 'shorter horizon'] },
  // --relevant (issue 14): a share or a percentage from 0 to 1
  { name: 'compare --relevant negative', args: ['compare', 'FILE', '--relevant', '-0.1'], expect: ['--relevant', 'from 0 to 1', '"-0.1"'] },
  { name: 'compare --relevant a word', args: ['compare', 'FILE', '--relevant', 'lots'], expect: ['--relevant', 'e.g. 1%', '"lots"'] },
  { name: 'attribute --relevant 200%', args: ['attribute', 'FILE', '--relevant', '200%'], expect: ['--relevant', '0% to 100%', '"200%"'] },
  { name: 'anatomy unknown design', args: ['anatomy', 'FILE', '--designs', 'island,nope'], expect: ['--designs', 'unknown "nope"', 'valid:'] },
  // demo
  { name: 'demo --reps 0', args: ['demo', '--reps', '0'], expect: ['--reps', 'whole number from 1'] },
  { name: 'demo --reps 1', args: ['demo', '--reps', '1'], expect: ['--reps', 'from 2 to 1000'] },
  { name: 'demo --reps NaN', args: ['demo', '--reps', 'NaN'], expect: ['--reps'] },
];

describe.concurrent('bad flags and outputs: refused before any work', () => {
  const dir = tempDir('stroom-flags-');
  for (const [i, c] of CASES.entries()) {
    it(`${c.name}: exit 2 at once, names the flag, leaves nothing`, async ({ expect }) => {
      const caseDir = join(dir, String(i));
      mkdirSync(caseDir);
      const file = join(caseDir, 'bad.yaml');
      writeFileSync(file, c.file ?? SMALL);
      const args = c.args.map((a) => a.replace(/^FILE/, file).replace(/^DIR/, caseDir));
      const started = Date.now();
      const r = await stroom(args, { cwd: caseDir });
      expect(r.code, r.stderr).toBe(2);
      for (const text of c.expect) expect(r.stderr).toContain(text);
      for (const text of c.reject ?? []) expect(r.stderr).not.toContain(text);
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(r.stdout).toBe('');
      // Nothing but the scenario file: no output, no temporary file, no folder made for an output.
      expect(readdirSync(caseDir)).toEqual(['bad.yaml']);
      // Refused before work. A few seconds on an idle machine (loading the scenario is most
      // of it); the bound is loose because the suite runs beside others on shared cores.
      expect(Date.now() - started).toBeLessThan(90_000);
    }, 120_000);
  }
  it('has at least 20 cases', ({ expect }) => expect(CASES.length).toBeGreaterThanOrEqual(20));
});
