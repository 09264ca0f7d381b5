// Vite configuration of the viewer. Works both as `vite viewer` / `vite build viewer`
// from the repository root and with `--config viewer/vite.config.ts`: the root is this
// directory whatever the working directory. base './' makes the built site work from
// any web server path (GitHub Pages subpath, a file share behind nginx, ...).

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: here,
  base: './',
  // The viewer imports the model from ../sim and scenarios from ../scenarios.
  server: { fs: { allow: [repo] } },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The worker bundles the scenario loader (mathjs, ajv, yaml): large, but only
    // fetched when a scenario is run in the browser.
    chunkSizeWarningLimit: 2500,
    sourcemap: false,
  },
});
