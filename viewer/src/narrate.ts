// Plain-English narration of one request or one escalation, built from its events:
// arrival, steps started and finished, each question and how it was answered, every
// hop of an escalation and its fate, completion. Each step also says *why* where the
// model has a reason (no agreement covered it, the manager fixed it personally so no
// design signal was left, ...), because that is what a trainer wants a room to see.

import { formatClock, formatDuration } from './format.js';
import type { EscalationTracks } from './escalations.js';
import type { RunData } from './run-data.js';

export interface NarrationStep {
  time: number;
  /** Event index in the run (steps are in event order). */
  event: number;
  kind: string;
  text: string;
  /** Escalation track this step belongs to, -1 if none. */
  track: number;
  /** Where the request is after this step: cell (team * streams + stream) and the
   *  person working on it; -1 when not known or not in a cell (done). */
  cell: number;
  person: number;
}

export interface Narration {
  title: string;
  serial: number;
  /** Track followed when the narration is of an escalation without a known case. */
  track: number;
  steps: NarrationStep[];
}

function personName(run: RunData, p: number): string {
  return run.persons[p]?.name ?? `person ${p}`;
}

function meetingName(run: RunData, m: number): string {
  return run.trace.organisation.meetings[m]?.name ?? `meeting ${m}`;
}

function receiverName(run: RunData, r: number): string {
  return r >= 0 ? personName(run, r) : `the ${meetingName(run, -1 - r)}`;
}

/** "priority", or "priority (“Wat heeft voorrang?”)" when the scenario names it otherwise. */
function questionName(run: RunData, q: number): string {
  const qt = run.trace.organisation.questionTypes[q];
  if (!qt) return 'an open point';
  return qt.name && qt.name !== qt.id ? `${qt.id} (“${qt.name}”)` : qt.id;
}

