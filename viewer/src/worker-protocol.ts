// Messages between the page and the simulation worker (worker.ts). Plain data only:
// they cross the thread boundary by structured clone.

import type { TraceFile } from '../../sim/model/trace-file.js';
import type { ChangeRequest } from './live/prepare.js';
import type { ScenarioInfo } from './scenarios.js';

export type WorkerRequest =
  | { type: 'list' }
  | { type: 'run'; id: number; scenario: string; design: string; seed: number; weeks?: number; warmupWeeks?: number; change?: ChangeRequest };

export type WorkerReply =
  | { type: 'list'; scenarios: ScenarioInfo[] }
  | { type: 'progress'; id: number; fraction: number; phase: string }
  | { type: 'done'; id: number; trace: TraceFile }
  | { type: 'error'; id: number; message: string };
