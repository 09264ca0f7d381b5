// A small organisation shipped in viewer code, so the viewer can run something in the
// browser in a second or two (demos, tests) without a scenario file: three teams, two
// value streams, a manager per team on the MT, line coordinators, an informal process
// coordinator who also operates: the example in sim/model/examples/small-org.ts (the
// model tests' fixture), scaled by head count. Every value is a demo assumption, not a
// claim about any organisation.

import { PRESETS, type ModelSpec, type TimelineEntry } from '../../sim/model/index.js';
import { smallOrg } from '../../sim/model/examples/small-org.js';

export const SMALL_DESIGNS = ['island', 'usm', 'half-coordinator', 'half-no-dominance', 'transition'] as const;

/** The five DPV phases as changes of structure, spread evenly over the run (phases 2 and 4 change behaviour in the book, which designs may not set: only marked). */
function transitionTimeline(totalWeeks: number): TimelineEntry[] {
  const step = Math.max(1, Math.floor(totalWeeks / 6));
  const at = (k: number) => k * step * 40;
  return [
    { at: at(1), label: 'phase 1: confusion', policies: {} },
    { at: at(2), label: 'phase 2: reflection', policies: {} },
    { at: at(3), label: 'phase 3: naming coordination', policies: { processCoordinator: 'explicit', managerIsLineCoordinator: false } },
    { at: at(4), label: 'phase 4: operator perspective', policies: {} },
    { at: at(5), label: 'phase 5: roles right', policies: { dominance: 'process', protectedDesignShare: 0.3, mtAgenda: 'design-first' } },
  ];
}

/** The small organisation for one design, scaled to about `persons` persons; `totalWeeks`
 *  (warm-up plus horizon) places the transition's phases. */
export function smallSpec(design: string, persons: number, totalWeeks: number): ModelSpec {
  const ops = Math.max(2, Math.round((persons - 2) / 3 - 2));
  const preset = PRESETS[design === 'transition' ? 'island' : design];
  if (!preset) throw new Error(`unknown design "${design}"; designs: ${SMALL_DESIGNS.join(', ')}`);
  // Four operators per team carry 40 requests per stream and week at 75% of the fixture's load.
  const spec = smallOrg({ operatorsPerTeam: ops, arrivalPerStreamPerWeek: 40 * (ops / 4) * 0.75, policies: preset });
  if (design === 'transition') spec.timeline = transitionTimeline(totalWeeks);
  return spec;
}
