// A private redis-server for the queue tests: Debian's binary on 127.0.0.1, a free
// port, no persistence, a temporary working folder; nothing else is ever contacted.
// Without redis-server the suites are skipped with a visible message, except under
// CI (CI=true), where a missing server is a failure.

import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'];
export const MISSING = 'redis-server not found: apt-get install redis-server';

export function findRedisServer(): string | undefined {
  for (const p of CANDIDATES) {
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // try the next one
    }
  }
  return undefined;
}

/** True when the queue suites can run; prints why not otherwise. */
export function redisAvailable(): boolean {
  const found = findRedisServer() !== undefined;
  if (!found && process.env.CI !== 'true') process.stderr.write(`\n*** queue tests skipped: ${MISSING} ***\n\n`);
  return found;
}

/** A TCP port nothing listens on right now (the kernel's pick). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const sock = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    const done = (ok: boolean) => {
      sock.destroy();
      resolve(ok);
    };
    sock.setTimeout(500, () => done(false));
    sock.on('error', () => done(false));
    sock.on('connect', () => sock.write('PING\r\n'));
    sock.on('data', (d) => {
      reply += d.toString();
      if (reply.includes('\r\n')) done(reply.startsWith('+PONG'));
    });
  });
}

export interface RedisServer {
  port: number;
  url: string;
  /** Kills the server at once (a server that "goes away"). */
  kill(): void;
  stop(): Promise<void>;
}

export async function startRedis(port?: number): Promise<RedisServer> {
  const bin = findRedisServer();
  if (bin === undefined) throw new Error(MISSING);
  for (let attempt = 0; ; attempt++) {
    const p = port ?? (await freePort());
    const dir = mkdtempSync(join(tmpdir(), 'stroom-redis-'));
    const child: ChildProcess = spawn(bin, ['--save', '', '--appendonly', 'no', '--port', String(p), '--bind', '127.0.0.1', '--dir', dir], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let exited = false;
    const gone = new Promise<void>((r) => child.on('exit', () => {
      exited = true;
      r();
    }));
    const deadline = Date.now() + 10_000;
    while (!exited && Date.now() < deadline && !(await ping(p))) await new Promise((r) => setTimeout(r, 50));
    if (!exited && Date.now() < deadline) {
      return {
        port: p,
        url: `redis://127.0.0.1:${p}`,
        kill: () => child.kill('SIGKILL'),
        async stop() {
          if (!exited) child.kill('SIGTERM');
          await gone;
          rmSync(dir, { recursive: true, force: true });
        },
      };
    }
    child.kill('SIGKILL');
    await gone;
    rmSync(dir, { recursive: true, force: true });
    // Another process may have taken the port between picking and binding: pick again.
    if (attempt >= 2 || port !== undefined) throw new Error(`redis-server did not answer PING on port ${p}`);
  }
}
