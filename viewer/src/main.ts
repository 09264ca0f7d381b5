// Entry point of the viewer page: error reporting first (so nothing after it can fail
// silently), then the application, its sources of runs, the keyboard and the buttons
// in the header, and finally whatever the URL asks for (?trace=, ?run=, ?trainer=1).

import 'uplot/dist/uPlot.min.css';
import './styles.css';
import './runs.css';
import './layout/panels.css';
import './layout/trainer.css';
import { App } from './app.js';
import { installGlobalHandlers, messageOf, showError } from './errors.js';
import { KEY_HELP, installKeyboard } from './keyboard.js';
import { installInfo } from './explain/info.js';
import { installLivePanel } from './live/live-panel.js';
import { LOAD_LIMITS } from './loading/trace-load.js';
import { keptNote, Sources } from './sources.js';

declare global {
  interface Window {
    /** Handle for tests and the frame-rate bench; not an API. */
    stroomViewer?: { app: App; sources: Sources; limits: typeof LOAD_LIMITS };
  }
}

function start(): void {
  installGlobalHandlers();
  const app = new App();
  let live: { refresh(): void } | null = null;
  const sources = new Sources((traces, labels) => {
    try {
      app.load(traces, labels);
      live?.refresh();
    } catch (err) {
      showError(messageOf(err) + keptNote(), 'This run cannot be shown');
    }
  });
  live = installLivePanel(app, sources);
  installInfo();
  installKeyboard({
    togglePlay: () => app.clock.toggle(),
    stepWeeks: (n) => app.clock.stepWeeks(n),
    stepDays: (n) => app.clock.stepDays(n),
    toStart: () => app.clock.toStart(),
    toEnd: () => app.clock.toEnd(),
    toggleLegend: () => app.toggleLegend(),
    faster: () => app.clock.faster(),
    slower: () => app.clock.slower(),
    toggleTrainer: () => app.setTrainer(!app.trainer),
    toggleSideBySide: () => app.toggleSideBySide(),
    toggleFollow: () => app.toggleFollow(),
    followStep: (d) => app.follow.step(d),
    closeFollow: () => app.follow.close(),
  });
  document.getElementById('keys')!.textContent = KEY_HELP;
  document.getElementById('trainer-toggle')!.addEventListener('click', () => app.setTrainer(!app.trainer));
  document.getElementById('legend-toggle')!.addEventListener('click', () => app.toggleLegend());
  document.getElementById('sbs-toggle')!.addEventListener('click', () => app.toggleSideBySide());
  document.getElementById('follow-toggle')!.addEventListener('click', () => app.toggleFollow());
  window.stroomViewer = { app, sources, limits: LOAD_LIMITS };
  const params = new URLSearchParams(window.location.search);
  if (params.get('trainer') === '1') app.setTrainer(true);
  sources.fromQuery(params);
  document.body.dataset.ready = 'true';
}

try {
  start();
} catch (err) {
  showError(messageOf(err), 'The viewer could not start');
}
