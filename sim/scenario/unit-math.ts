// The private mathjs instance of the quantity reader (units.ts): only the parser, the
// Unit type and the seven operators a quantity may use, instead of all of mathjs.
// Created at first use. In dist/ the build (scripts/build-extras.mjs) replaces this
// module by a bundle holding only the mathjs code these need, because importing the
// mathjs package itself builds every one of its functions (over a second at start-up).

import {
  addDependencies,
  create,
  createUnitDependencies,
  divideDependencies,
  isUnit,
  multiplyDependencies,
  parseDependencies,
  powDependencies,
  subtractDependencies,
  unaryMinusDependencies,
  unaryPlusDependencies,
  unitDependencies,
  type MathJsInstance,
  type MathNode,
  type Unit,
} from 'mathjs';

export { isUnit, type MathNode, type Unit };

export type UnitMath = Pick<MathJsInstance, 'parse' | 'unit' | 'add' | 'subtract' | 'multiply' | 'divide' | 'pow' | 'unaryMinus' | 'unaryPlus'>;

/** A mathjs instance whose clock counts working time: a day is `dayHours`, a week `weekHours`. */
export function createUnitMath(dayHours: number, weekHours: number): UnitMath {
  // The dependency maps are typed optional but always present.
  const math = create({
    parseDependencies: parseDependencies!,
    unitDependencies: unitDependencies!,
    createUnitDependencies: createUnitDependencies!,
    addDependencies: addDependencies!,
    subtractDependencies: subtractDependencies!,
    multiplyDependencies: multiplyDependencies!,
    divideDependencies: divideDependencies!,
    powDependencies: powDependencies!,
    unaryMinusDependencies: unaryMinusDependencies!,
    unaryPlusDependencies: unaryPlusDependencies!,
  });
  math.createUnit(
    {
      day: { definition: `${dayHours} h`, aliases: ['days'] },
      week: { definition: `${weekHours} h`, aliases: ['weeks'] },
    },
    { override: true },
  );
  return math;
}
