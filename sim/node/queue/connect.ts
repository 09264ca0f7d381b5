// Connecting to Redis so that nothing waits forever. BullMQ needs
// `maxRetriesPerRequest: null` (commands wait across reconnects), which on its own
// would let a dead server hang a sweep silently; so every client here gets a retry
// strategy that gives up after a bounded time, a connect timeout, and a first
// connection that must be ready within a deadline or fails with a message naming the
// server and the cause.

import { Redis, type RedisOptions } from 'ioredis';
import type { RedisTarget } from './redis-url.js';

/** Redis cannot be reached or was lost: not bad input (exit 1), but the run can be resumed. */
export class RedisUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

export interface ConnectTimes {
  /** The first connection must be ready within this. */
  connectMs: number;
  /** A lost connection is given up (client ends, commands fail) after about this long. */
  giveUpMs: number;
  /** Give up on the first refused or unresolvable connection instead of retrying until connectMs. */
  failFast?: boolean;
}

const HOPELESS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH']);

function retryDelay(times: number): number {
  return Math.min(100 * times, 1000);
}

/**
 * Options for a client (and for the clients BullMQ creates from them). The retry
 * strategy is stateless, because BullMQ duplicates clients with the same options: it
 * gives up once the delays waited since the connection broke add up to giveUpMs.
 */
export function redisOptions(target: RedisTarget, times: ConnectTimes, extra: Partial<RedisOptions> = {}): RedisOptions {
  return {
    host: target.host,
    port: target.port,
    db: target.db,
    ...(target.username !== undefined ? { username: target.username } : {}),
    ...(target.password !== undefined ? { password: target.password } : {}),
    ...(target.tls ? { tls: { servername: target.host } } : {}),
    connectTimeout: Math.max(500, Math.min(times.connectMs, 5000)),
    maxRetriesPerRequest: null,
    retryStrategy: (attempt: number) => {
      let waited = 0;
      for (let i = 1; i <= attempt; i++) waited += retryDelay(i);
      return waited > times.giveUpMs ? null : retryDelay(attempt);
    },
    ...extra,
  };
}

/** A one-line reason for a connection error (ioredis errors carry codes, not sentences). */
export function describeRedisError(err: unknown): string {
  const e = err as { code?: string; message?: string } | undefined;
  const code = e?.code;
  if (code === 'ECONNREFUSED') return 'connection refused: nothing listening on that port';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'host name not found';
  if (code === 'ETIMEDOUT') return 'connection timed out';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'host unreachable';
  if (code === 'ECONNRESET') return 'connection reset by the server';
  const msg = e?.message ?? String(err);
  if (/NOAUTH|WRONGPASS|invalid password|invalid username/i.test(msg)) return `authentication failed (${msg})`;
  return msg;
}

/**
 * A ready client, or a RedisUnavailableError after times.connectMs. Unless
 * times.failFast, connection errors before the deadline are retried (a server that
 * is still starting is fine).
 */
export async function connectRedis(target: RedisTarget, times: ConnectTimes, extra: Partial<RedisOptions> = {}): Promise<Redis> {
  const client = new Redis({ ...redisOptions(target, times, extra), lazyConnect: true });
  let lastError: unknown;
  const onError = (err: unknown) => {
    lastError = err;
  };
  client.on('error', onError);
  let timer: NodeJS.Timeout | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      const fail = (why: string) => reject(new RedisUnavailableError(`cannot reach Redis at ${target.display}: ${why}. Is redis-server running there, and reachable from this machine?`));
      timer = setTimeout(() => fail(lastError !== undefined ? describeRedisError(lastError) : `no answer within ${(times.connectMs / 1000).toFixed(1)} s`), times.connectMs);
      client.once('ready', () => resolve());
      client.once('end', () => fail(lastError !== undefined ? describeRedisError(lastError) : 'connection closed'));
      if (times.failFast) {
        client.on('error', (e: { code?: string }) => {
          if (e.code !== undefined && HOPELESS.has(e.code)) fail(describeRedisError(e));
        });
      }
      // connect() rejects on the first failed attempt while retries go on; the deadline decides.
      client.connect().catch(onError);
    });
  } catch (e) {
    client.disconnect();
    throw e;
  } finally {
    clearTimeout(timer);
  }
  // Later errors are reported by whoever uses the client (watchdogs); this listener
  // only keeps an 'error' without listeners from crashing the process.
  return client;
}

/** Closes a client without waiting on a server that may be gone. */
export async function closeRedis(client: Redis | undefined): Promise<void> {
  if (client === undefined || client.status === 'end') return;
  const quit = client.quit().catch(() => undefined);
  const timeout = new Promise((r) => setTimeout(r, 1000).unref());
  await Promise.race([quit, timeout]);
  client.disconnect();
}
