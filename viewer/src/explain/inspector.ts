// The person inspector: click a person's mark and a small panel says who they are
// (roles, team), what they are doing now, how many escalations wait for them, and
// where their hours went this week up to the clock (from the activity events). Refreshed with the clock while open.

import { WEEK_HOURS } from '../../../sim/model/spec.js';
import type { RunBundle } from '../bundle.js';
import { h } from '../dom.js';
import { formatNumber } from '../format.js';
import { ACTIVITY_MARKS } from '../palette.js';
import { upperBound, type RunData } from '../run-data.js';

/** Hours per activity of one person from the start of t's week up to t, from the events. */
export function weekSoFar(run: RunData, person: number, t: number): Float64Array {
  const { ev, codes } = run;
  const out = new Float64Array(run.activityNames.length);
  const w0 = Math.floor(t / WEEK_HOURS) * WEEK_HOURS;
  const i0 = upperBound(ev.time, ev.n, w0);
  const i1 = upperBound(ev.time, ev.n, t);
  // The activity in force at the week's start: the person's last activity event before it.
  let cur = run.activity.idle ?? 0;
  for (let i = i0 - 1; i >= 0; i--) {
    if (ev.type[i] === codes.activity && ev.a[i] === person) {
      cur = ev.b[i]!;
      break;
    }
  }
  let since = w0;
  for (let i = i0; i < i1; i++) {
    if (ev.type[i] !== codes.activity || ev.a[i] !== person) continue;
    out[cur] = out[cur]! + (ev.time[i]! - since);
    cur = ev.b[i]!;
    since = ev.time[i]!;
  }
  out[cur] = out[cur]! + (t - since);
  return out;
}

export class Inspector {
  private readonly el: HTMLElement;
  private readonly body: HTMLElement;
  private bundle: RunBundle | null = null;
  private person = -1;
  private waiting: (p: number) => number = () => 0;
  private shownKey = '';

  constructor() {
    this.el = h('aside', { class: 'inspector', attrs: { id: 'inspector', 'aria-live': 'polite' } });
    this.el.hidden = true;
    const close = h('button', { class: 'inspector-close', attrs: { type: 'button', 'aria-label': 'Close' } }, '×');
    close.addEventListener('click', () => this.close());
    this.body = h('div', {});
    this.el.append(close, this.body);
    document.body.appendChild(this.el);
  }

  show(bundle: RunBundle, person: number, waiting: (p: number) => number, t: number): void {
    this.bundle = bundle;
    this.person = person;
    this.waiting = waiting;
    this.shownKey = '';
    this.el.hidden = false;
    this.update(t);
  }

  close(): void {
    this.el.hidden = true;
    this.bundle = null;
  }

  update(t: number): void {
    const b = this.bundle;
    if (!b || this.el.hidden) return;
    const run = b.data;
    const p = run.persons[this.person];
    if (!p) return;
    const week = Math.min(b.weeks.weeks - 1, Math.floor(t / WEEK_HOURS));
    const act = run.activityNames[b.replay.activity[this.person]!] ?? '?';
    const sofar = weekSoFar(run, this.person, t);
    const hours = run.activityNames.map((name, a) => ({ name, v: sofar[a]! })).filter((x) => x.v > 0.05 && x.name !== 'off');
    const key = `${t.toFixed(1)}|${act}|${this.waiting(this.person)}`;
    if (key === this.shownKey) return;
    this.shownKey = key;
    const team = p.team >= 0 ? run.trace.organisation.teams[p.team]?.name : undefined;
    this.body.replaceChildren(
      h('h3', {}, p.name),
      h('p', {}, `${run.trace.design} · roles: ${p.roles.join(', ') || 'none'}${team ? ` · team ${team}` : ''}`),
      h('p', {}, `Now: ${ACTIVITY_MARKS[act]?.label ?? act} · escalations waiting for them: ${this.waiting(this.person)}`),
      h('p', {}, `Week ${week + 1} so far (working hours):`),
      h('ul', {}, ...hours.map((x) => h('li', {}, `${ACTIVITY_MARKS[x.name]?.label ?? x.name}: ${formatNumber(x.v)} h`))),
    );
  }
}
