// The "Change now…" panel: for runs made in the browser, the trainer picks a policy
// (or another design's policies) and the run is made again with that change as a
// timeline entry at the next week boundary (live/prepare.ts); the new run replaces the
// old one on screen and the clock stays where it was, so the room sees the run go on
// under the new policies. Everything before the change is the same run.

import type { App } from '../app.js';
import { fillSelect } from '../dom.js';
import { showError } from '../errors.js';
import type { Sources } from '../sources.js';

/** Policy fields a trainer may change, with the values offered (see sim/model/spec.ts Policies). */
const FIELDS: Record<string, { text: string; values: (string | number | boolean)[] }> = {
  protectedDesignShare: { text: "managers' reserved design time (share)", values: [0, 0.1, 0.2, 0.3, 0.4, 0.5] },
  dominance: { text: 'who wins a line/process collision', values: ['none', 'line', 'process'] },
  processCoordinator: { text: 'process coordination', values: ['none', 'informal', 'explicit'] },
  managerIsLineCoordinator: { text: 'manager is also line coordinator', values: [true, false] },
  mtAgenda: { text: 'MT agenda', values: ['incident-first', 'design-first'] },
  meetingCadenceFactor: { text: 'meeting cadence (× as designed; 0 cancels)', values: [0, 0.5, 1, 2] },
};

export function installLivePanel(app: App, sources: Sources): { refresh(): void } {
  const panel = document.getElementById('live-panel') as HTMLDetailsElement;
  const form = document.getElementById('live-form') as HTMLFormElement;
  const runSel = form.elements.namedItem('run') as HTMLSelectElement;
  const whatSel = form.elements.namedItem('what') as HTMLSelectElement;
  const valueSel = form.elements.namedItem('value') as HTMLSelectElement;
  const about = document.getElementById('live-about')!;
  let designs: string[] = [];

  const shown = () => (app.sideBySide ? app.bundles.slice(0, 2) : app.bundles.slice(0, 1));

  const fillValues = () => {
    const what = whatSel.value;
    if (what === 'design') fillSelect(valueSel, designs.map((d) => ({ value: d, text: d })));
    else fillSelect(valueSel, (FIELDS[what]?.values ?? []).map((v) => ({ value: String(v), text: String(v) })));
    about.textContent =
      what === 'design'
        ? "Adopts that design's roles, routes, rules, reserved time and meeting cadence from the next week on (people and their behaviour stay; the starting definitions are a fact of the start)."
        : 'Changes this one policy from the next week on; everything else stays.';
  };

  const refresh = () => {
    const runs = shown();
    const made = runs.map((b) => sources.requestOf(b.data.trace));
    panel.hidden = !made.some(Boolean);
    fillSelect(runSel, runs.flatMap((b, i) => (made[i] ? [{ value: String(i), text: `${runs.length > 1 ? (i === 0 ? 'left: ' : 'right: ') : ''}${b.data.trace.design}` }] : [])));
    const req = made.find(Boolean);
    if (req) {
      void sources.listScenarios(true).then((list) => {
        designs = list.find((s) => s.id === req.scenario)?.designs ?? [];
        const keep = whatSel.value;
        fillSelect(whatSel, [{ value: 'design', text: 'switch to the policies of design…' }, ...Object.entries(FIELDS).map(([k, f]) => ({ value: k, text: f.text }))]);
        if (keep) whatSel.value = keep;
        fillValues();
      });
    }
  };

  whatSel.addEventListener('change', fillValues);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const k = Number(runSel.value);
    const bundle = shown()[k];
    const req = bundle ? sources.requestOf(bundle.data.trace) : null;
    if (!bundle || !req) {
      showError('Live changes need a run made in the browser ("Run a scenario in the browser…").', 'Nothing to change');
      return;
    }
    // From the next week boundary: what the room has seen stays as it was.
    const at = Math.max(40, Math.ceil(app.clock.time / 40 - 1e-9) * 40);
    if (at >= bundle.data.totalHours) {
      showError('The run has no week left after this one: go back a little and change from there.', 'Too late to change');
      return;
    }
    const what = whatSel.value;
    const raw = valueSel.value;
    let change;
    if (what === 'design') change = { at, design: raw };
    else {
      const sample = FIELDS[what]?.values[0];
      const value = typeof sample === 'number' ? Number(raw) : typeof sample === 'boolean' ? raw === 'true' : raw;
      change = { at, policies: { [what]: value } };
    }
    // One change per run: the request of a changed run already carries its change.
    const base = req.change ? null : req;
    if (!base) {
      showError('This run already has a live change; start a new run to change it again.', 'One change per run');
      return;
    }
    void sources.remake({ ...base, change }).then((trace) => {
      if (!trace) return;
      const traces = app.bundles.map((b) => b.data.trace);
      const labels: (string | undefined)[] = app.bundles.map((b) => b.data.label);
      traces[k] = trace;
      labels[k] = undefined;
      app.load(traces, labels, true);
      panel.open = false;
      refresh();
    });
  });
  return { refresh };
}
