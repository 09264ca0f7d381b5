// The small example organisation with a fourth team ("field") and a third stream
// ("inspections") that runs only through it: a stream that shares no team, no manager
// and no meeting with the others, for pilot tests. Options put one manager over two
// teams or one coordinator over two streams.
import type { ModelSpec, PersonSpec } from '../../sim/model/index.js';
import { smallOrg, type FixtureOptions } from './fixtures.js';

export interface WideOptions extends FixtureOptions {
  /** The manager of "decide" also manages "field" (no manager of its own). */
  sharedManager?: boolean;
  /** The permits coordinator also coordinates inspections (no coordinator of its own). */
  sharedCoordinator?: boolean;
  inspectionQuestions?: number;
}

export function wideOrg(o: WideOptions = {}): ModelSpec {
  const base = smallOrg(o);
  const persons: PersonSpec[] = base.persons.map((p) =>
    o.sharedManager && p.id === 'decide-manager' ? { ...p, roles: [...p.roles, { role: 'manager', team: 'field' }] } : { ...p },
  );
  const add = (id: string, roles: PersonSpec['roles'], extra: Partial<PersonSpec> = {}) =>
    persons.push({ id, name: id, roles, hoursPerWeek: 36, seniority: 1, absences: [], keyPerson: false, ...extra });
  // Not on the MT: the field team's manager meets nobody the other streams' escalations reach.
  if (!o.sharedManager) add('field-manager', [{ role: 'manager', team: 'field' }], { seniority: 3 });
  for (let i = 0; i < 4; i++) add(`field-op${i}`, [{ role: 'operator', team: 'field' }], { keyPerson: i === 0 });
  add('field-lc', [{ role: 'lineCoordinator', team: 'field' }], { seniority: 2 });
  if (o.sharedCoordinator) {
    const rachid = persons.find((p) => p.id === 'rachid')!;
    rachid.roles = [...rachid.roles, { role: 'processCoordinator', stream: 'inspections' }];
  } else add('pc-inspections', [{ role: 'operator', team: 'field' }, { role: 'processCoordinator', stream: 'inspections' }]);
  const q = o.inspectionQuestions ?? o.questionsPerCase ?? 0.6;
  return {
    ...base,
    teams: [...base.teams, { id: 'field', name: 'field' }],
    persons,
    streams: [
      ...base.streams,
      {
        id: 'inspections', name: 'inspections', arrivalRate: (o.arrivalPerStreamPerWeek ?? 40) / 40, processMix: { operate: 1 }, dueIn: 40, urgentShare: 0.1,
        steps: [
          { team: 'field', service: { type: 'lognormal', mean: 1, cv: 0.6 }, questionsPerCase: q },
          { team: 'field', service: { type: 'lognormal', mean: 0.5, cv: 0.6 }, questionsPerCase: q },
        ],
      },
    ],
  };
}
