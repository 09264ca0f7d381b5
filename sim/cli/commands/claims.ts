// `stroom claims`: runs the claims of DOMAIN.md §8 (scenarios/claims/claims.yaml, or a
// file of one's own) and writes claims-report.html, .md and .json: per claim its
// setup, the numbers with 95% intervals, the weekly series where time matters, a
// verdict computed from those numbers, and its robustness over a Latin hypercube of
// the assumption parameters; then an audit of the designs and an ablation showing
// which design field moves which metric. The work is in ../claims/run.ts.

import type { CommandModule } from 'yargs';

export interface ClaimsArgs {
  claims?: string;
  quick?: boolean;
  only?: string;
  'out-dir': string;
  reps?: number;
  points?: number;
  workers?: number;
  resume?: boolean;
  progress?: boolean;
  'log-level': string;
}

export function claimsCommand(setExit: (code: number) => void): CommandModule<object, ClaimsArgs> {
  return {
    command: 'claims',
    describe: "test the books' claims (DOMAIN.md §8): verdicts with intervals, series and robustness, as HTML, Markdown and JSON",
    builder: (y) =>
      y
        .option('claims', { type: 'string', describe: 'claims file (default: the built-in scenarios/claims/claims.yaml)' })
        .option('quick', { type: 'boolean', describe: 'a reduced run (few replications and hypercube points) that checks the machinery in minutes' })
        .option('only', { type: 'string', describe: 'claim ids to run, comma-separated (default: all)' })
        .option('out-dir', { type: 'string', default: '.', describe: 'folder for claims-report.html, .md, .json and the state file' })
        .option('reps', { alias: 'r', type: 'number', describe: 'replications per design (default: the claims file\'s)' })
        .option('points', { type: 'number', describe: 'Latin hypercube points for robustness (default: the claims file\'s; 0 for none)' })
        .option('workers', { alias: 'w', type: 'number', describe: 'worker threads (results are identical for any count)' })
        .option('resume', { type: 'boolean', describe: 'reuse the replications a previous (interrupted) run left in the state file' })
        .option('progress', { type: 'boolean', describe: 'progress bar on stderr (default: when stderr is a terminal)' })
        .option('log-level', { choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'warn', describe: 'structured log level (pino, on stderr)' })
        .example('$0 claims --quick --out-dir out/claims', 'a reduced run of every claim in a few minutes')
        .example('$0 claims --workers 2 --out-dir out/claims', 'the full report (about half an hour on two cores)')
        .example('$0 claims --only c03-dominance,c05-usm --reps 10 --points 0', 'two claims, ten replications, no robustness') as never,
    handler: async (args) => {
      // The experiment code loads only when the command runs (a fast `stroom validate`).
      const { runClaims } = await import('../claims/run.js');
      await runClaims(args, setExit);
    },
  };
}
