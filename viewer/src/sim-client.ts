// The page's side of the simulation worker: starts it on first use, turns its messages
// into promises and progress callbacks, and turns a worker that fails to start or
// crashes into an error the page can show.

import type { TraceFile } from '../../sim/model/trace-file.js';
import type { ChangeRequest } from './live/prepare.js';
import type { ScenarioInfo } from './scenarios.js';
import type { WorkerReply, WorkerRequest } from './worker-protocol.js';

export interface RunRequest {
  scenario: string;
  design: string;
  seed: number;
  weeks?: number;
  warmupWeeks?: number;
  /** A live change: the run with one more timeline entry. */
  change?: ChangeRequest;
}

interface Pending {
  resolve: (t: TraceFile) => void;
  reject: (e: Error) => void;
  progress: (fraction: number, phase: string) => void;
}

export class SimClient {
  private worker: Worker | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private listWaiters: { resolve: (s: ScenarioInfo[]) => void; reject: (e: Error) => void }[] = [];

  private get w(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'stroom-sim' });
    w.onmessage = (e: MessageEvent<WorkerReply>) => this.receive(e.data);
    w.onerror = (e) => this.failAll(new Error(`the simulation worker failed: ${e.message || 'it could not be started'}`));
    w.onmessageerror = () => this.failAll(new Error('the simulation worker sent a message that could not be read'));
    this.worker = w;
    return w;
  }

  private send(m: WorkerRequest): void {
    this.w.postMessage(m);
  }

  private failAll(err: Error): void {
    for (const p of this.pending.values()) p.reject(err);
    this.pending.clear();
    for (const l of this.listWaiters) l.reject(err);
    this.listWaiters = [];
    this.worker?.terminate();
    this.worker = null;
  }

  private receive(m: WorkerReply): void {
    if (m.type === 'list') {
      for (const l of this.listWaiters) l.resolve(m.scenarios);
      this.listWaiters = [];
      return;
    }
    const p = this.pending.get(m.id);
    if (!p) {
      if (m.type === 'error') this.failAll(new Error(m.message));
      return;
    }
    if (m.type === 'progress') p.progress(m.fraction, m.phase);
    else if (m.type === 'done') {
      this.pending.delete(m.id);
      p.resolve(m.trace);
    } else {
      this.pending.delete(m.id);
      p.reject(new Error(m.message));
    }
  }

  list(): Promise<ScenarioInfo[]> {
    return new Promise((resolve, reject) => {
      this.listWaiters.push({ resolve, reject });
      this.send({ type: 'list' });
    });
  }

  run(req: RunRequest, progress: (fraction: number, phase: string) => void): Promise<TraceFile> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress });
      this.send({ type: 'run', id, ...req });
    });
  }
}
