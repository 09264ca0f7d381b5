// A team's queue of cases, kept in the line's own order: the time each case entered
// the team (first come, first served inside the line). The process order (earliest
// due date across the chain) is found by a scan when an operator picks the next case;
// when the two heads differ, line and process steering collide (mechanisms/collisions.ts).
//
// Queues hold tens of cases (16 on average in a DPV year), so a sorted array with a
// binary-search insert beats a heap with removal; no allocation per case.

import { type PersonState, ST_FREE } from './person.js';

export class TeamQueue {
  // The cases sit in ids/keys[head, head + length): taking the head (what an operator
  // does most) only moves `head`, and a case entering now goes after every other key,
  // so the two commonest operations move nothing. Other inserts and removals shift the
  // shorter side by one slot.
  private ids: Int32Array = new Int32Array(64);
  private keys: Float64Array = new Float64Array(64);
  private head = 0;
  length = 0;

  /** Inserts a case by its key (later than equal keys: stable). */
  insert(id: number, key: number): void {
    if (this.head + this.length === this.ids.length) this.makeRoom();
    const keys = this.keys;
    const start = this.head;
    const end = start + this.length;
    let lo = end;
    if (end > start && keys[end - 1]! > key) {
      lo = start;
      let hi = end;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (keys[mid]! <= key) lo = mid + 1;
        else hi = mid;
      }
      this.shift(lo, end, 1);
    }
    this.ids[lo] = id;
    keys[lo] = key;
    this.length++;
  }

  at(i: number): number {
    return this.ids[this.head + i]!;
  }

  removeAt(i: number): number {
    const at = this.head + i;
    const id = this.ids[at]!;
    if (i < this.length >> 1) {
      this.shift(this.head, at, 1); // the front moves back one slot
      this.head++;
    } else {
      this.shift(at + 1, this.head + this.length, -1);
    }
    this.length--;
    if (this.length === 0) this.head = 0;
    return id;
  }

  indexOf(id: number): number {
    for (let i = 0; i < this.length; i++) if (this.ids[this.head + i] === id) return i;
    return -1;
  }

  /** Position of the case with the earliest due date (ties: line order). */
  earliestDue(due: Float64Array): number {
    const ids = this.ids;
    const start = this.head;
    const end = start + this.length;
    let best = start;
    let bestDue = Infinity;
    for (let i = start; i < end; i++) {
      const d = due[ids[i]!]!;
      if (d < bestDue) {
        bestDue = d;
        best = i;
      }
    }
    return best - start;
  }

  /** Moves entries [from, to) by `by` (+1 or -1) slots; queues are short, so a plain loop beats copyWithin. */
  private shift(from: number, to: number, by: number): void {
    const ids = this.ids, keys = this.keys;
    if (by > 0) {
      for (let i = to; i > from; i--) {
        ids[i] = ids[i - 1]!;
        keys[i] = keys[i - 1]!;
      }
    } else {
      for (let i = from; i < to; i++) {
        ids[i - 1] = ids[i]!;
        keys[i - 1] = keys[i]!;
      }
    }
  }

  /** The end of the buffer is reached: slide the cases to the front, or double the buffer. */
  private makeRoom(): void {
    if (this.head > 0) {
      this.ids.copyWithin(0, this.head, this.head + this.length);
      this.keys.copyWithin(0, this.head, this.head + this.length);
      this.head = 0;
      return;
    }
    const ids = new Int32Array(this.ids.length * 2);
    ids.set(this.ids);
    this.ids = ids;
    const keys = new Float64Array(this.keys.length * 2);
    keys.set(this.keys);
    this.keys = keys;
  }
}

/**
 * The free operators of a team in the order they became free, so the one who has waited
 * longest takes the next case. Entries go stale when the person gets busy; a token per
 * person tells a current entry from a stale one, so nobody is ever searched for.
 */
export class FreeList {
  // Person indices and their tokens in typed arrays used as a sliding window
  // [head, tail): a person becomes free at every task end, so this is pushed to on
  // most events and must not allocate.
  private people = new Int32Array(64);
  private tokens = new Int32Array(64);
  private head = 0;
  private tail = 0;
  private readonly persons: readonly PersonState[];

  constructor(persons: readonly PersonState[]) {
    this.persons = persons;
  }

  push(p: PersonState): void {
    p.freeToken++;
    p.inFreeList = true;
    if (this.tail === this.people.length) this.makeRoom();
    this.people[this.tail] = p.index;
    this.tokens[this.tail] = p.freeToken;
    this.tail++;
  }

  /** The longest-free person still free and not choosing work, or null. */
  shift(): PersonState | null {
    while (this.head < this.tail) {
      const p = this.persons[this.people[this.head]!]!;
      const token = this.tokens[this.head]!;
      this.head++;
      if (p.freeToken !== token) continue; // stale: the person has been busy since
      p.inFreeList = false;
      // Busy people have newer tokens; someone free but in the middle of choosing work
      // is put back by dispatch when they end up free.
      if (p.state === ST_FREE && !p.choosing) return p;
    }
    this.head = this.tail = 0;
    return null;
  }

  /** The end of the buffer is reached: drop the entries already taken, or double the buffer. */
  private makeRoom(): void {
    const live = this.tail - this.head;
    if (this.head > 0 && live < this.people.length >> 1) {
      this.people.copyWithin(0, this.head, this.tail);
      this.tokens.copyWithin(0, this.head, this.tail);
    } else {
      const people = new Int32Array(this.people.length * 2);
      people.set(this.people.subarray(this.head, this.tail));
      this.people = people;
      const tokens = new Int32Array(this.tokens.length * 2);
      tokens.set(this.tokens.subarray(this.head, this.tail));
      this.tokens = tokens;
    }
    this.head = 0;
    this.tail = live;
  }
}
