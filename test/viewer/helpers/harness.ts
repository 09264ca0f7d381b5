// Shared by the viewer's end-to-end tests, the screenshot script and the frame-rate
// bench: build the viewer with Vite's JS API, serve viewer/dist (plus in-memory files
// such as generated traces) from a tiny HTTP server on 127.0.0.1, and start Debian's
// Chromium through playwright-core with a fresh profile.

import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext } from 'playwright-core';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));
export const VIEWER = join(REPO, 'viewer');
export const DIST = join(VIEWER, 'dist');
/** Debian's Chromium; CHROMIUM_PATH points elsewhere (another system, or to check the missing-browser path). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Builds the viewer (quietly) into viewer/dist, or into `outDir` so suites running at
 *  the same time do not empty each other's site. */
export async function buildViewer(outDir?: string): Promise<void> {
  const { build } = await import('vite');
  await build({ configFile: join(VIEWER, 'vite.config.ts'), root: VIEWER, logLevel: 'error', ...(outDir ? { build: { outDir, emptyOutDir: true } } : {}) });
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.wasm': 'application/wasm',
};

export interface TestServer {
  url: string;
  /** Paths requested so far, in order. */
  requests: string[];
  /** Serves `body` at `path` (e.g. "/traces/a.json") from now on. */
  put(path: string, body: string | Buffer): void;
  /** Answers `path` with a 302 redirect to `location` from now on. */
  redirect(path: string, location: string): void;
  close(): Promise<void>;
}

/** Serves `root` and any files put in memory on 127.0.0.1 at a free port; with `cors`,
 *  the in-memory files may be fetched by pages of other origins (another site). */
export async function serve(root: string = DIST, opts: { cors?: boolean } = {}): Promise<TestServer> {
  const memory = new Map<string, Buffer>();
  const redirects = new Map<string, string>();
  const requests: string[] = [];
  const base = resolve(root);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(path);
    const to = redirects.get(path);
    if (to) {
      res.writeHead(302, { location: to, 'cache-control': 'no-store' });
      res.end();
      return;
    }
    const mem = memory.get(path);
    if (mem) {
      const cors = opts.cors ? { 'access-control-allow-origin': '*' } : {};
      res.writeHead(200, { 'content-type': TYPES[extname(path)] ?? 'application/octet-stream', 'content-length': String(mem.length), 'cache-control': 'no-store', ...cors });
      res.end(mem);
      return;
    }
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(base) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    put: (path, body) => memory.set(path, typeof body === 'string' ? Buffer.from(body) : body),
    redirect: (path, location) => redirects.set(path, location),
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/**
 * Starts Chromium headless with a fresh profile directory. Playwright refuses a
 * --user-data-dir argument and takes the directory through launchPersistentContext
 * instead; it adds its own --headless flag (new headless mode).
 */
export async function launch(viewport = { width: 1400, height: 1000 }): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'stroom-viewer-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Whether a Chromium suite can run. Under CI=true a missing Chromium registers a failing
 * test instead of skipping; elsewhere it warns with how to install it. Call at the top of
 * a suite file and pass the result to describe.skipIf.
 */
export function requireChromium(what: string, failingTest: (name: string, fn: () => void) => void): boolean {
  const have = chromiumAvailable();
  if (have) return true;
  if (process.env.CI === 'true') {
    failingTest('Chromium is installed for the viewer tests', () => {
      throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
    });
  } else {
    console.warn(`Chromium not found: apt-get install chromium (skipping ${what})`);
  }
  return false;
}
