// Worker entry used when the pool runs from TypeScript sources (tsx, vitest).
// Worker threads do not inherit the parent's TypeScript loader, and on Node 20
// `--import tsx` in a worker's execArgv is ignored, so this plain-JS shim registers
// tsx's ESM hooks inside the worker before importing the real (TypeScript) worker;
// the hooks then also cover the model's run module and everything it imports.
import { register } from 'tsx/esm/api';

register();
const { default: runChunk } = await import('./pool-worker.ts');

export default runChunk;
