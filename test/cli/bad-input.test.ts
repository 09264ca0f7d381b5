// Bad input at the command line, table-driven: scenario files and flags. Every case
// must exit 2 with a message naming the file (for file cases), the path inside it and
// what would be valid; print no stack trace; and leave no output file behind.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SMALL } from '../scenario/helpers.js';
import { stroom, tempDir } from './helpers.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = any;
const mutate = (f: (d: Doc) => void) => {
  const d = parse(SMALL) as Doc;
  f(d);
  return stringify(d);
};

interface Case {
  name: string;
  /** Scenario file content (written to bad.yaml), or null to use the valid fixture. */
  file?: string | Buffer;
  /** Extra files beside it. */
  extra?: Record<string, string>;
  /** CLI arguments; FILE stands for the scenario path. */
  args: string[];
  /** Texts the message must contain (file name, path, hint). */
  expect: string[];
}

const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]', ...'bcdefghi'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`)].join('\n');

const CASES: Case[] = [
  // scenario files
  { name: 'unknown key', file: mutate((d) => (d.organisation.teams[0].colour = 'red')), args: ['run', 'FILE'], expect: ['bad.yaml', 'organisation.teams[0].colour', 'allowed keys'] },
  { name: 'unknown top-level key', file: mutate((d) => (d.extra = 1)), args: ['compare', 'FILE'], expect: ['bad.yaml', 'extra', 'allowed keys'] },
  { name: 'missing unit on a time string', file: mutate((d) => (d.organisation.streams[0].dueIn = '3 fortnights')), args: ['run', 'FILE'], expect: ['bad.yaml', 'organisation.streams[0].dueIn', 'day or week'] },
  { name: 'wrong unit (rate for a time)', file: mutate((d) => (d.organisation.streams[0].dueIn = '3 per day')), args: ['run', 'FILE'], expect: ['organisation.streams[0].dueIn', 'expected a time'] },
  { name: 'negative rate', file: mutate((d) => (d.organisation.streams[0].arrivals = '-2 per day')), args: ['run', 'FILE'], expect: ['organisation.streams[0].arrivals', 'must not be negative'] },
  { name: 'zero rate', file: mutate((d) => (d.organisation.streams[0].arrivals = '0 per day')), args: ['run', 'FILE'], expect: ['organisation.streams[0].arrivals', '> 0'] },
  { name: 'probability above 1', file: mutate((d) => (d.organisation.streams[0].urgentShare = 2)), args: ['run', 'FILE'], expect: ['organisation.streams[0].urgentShare', '[0, 1]'] },
  { name: 'step owned by a missing team', file: mutate((d) => (d.organisation.streams[0].steps[1].team = 'asess')), args: ['run', 'FILE'], expect: ['organisation.streams[0].steps[1].team', 'teams: intake, assess, decide'] },
  { name: 'role naming a missing team', file: mutate((d) => (d.organisation.persons[0].roles[0] = 'manager:nowhere')), args: ['validate', 'FILE'], expect: ['organisation.persons[0].roles[0]', 'teams: intake'] },
  { name: 'unknown preset', file: mutate((d) => (d.designs[Object.keys(d.designs)[0]!].preset = 'archipelago')), args: ['run', 'FILE'], expect: ['preset', 'island'] },
  { name: 'bad enum value', file: mutate((d) => (d.designs[Object.keys(d.designs)[0]!].policies = { dominance: 'sideways' })), args: ['run', 'FILE'], expect: ['policies.dominance', 'line'] },
  { name: 'bad distribution type', file: mutate((d) => (d.organisation.streams[0].steps[0].service = { type: 'weibull', mean: '1 h' })), args: ['run', 'FILE'], expect: ['organisation.streams[0].steps[0].service', 'lognormal'] },
  { name: 'bad source reference', file: mutate((d) => (d.organisation.streams[0].source = 'page 12')), args: ['validate', 'FILE'], expect: ['organisation.streams[0].source', '000:L'] },
  { name: 'mathjs injection', file: mutate((d) => (d.organisation.streams[0].dueIn = 'import("fs")')), args: ['run', 'FILE'], expect: ['organisation.streams[0].dueIn', 'not allowed'] },
  { name: 'cyclic extends', file: 'stroom: 1\nname: A\nextends: ./b.yaml\n', extra: { 'b.yaml': 'stroom: 1\nname: B\nextends: ./bad.yaml\n' }, args: ['run', 'FILE'], expect: ['bad.yaml', 'extends', 'b.yaml'] },
  { name: 'extends a missing file', file: 'stroom: 1\nname: A\nextends: ./nope.yaml\n', args: ['run', 'FILE'], expect: ['bad.yaml', 'extends', 'nope.yaml'] },
  { name: 'empty file', file: '', args: ['run', 'FILE'], expect: ['bad.yaml', 'empty'] },
  { name: 'binary file', file: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0xff]), args: ['run', 'FILE'], expect: ['bad.yaml'] },
  { name: 'YAML syntax error', file: 'stroom: 1\nname: [unclosed\n', args: ['run', 'FILE'], expect: ['bad.yaml'] },
  { name: 'YAML anchor bomb', file: bomb, args: ['run', 'FILE'], expect: ['bad.yaml', 'alias'] },
  { name: 'absurd size: a billion persons', file: mutate((d) => (d.organisation.groups[0].count = 1e9)), args: ['run', 'FILE'], expect: ['bad.yaml', 'organisation.groups[0].count', 'must be <= 10000'] },
  { name: 'absurd size: 3 MB file', file: `# ${'x'.repeat(3 * 1024 * 1024)}\n`, args: ['run', 'FILE'], expect: ['bad.yaml', 'at most 2 MB'] },
  { name: 'wrong format version', file: mutate((d) => (d.stroom = 2)), args: ['run', 'FILE'], expect: ['bad.yaml', 'stroom', 'version 1'] },
  { name: 'missing scenario file', args: ['run', 'no-such-scenario.yaml'], expect: ['no-such-scenario.yaml', 'built-in'] },
  // flags and values
  { name: 'unknown flag', args: ['run', 'FILE', '--replications', '3'], expect: ['Unknown argument', 'replications'] },
  { name: 'unknown command', args: ['simulate', 'FILE'], expect: ['Unknown argument'] },
  { name: 'no command', args: [], expect: ['Name a command'] },
  { name: 'reps zero', args: ['run', 'FILE', '--reps', '0'], expect: ['--reps', 'whole number from 1'] },
  { name: 'reps not a number', args: ['run', 'FILE', '--reps', 'many'], expect: ['--reps', 'whole number'] },
  { name: 'workers negative', args: ['run', 'FILE', '--workers', '-2'], expect: ['--workers', 'whole number from 1'] },
  { name: 'horizon with a rate unit', args: ['run', 'FILE', '--horizon', '3 per day'], expect: ['--horizon', 'expected a time'] },
  { name: 'horizon absurd', args: ['run', 'FILE', '--horizon', '1e9 weeks'], expect: ['--horizon', 'at most 100 years'] },
  { name: 'bad format', args: ['run', 'FILE', '--format', 'xml'], expect: ['format', 'table', 'csv', 'json'] },
  { name: 'unknown design', args: ['run', 'FILE', '--design', 'utopia'], expect: ['utopia', 'designs:'] },
  { name: 'unknown metric', args: ['compare', 'FILE', '--metrics', 'happiness'], expect: ['--metrics', 'happiness', 'valid:'] },
  { name: 'precision out of range', args: ['compare', 'FILE', '--precision', '5'], expect: ['--precision', '(0, 1)'] },
  { name: 'sweep without factors', args: ['sweep', 'FILE'], expect: ['--set', '--range'] },
  { name: 'sweep with a malformed --set', args: ['sweep', 'FILE', '--set', 'designs.x'], expect: ['--set', 'path=value1,value2'] },
  { name: 'sweep over a path that does not exist', args: ['sweep', 'FILE', '--set', 'organisation.streams[9].arrivals=1,2', '--reps', '1'], expect: ['bad.yaml', 'organisation.streams[9].arrivals'] },
  { name: 'sweep setting a misspelt key', args: ['sweep', 'FILE', '--set', 'behaviour.fallbackDelayy=1,2', '--reps', '1'], expect: ['bad.yaml', 'behaviour.fallbackDelayy', 'allowed keys'] },
  { name: 'range without samples', args: ['sweep', 'FILE', '--range', 'behaviour.fallbackDelay=1:4'], expect: ['--range needs --samples'] },
];

describe.concurrent('bad input at the command line', () => {
  const dir = tempDir('stroom-bad-');
  for (const [i, c] of CASES.entries()) {
    it(`${c.name}: exit 2, a clear message, no stack, no output file`, async ({ expect }) => {
      const caseDir = join(dir, String(i));
      const { mkdirSync } = await import('node:fs');
      mkdirSync(caseDir);
      const file = join(caseDir, 'bad.yaml');
      writeFileSync(file, c.file ?? SMALL);
      for (const [name, text] of Object.entries(c.extra ?? {})) writeFileSync(join(caseDir, name), text);
      const out = join(caseDir, 'out.csv');
      const args = c.args.map((a) => (a === 'FILE' ? file : a));
      const withOutput = args.length > 0 && ['run', 'compare', 'sweep'].includes(args[0]!) ? [...args, '-o', out] : args;
      const r = await stroom(withOutput, { cwd: caseDir });
      expect(r.code, r.stderr).toBe(2);
      for (const text of c.expect) expect(r.stderr).toContain(text);
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack trace
      expect(r.stdout).toBe('');
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(caseDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
  }
  it('has at least 30 cases', () => expect(CASES.length).toBeGreaterThanOrEqual(30));
});
