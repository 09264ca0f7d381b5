// Where runs come from: trace files (file picker, drag and drop onto the page,
// ?trace=<url>, repeatable for side by side; from another site only once the user
// agrees) and runs made in the browser by the simulation worker (the "Run a scenario"
// panel, or ?run=<scenario>&design=<d>[,<d2>]&seed=<s>[&weeks=<w>]). Every failure is
// shown in the page's error banner.

import type { TraceFile } from '../../sim/model/trace-file.js';
import { clearError, messageOf, showError } from './errors.js';
import { fillSelect } from './dom.js';
import type { ScenarioInfo } from './scenarios.js';
import { confirmRemote, isSameOrigin } from './remote-confirm.js';
import { SimClient, type RunRequest } from './sim-client.js';
import { formatBytes, TraceFileError, traceFromFile, traceFromUrl } from './loading/trace-load.js';
import { checkRunQuery } from './loading/run-query.js';

/** Appended to a loading failure when runs are on screen: they stay. */
export function keptNote(): string {
  const n = Number(document.body.dataset.loaded ?? '0');
  return n > 0 ? `\nThe ${n > 1 ? `${n} runs` : 'run'} already on screen ${n > 1 ? 'are' : 'is'} kept.` : '';
}

export type LoadRuns = (traces: TraceFile[], labels?: (string | undefined)[]) => void;

export class Sources {
  private readonly load: LoadRuns;
  private readonly sim = new SimClient();
  private scenarios: ScenarioInfo[] | null = null;
  private readonly status: HTMLElement;
  private readonly bar: HTMLProgressElement;
  private running = false;
  /** How each run made in the browser was asked for, so it can be changed live. */
  private readonly made = new WeakMap<TraceFile, RunRequest>();

