// The discrete-event engine: a clock, a calendar ordered by (time, priority, sequence)
// and handler dispatch. Knows nothing of organisations.
export { Simulation, type Handler, type EventObserver, type EventId } from './simulation.js';
export { Calendar, MIN_PRIORITY, MAX_PRIORITY } from './calendar.js';
export { TraceHash } from './trace-hash.js';
