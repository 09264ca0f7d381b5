// The `stroom` command line: yargs wiring only. Each command lives in commands/; bad
// input of any kind ends here as a clear message on stderr and exit code 2, with no
// stack trace and no output file left behind.

import yargs, { type Argv } from 'yargs';
import { hideBin } from 'yargs/helpers';
import { ablateCommand } from './commands/ablate.js';
import { claimsCommand } from './commands/claims.js';
import { anatomyCommand } from './commands/anatomy.js';
import { attributeCommand } from './commands/attribute.js';
import { compareCommand } from './commands/compare.js';
import { demoCommand } from './commands/demo.js';
import { runCommand } from './commands/run.js';
import { sensitivityCommand } from './commands/sensitivity.js';
import { sweepCommand } from './commands/sweep.js';
import { tippingCommand } from './commands/tipping.js';
import { traceCommand } from './commands/trace.js';
import { validateCommand } from './commands/validate.js';
import { workerCommand } from './commands/worker.js';
import { applyExtendsRoot, EXTENDS_ROOT_OPTION } from './extends-root.js';
import { reportError, scrub } from './report-error.js';

export async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const parser: Argv = yargs(argv)
    .scriptName('stroom')
    .usage('$0 <command> [options]\n\nAgent-based organisation simulator: island organisations versus a shared USM management architecture.')
    .command(runCommand(setExit))
    .command(compareCommand(setExit))
    .command(sweepCommand(setExit))
    .command(ablateCommand(setExit))
    .command(tippingCommand(setExit))
    .command(sensitivityCommand(setExit))
    .command(attributeCommand(setExit))
    .command(anatomyCommand(setExit))
    .command(validateCommand(setExit))
    .command(traceCommand(setExit))
    .command(demoCommand(setExit))
    .command(workerCommand(setExit))
    .command(claimsCommand(setExit))
    .option('extends-root', EXTENDS_ROOT_OPTION)
    .middleware(applyExtendsRoot)
    .demandCommand(1, 'Name a command: run, compare, sweep, ablate, tipping, sensitivity, attribute, anatomy, claims, validate, trace, demo or worker (see --help).')
    .strict()
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .exitProcess(false)
    .fail((msg, err) => {
      throw err ?? new UsageErrorFromYargs(msg);
    });
  try {
    await parser.parseAsync();
  } catch (e) {
    if (e instanceof UsageErrorFromYargs) {
      process.stderr.write(`stroom: ${scrub(e.message)}\nRun "stroom --help" or "stroom <command> --help" for usage.\n`);
      return 2;
    }
    return reportError(e);
  }
  return exitCode;
}

class UsageErrorFromYargs extends Error {}

export { hideBin };
