#!/usr/bin/env node
// The `stroom` executable: loads the TypeScript sources through tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../sim/cli/entry.ts');
