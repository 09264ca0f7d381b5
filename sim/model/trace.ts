// The optional event trace of a run: one columnar record per notable event (time, type
// and three numbers whose meaning depends on the type; see TRACE_TYPES). Off by
// default; when off, the model tests a single null per notable event and allocates
// nothing. The viewer replays it (see viewer/ and the README's trace format).

export const TR_ARRIVE = 0; // a: request serial, b: stream, c: urgent
export const TR_STEP_START = 1; // a: serial, b: step, c: person
export const TR_STEP_DONE = 2; // a: serial, b: step, c: team
export const TR_DONE = 3; // a: serial, b: stream, c: lead time (hours)
export const TR_QUESTION = 4; // a: serial, b: question type, c: how answered (HOW_NAMES)
export const TR_ESCALATE = 5; // a: escalation, b: receiver person (or -1-meeting), c: level
export const TR_RESOLVED = 6; // a: escalation, b: outcome (OUTCOMES), c: person (-1: meeting or fallback)
export const TR_ACTIVITY = 7; // a: person, b: activity (ACTIVITY_NAMES)
export const TR_MEETING = 8; // a: meeting, b: 1 start / 0 end, c: participants present
export const TR_SIGNAL = 9; // a: stream, b: question type, c: signals now in that backlog cell
export const TR_DESIGN = 10; // a: backlog cell, b: new explicit coverage x 1e6
export const TR_POLICY = 11; // a: timeline entry index
export const TR_RAISE = 12; // a: escalation, b: request serial, c: reason (ESC_REASONS); just before its first escalate
export const TR_EXTERNAL = 13; // a: request serial, b: step, c: hours it will wait outside the organisation
export const TRACE_TYPES = [
  'arrive', 'step-start', 'step-done', 'done', 'question', 'escalate', 'resolved', 'activity', 'meeting', 'signal', 'design', 'policy', 'raise',
  'external',
] as const;

export interface TraceData {
  time: Float64Array;
  type: Uint8Array;
  a: Float64Array;
  b: Float64Array;
  c: Float64Array;
}

export class Trace {
  private time: number[] = [];
  private type: number[] = [];
  private a: number[] = [];
  private b: number[] = [];
  private c: number[] = [];

  add(time: number, type: number, a: number, b: number, c: number): void {
    this.time.push(time);
    this.type.push(type);
    this.a.push(a);
    this.b.push(b);
    this.c.push(c);
  }

  get length(): number {
    return this.time.length;
  }

  data(): TraceData {
    return {
      time: Float64Array.from(this.time),
      type: Uint8Array.from(this.type),
      a: Float64Array.from(this.a),
      b: Float64Array.from(this.b),
      c: Float64Array.from(this.c),
    };
  }
}
