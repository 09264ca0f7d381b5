// `stroom worker`: takes replications from a sweep's Redis queue and runs them on
// this machine's threads until stopped. Start any number, on any machines that reach
// the Redis server; each needs only stroom itself (models travel with the jobs, so
// no scenario files). Ctrl-C (or SIGTERM) stops within seconds: running replications
// get a second to finish, the rest go back to the queue for other workers; a second
// signal quits at once (their locks then lapse and they are retried after --lock-ms).

import type { CommandModule } from 'yargs';
import { positiveInt, workersArg } from '../options.js';
import { UsageError } from '../errors.js';
import { queueArg, redisTimeoutArg } from './sweep.js';

interface WorkerArgs {
  queue: string;
  workers?: number;
  'lock-ms'?: number;
  'redis-timeout'?: number;
  'job-timeout'?: number;
  'log-level': string;
}

export function workerCommand(setExit: (code: number) => void): CommandModule<object, WorkerArgs> {
  return {
    command: 'worker',
    describe: 'run replications from a sweep queue (stroom sweep --queue) on this machine until stopped',
    builder: (y) =>
      y
        .option('queue', { type: 'string', demandOption: true, describe: 'the Redis server of the queue: redis://host:port (a password is best given in STROOM_REDIS_PASSWORD, which ps does not show)' })
        .option('workers', { alias: 'w', type: 'number', describe: 'threads, i.e. replications run at once (default: one per CPU)' })
        .option('lock-ms', { type: 'number', describe: 'job lock in ms: jobs of a worker that died are retried 1-3 locks later (default 30000)' })
        .option('job-timeout', { type: 'number', describe: 'seconds one replication may run on this worker before it fails for good (default 3600)' })
        .option('redis-timeout', { type: 'number', describe: 'seconds to wait for Redis at start and after losing it, then exit 1 (default 60)' })
        .option('log-level', { choices: ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], default: 'warn', describe: 'structured log level (pino, on stderr); info logs every replication' })
        .example('$0 worker --queue redis://10.0.0.5:6379 --workers 8', 'serve sweeps submitted with --queue redis://10.0.0.5:6379') as never,
    handler: async (args) => {
      const target = await queueArg(args.queue);
      const threads = workersArg(args.workers);
      const lockMs = positiveInt('lock-ms', args['lock-ms'], 3_600_000) ?? 30_000;
      if (lockMs < 200) throw new UsageError('--lock-ms: at least 200 (locks are renewed every half lock)');
      const giveUpMs = redisTimeoutArg(args['redis-timeout'], 60) * 1000;
      const jobTimeoutMs = (positiveInt('job-timeout', args['job-timeout'], 7 * 24 * 3600) ?? 3600) * 1000;
      const { default: pino } = await import('pino'); // loaded only by the commands that log
      const log = pino({ level: args['log-level'], base: undefined }, pino.destination(2));
      const note = (line: string) => process.stderr.write(`stroom worker: ${line}\n`);
      const { startQueueWorker } = await import('../../node/queue/worker.js');
      // The signal handlers go in before the first job can be taken: a worker stopped
      // as soon as it has started a replication must still hand it back, not die.
      let worker: Awaited<ReturnType<typeof startQueueWorker>> | undefined;
      let signals = 0;
      const onSignal = (signal: NodeJS.Signals) => {
        signals++;
        if (signals === 1) {
          note(`${signal}: stopping; running replications are handed back to the queue (again to quit at once)`);
          if (worker) void worker.stop();
        } else {
          // Abandoned jobs keep their lock until it expires; then another worker retries them.
          note(`${signal}: quitting; unfinished replications will be retried by other workers`);
          process.exit(130);
        }
      };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      note(`connecting to ${target.display} ...`);
      try {
        worker = await startQueueWorker({ target, times: { connectMs: giveUpMs, giveUpMs }, threads, lockMs, jobTimeoutMs, log, note });
      } catch (e) {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        throw e;
      }
      if (signals > 0) void worker.stop();
      else note(`taking jobs from ${target.display} with ${threads} thread${threads === 1 ? '' : 's'}; Ctrl-C stops and hands running replications back to the queue`);
      const code = await worker.stopped;
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      note(`stopped after ${worker.completed()} replication${worker.completed() === 1 ? '' : 's'}`);
      setExit(code);
      // Whatever is left pending (sockets a dead server never closes, BullMQ timers,
      // threads still being terminated) must not keep the process alive.
      setTimeout(() => process.exit(code), code === 0 ? 300 : 3000).unref();
    },
  };
}