function teamName(run: RunData, id: string | undefined): string {
  return run.trace.organisation.teams.find((t) => t.id === id)?.name ?? id ?? 'a team';
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function hopText(run: RunData, receiver: number, level: number, first: boolean, linked: boolean): string {
  const lead = first ? (linked ? 'The escalation goes to' : 'An escalation (a line/process collision or a rejected handover) goes to') : 'It is passed on to';
  if (receiver < 0) return `${lead} the agenda of ${receiverName(run, receiver)}, which handles it at its next session.`;
  const who = personName(run, receiver);
  if (level === 0) return `${lead} ${who}, the coordinator who owns this kind of question.`;
  return `${lead} ${who}, a manager: the problem has moved up the line.`;
}

function outcomeText(run: RunData, tracks: EscalationTracks, j: number, outcome: string, by: number, waited: number): string {
  const who = by >= 0 ? personName(run, by) : '';
  const after = `after ${formatDuration(waited)}`;
  const hops = tracks.hops[j]!;
  const last = hops[hops.length - 1];
  switch (outcome) {
    case 'compensated':
      return `${capital(after)}, ${who} fixes it personally. The case moves again, but the fix rarely leaves a design signal, so the same gap tends to come back; the recognition makes stepping in likelier next time.`;
    case 'referred':
      return `${capital(after)}, ${who} points to an existing agreement, and the case goes on.`;
    case 'resolved':
      return `${capital(after)}, ${who || 'the coordinator'} connects it to what is already agreed, and the case goes on.`;
    case 'signalled':
      return `${capital(after)}, the fallback rule applies and the case goes on. Nobody fixed it by hand: the problem was recorded as a design signal, so managers can design it away; if they do, whoever raised it learns that signalling pays.`;
    case 'meeting':
      return `${capital(after)}, ${last && last.receiver < 0 ? receiverName(run, last.receiver) : 'a meeting'} settles it with the other items on its agenda.`;
    case 'withdrawn':
      return `${capital(after)}, the case it was about has moved on, so the escalation is withdrawn: nobody spends time on a case that is already past this point.`;
    default:
      return `${capital(after)}, the escalation ends (${outcome}).`;
  }
}

function questionText(run: RunData, how: string, q: number, operator: number): string {
  const op = operator >= 0 ? personName(run, operator) : 'the operator';
  const about = `a question about ${questionName(run, q)} comes up.`;
  switch (how) {
    case 'explicit':
      return `${capital(about)} An explicit agreement answers it straight away.`;
    case 'meeting':
      return `${capital(about)} An agreement made in a meeting still covers it, so it is answered straight away.`;
    case 'tacit':
      return `${capital(about)} No written agreement covers it, but a key person knows the answer from memory, so the case waits for their time.`;
    case 'improvised':
      return `${capital(about)} No agreement covers it and nobody knows, so ${op} improvises (extra effort, rework risk).`;
    case 'escalated':
      return `${capital(about)} No agreement covers it and nobody knows, so ${op} escalates it.`;
    case 'signalled':
      return `${capital(about)} No agreement covers it and nobody knows, so ${op} escalates it (to the team's coach, while the team has one) and reports the gap as a design signal, so managers can design it away.`;
    case 'coach':
      return `${capital(about)} No agreement covers it and nobody in the team knows, so ${op} passes it to the team's coach, and the case waits for the coach's answer.`;
    case 'contract':
      return `${capital(about)} Only the supplier knows this part, so the question goes through the contract, and the case waits for the supplier's answer.`;
    default:
      return `${capital(about)} (${how})`;
  }
}

/** Narrates everything that happens to request `serial`, with the escalations it raised. */
export function narrateRequest(run: RunData, tracks: EscalationTracks, serial: number): Narration {
  const { ev, codes } = run;
  const mine = new Set<number>();
  for (let j = 0; j < tracks.count; j++) if (tracks.serial[j] === serial) mine.add(tracks.id[j]!);
  const steps: NarrationStep[] = [];
  let stream = -1;
  let operator = -1;
  let arrived = Number.NaN;
  let cell = -1;
  let working = -1;
  const nS = run.trace.organisation.streams.length;
  const cellOf = (step: number) => {
    const team = run.teamIndex.get(run.trace.organisation.streams[stream]?.steps[step] ?? '');
    return team === undefined ? -1 : team * nS + stream;
  };
  const seenHops = new Map<number, number>();
  for (let i = 0; i < ev.n; i++) {
    const k = ev.type[i]!;
    const a = ev.a[i]!;
    const t = ev.time[i]!;
    const at = formatClock(t);
    const push = (kind: string, text: string, track = -1) =>
      steps.push({ time: t, event: i, kind, text: `${at}: ${text}`, track, cell, person: working });
    if (k === codes.escalate || k === codes.resolved) {
      if (!mine.has(a)) continue;
      const j = tracks.trackOf.get(a)!;
      if (k === codes.escalate) {
        const h = seenHops.get(a) ?? 0;
        seenHops.set(a, h + 1);
        push('escalate', hopText(run, ev.b[i]!, ev.c[i]!, h === 0, true), j);
      } else {
        push('resolved', outcomeText(run, tracks, j, run.outcomeNames[ev.b[i]!] ?? '?', ev.c[i]!, t - tracks.start[j]!), j);
      }
      continue;
    }
    if (a !== serial) continue;
    if (k === codes.arrive) {
      stream = ev.b[i]!;
      arrived = t;
      cell = cellOf(0);
      const s = run.trace.organisation.streams[stream];
      push('arrive', `a new ${s?.name ?? 'unknown'} request (#${serial}) arrives${ev.c[i]! ? ', marked urgent' : ''}.`);
    } else if (k === codes.stepStart) {
      operator = ev.c[i]!;
      const s = run.trace.organisation.streams[stream];
      const step = ev.b[i]!;
      cell = cellOf(step);
      working = operator;
      const team = teamName(run, s?.steps[step]);
      push('step-start', `the request reaches ${team} (step ${step + 1} of ${s?.steps.length ?? '?'}); ${personName(run, operator)} picks it up.`);
    } else if (k === codes.question) {
      push('question', questionText(run, run.howNames[ev.c[i]!] ?? '?', ev.b[i]!, operator));
    } else if (k === codes.stepDone) {
      const next = ev.b[i]! + 1;
      cell = next < (run.trace.organisation.streams[stream]?.steps.length ?? 0) ? cellOf(next) : -1;
      working = -1;
      const team = run.trace.organisation.teams[ev.c[i]!]?.name ?? 'the team';
      push('step-done', `${team} finishes step ${ev.b[i]! + 1} and hands the request on.`);
    } else if (k === codes.done) {
      cell = -1;
      working = -1;
      const lead = Number.isFinite(arrived) ? arrived : t - ev.c[i]!;
      push('done', `the request is done, ${formatDuration(t - lead)} of working time after it arrived.`);
    }
  }
  const s = run.trace.organisation.streams[stream];
  return { title: `Request #${serial}${s ? ` (${s.name})` : ''}`, serial, track: -1, steps };
}

const REASONS: Record<string, string> = {
  question: 'the operator met a question the team could not settle on its own',
  collision: 'line and process steering asked for different things and someone had to decide',
  handover: 'a handover between teams did not fit what the next team needed',
};

/** Why escalation `id` was raised, from its raise event (trace version 2), or null. */
function raiseReason(run: RunData, id: number): string | null {
  const { ev, codes } = run;
  if (codes.raise < 0) return null;
  for (let i = 0; i < ev.n; i++) {
    if (ev.type[i] !== codes.raise || ev.a[i] !== id) continue;
    const r = run.trace.codes.reasons[ev.c[i]!] ?? '';
    return Object.hasOwn(REASONS, r) ? REASONS[r]! : `reason "${r}"`;
  }
  return null;
}

/** Narrates one escalation: its case's story if the case is known, else the escalation alone. */
export function narrateEscalation(run: RunData, tracks: EscalationTracks, j: number): Narration {
  const serial = tracks.serial[j]!;
  if (serial >= 0) {
    // The case's story, but only this escalation's hops and its one ending (a case can
    // raise several escalations; theirs are other stories), with why it was raised.
    const n = narrateRequest(run, tracks, serial);
    const steps = n.steps.filter((x) => (x.kind !== 'escalate' && x.kind !== 'resolved') || x.track === j);
    const why = raiseReason(run, tracks.id[j]!);
    if (why) {
      const at = tracks.start[j]!;
      const k = steps.findIndex((x) => x.kind === 'escalate' && x.track === j);
      steps.splice(k < 0 ? steps.length : k, 0, { time: at, event: -1, kind: 'why', text: `${formatClock(at)}: why an escalation is raised: ${why}.`, track: j, cell: -1, person: -1 });
    }
    if (!steps.some((x) => x.kind === 'resolved' && x.track === j)) {
      steps.push({ time: run.totalHours, event: -1, kind: 'open', text: `${formatClock(run.totalHours)}: the run ends with this escalation still open.`, track: j, cell: -1, person: -1 });
    }
    return { ...n, steps, title: `Escalation ${tracks.id[j]} of request #${serial}`, track: j };
  }
  const steps: NarrationStep[] = [];
  const hops = tracks.hops[j]!;
  hops.forEach((h, k) =>
    steps.push({ time: h.time, event: -1, kind: 'escalate', text: `${formatClock(h.time)}: ${hopText(run, h.receiver, h.level, k === 0, false)}`, track: j, cell: -1, person: -1 }),
  );
  const end = tracks.end[j]!;
  if (Number.isFinite(end)) {
    const outcome = run.outcomeNames[tracks.outcome[j]!] ?? '?';
    steps.push({ time: end, event: -1, kind: 'resolved', text: `${formatClock(end)}: ${outcomeText(run, tracks, j, outcome, tracks.by[j]!, end - tracks.start[j]!)}`, track: j, cell: -1, person: -1 });
  } else {
    steps.push({ time: run.totalHours, event: -1, kind: 'open', text: `${formatClock(run.totalHours)}: the run ends with this escalation still open.`, track: j, cell: -1, person: -1 });
  }
  return { title: `Escalation ${tracks.id[j]}`, serial: -1, track: j, steps };
}

/** Index of the step current at time t (the last one at or before t), -1 before the first. */
export function stepAt(n: Narration, t: number): number {
  let k = -1;
  for (let i = 0; i < n.steps.length; i++) if (n.steps[i]!.time <= t + 1e-9) k = i;
  return k;
}
