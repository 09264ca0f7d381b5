// The model tests' small organisation: the example in sim/model/examples/small-org.ts.
export { smallOrg, type FixtureOptions } from '../../sim/model/examples/small-org.js';
