// The set-up every viewer end-to-end suite shares: its own build folder (suites run in
// parallel and each build empties its folder), a server on 127.0.0.1 holding the suite's
// files, and Chromium at the given viewport with one page; all torn down after the suite.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildViewer, launch, serve, type Browser, type TestServer } from './harness.js';

export interface ViewerRig {
  server: TestServer;
  browser: Browser;
  page: Page;
}

/** Registers the suite's beforeAll/afterAll; the rig's fields are set once beforeAll has run. */
export function viewerRig(files: (server: TestServer) => void, viewport = { width: 1280, height: 720 }): ViewerRig {
  const site = mkdtempSync(join(tmpdir(), 'stroom-viewer-site-'));
  const rig = {} as ViewerRig;
  beforeAll(async () => {
    await buildViewer(site);
    rig.server = await serve(site);
    files(rig.server);
    rig.browser = await launch(viewport);
    rig.page = rig.browser.context.pages()[0] ?? (await rig.browser.context.newPage());
  });
  afterAll(async () => {
    await rig.browser?.close();
    await rig.server?.close();
    rmSync(site, { recursive: true, force: true });
  });
  return rig;
}
