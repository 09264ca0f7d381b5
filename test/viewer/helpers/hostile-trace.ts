// A trace with markup in every string it holds, for the tests that check the viewer
// shows names as text and runs no script from a file. It starts from a real run and
// keeps the file consistent (ids renamed everywhere they are referred to, roles and
// cells included), so it passes parseTraceFile and replays like the original: the
// markup then reaches every place a name is shown.

import type { TraceFile } from '../../../sim/model/index.js';

/** Breaks out of an attribute (either quote) and of text, three ways to run script. */
export const MARKUP = `"'><img src=x onerror=window.__pwned=1><script>window.__pwned=2</script><svg onload=window.__pwned=3>`;

/** `s` with the markup appended. */
export const marked = (s: string) => `${s} ${MARKUP}`;

export function hostileTrace(base: TraceFile): TraceFile {
  const t = structuredClone(base);
  const org = t.organisation;
  const teamId = new Map(org.teams.map((x) => [x.id, marked(x.id)]));
  const streamId = new Map(org.streams.map((x) => [x.id, marked(x.id)]));
  const personId = new Map(org.persons.map((x) => [x.id, marked(x.id)]));
  const team = (id: string) => teamId.get(id) ?? id;
  t.scenario = marked(t.scenario);
  t.design = marked(t.design);
  t.seed = marked(String(t.seed));
  for (const x of org.teams) Object.assign(x, { id: team(x.id), name: marked(x.name) });
  for (const s of org.streams) Object.assign(s, { id: streamId.get(s.id)!, name: marked(s.name), steps: s.steps.map(team) });
  for (const p of org.persons) {
    // "operator:<team>", "processCoordinator:<stream>", "mt": the part after the colon names a team or a stream.
    const roles = p.roles.map((r) => {
      const [role, of] = r.split(':');
      return of === undefined ? r : `${role}:${teamId.get(of) ?? streamId.get(of) ?? of}`;
    });
    Object.assign(p, { id: personId.get(p.id)!, name: marked(p.name), roles, team: p.team === null ? null : team(p.team) });
  }
  for (const q of org.questionTypes) Object.assign(q, { id: marked(q.id), name: marked(q.name), scope: marked(q.scope) });
  for (const m of org.meetings) Object.assign(m, { id: marked(m.id), name: marked(m.name), kind: marked(m.kind) });
  for (const e of org.timeline) e.label = marked(e.label);
  t.cells.teams = t.cells.teams.map(team);
  t.cells.streams = t.cells.streams.map((s) => streamId.get(s) ?? s);
  for (const p of t.persons) {
    p.id = personId.get(p.id) ?? marked(p.id);
    p.time[MARKUP] = 0;
  }
  // Names the model does not use: an extra code in every list, a metric and a series.
  for (const list of Object.values(t.codes)) list.push(MARKUP);
  t.metrics[MARKUP] = 1;
  t.series[MARKUP] = t.series.week!.map(() => 1);
  return t;
}
