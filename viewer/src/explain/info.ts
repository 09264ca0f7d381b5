// "What am I looking at?": the model and every mark on screen explained in a trainer's
// words, one click from the header. Plain text nodes only (no markup from anywhere).

import { h } from '../dom.js';

const SECTIONS: [string, string[]][] = [
  [
    'The model',
    [
      'Requests arrive in value streams (the columns) and pass through teams (the rows). Operators do the work; questions that a team cannot settle on its own go to a coordinator, a manager or a meeting: that is an escalation.',
      'When a manager settles an escalation by stepping in personally, the case is solved but nothing changes for the next one: that is compensation. When the problem is turned into a design item (an agreement, a clearer handover), the same kind of question stops coming back.',
      'The loop the viewer shows: escalations pull managers into compensating, compensating leaves less time for design, and without design the same problems keep returning.',
      'Two designs of the same organisation run on the same random draws: island (each team on its own, managers also coordinate) and USM (coordination roles, reserved design time, agreed rules for collisions). People behave the same in both; only the structure differs.',
    ],
  ],
  [
    'The matrix',
    [
      'Top lanes: meetings and the management team, then managers, then coordinators who do not operate. Each team row has a cell per stream and its operators at the right.',
      'A cell’s shade and its orange bar show how many requests wait there on average that week; the number says it exactly. Hatched cells: the stream does not pass that team.',
      'Each person is a mark whose colour and shape say what they are doing now (see the legend). Black dots travel from a case to whoever receives the escalation and pile up beside them while they wait; “+N” counts what does not fit the pile. When an escalation ends, a coloured mark shows how it ended, for a moment.',
    ],
  ],
  [
    'The figures and charts',
    [
      'The three figures under each run count from the end of warm-up to the clock: escalations per 100 requests, the share of managers’ working time spent compensating, and the mean lead time. The right run also shows its difference from the left.',
      'Whose week: where managers’ hours go, week by week (design, compensation, meetings, other work, overtime). Coverage: how much of the organisation’s handovers is covered by agreements, against the design backlog. KPI gap: the teams’ own targets met versus the customer’s due date met end to end. Lead time: how long finished requests took.',
      'Each chart can be saved as a picture (PNG) or as its numbers (CSV).',
    ],
  ],
  [
    'Controls',
    [
      'Start, week and day steps, End, or type a week and Go; the numbered markers on the time bar are the timeline’s phases. Speeds run from ×1 (a working hour per second) to ×512.',
      'Follow an escalation to read its story step by step; click a person to see their roles and their week so far. For a run made in the browser, “Change now…” changes a policy from the next week on and the run continues.',
    ],
  ],
];

export function installInfo(): void {
  const aside = h('aside', { class: 'info', attrs: { id: 'info', 'aria-label': 'What am I looking at?' } });
  aside.hidden = true;
  const close = h('button', { class: 'info-close', attrs: { type: 'button', 'aria-label': 'Close' } }, '×');
  aside.append(
    h('div', { class: 'info-head' }, h('strong', {}, 'What am I looking at?'), close),
    ...SECTIONS.map(([title, paras]) => h('section', {}, h('h3', {}, title), ...paras.map((p) => h('p', {}, p)))),
  );
  document.body.appendChild(aside);
  const button = document.getElementById('info-toggle')!;
  const toggle = (on: boolean) => {
    aside.hidden = !on;
    button.setAttribute('aria-pressed', String(on));
  };
  button.addEventListener('click', () => toggle(aside.hidden !== false));
  close.addEventListener('click', () => toggle(false));
}