  constructor(load: LoadRuns) {
    this.load = load;
    this.status = document.getElementById('run-status')!;
    this.bar = document.getElementById('run-progress') as HTMLProgressElement;
    const input = document.getElementById('file') as HTMLInputElement;
    input.addEventListener('change', () => {
      if (input.files && input.files.length > 0) void this.openFiles([...input.files]);
      input.value = '';
    });
    this.installDrop();
    const panel = document.getElementById('run-panel') as HTMLDetailsElement;
    panel.addEventListener('toggle', () => {
      if (panel.open) void this.listScenarios();
    });
    const form = document.getElementById('run-form') as HTMLFormElement;
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      if (this.running) return;
      const f = new FormData(form);
      const design = f.get('design');
      if (typeof design !== 'string' || design === '') {
        showError('Pick a design first (the list fills once the scenarios have loaded).', 'Nothing to run yet');
        return;
      }
      const designs = design.split(',');
      const weeks = Number(f.get('weeks'));
      void this.runInBrowser(String(f.get('scenario')), designs, Number(f.get('seed')), weeks > 0 ? weeks : undefined);
    });
    (form.elements.namedItem('scenario') as HTMLSelectElement).addEventListener('change', () => this.fillDesigns());
  }

  private installDrop(): void {
    const zone = document.body;
    let depth = 0;
    zone.addEventListener('dragenter', (e) => {
      e.preventDefault();
      depth++;
      zone.classList.add('dragging');
    });
    zone.addEventListener('dragleave', () => {
      depth = Math.max(0, depth - 1);
      if (depth === 0) zone.classList.remove('dragging');
    });
    zone.addEventListener('dragover', (e) => e.preventDefault());
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      depth = 0;
      zone.classList.remove('dragging');
      const files = [...(e.dataTransfer?.files ?? [])];
      if (files.length > 0) void this.openFiles(files);
    });
  }

  private busy(text: string, fraction: number | null): void {
    this.status.textContent = text;
    this.bar.hidden = false;
    if (fraction === null) this.bar.removeAttribute('value');
    else this.bar.value = fraction;
  }

  private idle(text = ''): void {
    this.status.textContent = text;
    this.bar.hidden = true;
  }

  async openFiles(files: File[]): Promise<void> {
    if (files.length > 2) showError(`${files.length} files dropped; the viewer shows at most two runs side by side, so it opens the first two`, 'Note');
    this.busy(`Reading ${files.map((f) => f.name).join(' and ')}…`, null);
    try {
      const traces = await Promise.all(files.slice(0, 2).map((f) => traceFromFile(f)));
      if (files.length <= 2) clearError();
      this.idle();
      this.load(traces, files.slice(0, 2).map((f) => f.name));
    } catch (err) {
      this.idle();
      showError(messageOf(err) + keptNote(), err instanceof TraceFileError ? 'This file cannot be shown' : 'The file could not be read');
    }
  }

  async openUrls(urls: string[]): Promise<void> {
    this.busy(`Loading ${urls.join(' and ')}…`, null);
    try {
      const got = urls.slice(0, 2).map(() => 0);
      const traces = await Promise.all(
        urls.slice(0, 2).map((u, i) =>
          traceFromUrl(u, (bytes) => {
            got[i] = bytes;
            this.status.textContent = `Loading ${urls.join(' and ')}… ${formatBytes(got.reduce((a, b) => a + b, 0))}`;
          }),
        ),
      );
      clearError();
      this.idle();
      this.load(traces, urls.map((u) => u.split('/').pop()));
    } catch (err) {
      this.idle();
      showError(messageOf(err) + keptNote(), err instanceof TraceFileError ? 'This trace cannot be shown' : 'The trace could not be loaded');
    }
  }

  /** The built-in scenarios; `quiet` leaves the status line alone (asked in the background). */
  async listScenarios(quiet = false): Promise<ScenarioInfo[]> {
    if (this.scenarios) return this.scenarios;
    const select = document.querySelector<HTMLSelectElement>('#run-form select[name=scenario]')!;
    if (!quiet) this.busy('Loading scenarios…', null);
    try {
      this.scenarios = await this.sim.list();
      if (!quiet) this.idle();
    } catch (err) {
      if (!quiet) this.idle();
      showError(messageOf(err), 'The simulation worker is not available');
      return [];
    }
    fillSelect(select, this.scenarios.map((s) => ({ value: s.id, text: `${s.name}${s.error ? ' (does not load)' : ''}`, disabled: Boolean(s.error) })));
    const broken = this.scenarios.filter((s) => s.error);
    if (broken.length > 0) showError(broken.map((s) => `${s.id}: ${s.error}`).join('\n'), 'A built-in scenario does not load');
    this.fillDesigns();
    return this.scenarios;
  }

  private fillDesigns(): void {
    const form = document.getElementById('run-form') as HTMLFormElement;
    const id = (form.elements.namedItem('scenario') as HTMLSelectElement).value;
    const s = this.scenarios?.find((x) => x.id === id);
    if (!s) return;
    const pairs = s.designs.includes('island') && s.designs.includes('usm') ? ['island,usm'] : [];
    fillSelect(form.elements.namedItem('design') as HTMLSelectElement, [
      ...pairs.map((p) => ({ value: p, text: `${p.replace(',', ' and ')} side by side` })),
      ...s.designs.map((d) => ({ value: d, text: d })),
    ]);
    (form.elements.namedItem('seed') as HTMLInputElement).value = String(s.defaults.seed);
    (form.elements.namedItem('weeks') as HTMLInputElement).value = String(s.defaults.weeks);
    document.getElementById('run-about')!.textContent = `${s.description} Default: ${s.defaults.weeks} weeks observed after ${s.defaults.warmupWeeks} weeks warm-up.`;
  }

  /** Runs one or two designs of a scenario in the worker, one after the other, then shows them. */
  async runInBrowser(scenario: string, designs: string[], seed: number, weeks?: number): Promise<void> {
    if (this.running) return;
    const traces: TraceFile[] = [];
    this.setRunning(true);
    try {
      for (const [k, design] of designs.slice(0, 2).entries()) {
        const of = designs.length > 1 ? ` (${k + 1} of ${designs.length})` : '';
        this.busy(`Running ${scenario} · ${design} · seed ${seed}${of}…`, 0);
        const t0 = performance.now();
        const req: RunRequest = { scenario, design, seed, ...(weeks !== undefined ? { weeks } : {}) };
        const trace = await this.sim.run(req, (f, phase) =>
          this.busy(`Running ${scenario} · ${design} · seed ${seed}${of}: ${phase} ${Math.round(f * 100)}% (${((performance.now() - t0) / 1000).toFixed(1)} s)`, f),
        );
        this.made.set(trace, req);
        traces.push(trace);
      }
      clearError();
      this.idle(`Ran ${designs.join(' and ')} in the browser.`);
      this.load(traces);
    } catch (err) {
      this.idle();
      showError(messageOf(err) + keptNote(), 'The run failed');
    } finally {
      this.setRunning(false);
    }
  }

  /** The request a run on screen was made with in the browser, or null (a trace file). */
  requestOf(trace: TraceFile): RunRequest | null {
    return this.made.get(trace) ?? null;
  }

  /** Makes a run again with a live change (one more timeline entry); the page swaps it in. */
  async remake(req: RunRequest): Promise<TraceFile | null> {
    if (this.running) return null;
    this.setRunning(true);
    try {
      const t0 = performance.now();
      const trace = await this.sim.run(req, (f, phase) =>
        this.busy(`Changing ${req.design} ${req.change ? `(${Math.round(req.change.at / 40) + 1})` : ''}: ${phase} ${Math.round(f * 100)}% (${((performance.now() - t0) / 1000).toFixed(1)} s)`, f),
      );
      this.made.set(trace, req);
      this.idle('Changed: the run continues with the new policies.');
      return trace;
    } catch (err) {
      this.idle();
      showError(messageOf(err) + keptNote(), 'The change could not be made');
      return null;
    } finally {
      this.setRunning(false);
    }
  }

  /** While a run is under way the Run button is disabled (one run at a time). */
  private setRunning(on: boolean): void {
    this.running = on;
    const button = document.querySelector<HTMLButtonElement>('#run-form button[type=submit]');
    if (button) {
      button.disabled = on;
      button.textContent = on ? 'Running…' : 'Run';
    }
    document.body.dataset.running = String(on);
  }

  /** Acts on ?trace=…(&trace=…) and ?run=…&design=…&seed=…&weeks=…; true if it did something. */
  fromQuery(params: URLSearchParams): boolean {
    const urls = params.getAll('trace').flatMap((t) => t.split(',')).filter(Boolean);
    if (urls.length > 0) {
      const foreign = urls.filter((u) => !isSameOrigin(u));
      if (foreign.length === 0) void this.openUrls(urls);
      else {
        this.idle('A trace from another site is waiting for your go-ahead.');
        void confirmRemote(foreign).then((ok) => (ok ? this.openUrls(urls) : this.idle('Not loaded: the trace is on another site.')));
      }
      return true;
    }
    const run = params.get('run');
    if (run) {
      const q = checkRunQuery(params);
      if (typeof q === 'string') {
        showError(q, 'The address asks for a run that cannot be made');
        return true;
      }
      void this.runInBrowser(q.scenario, q.designs, q.seed, q.weeks);
      return true;
    }
    return false;
  }
}
