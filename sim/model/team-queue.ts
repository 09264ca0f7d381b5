// A team's queue of cases, kept in the line's own order: the time each case entered
// the team (first come, first served inside the line). The process order (earliest
// due date across the chain) is found by a scan when an operator picks the next case;
// when the two heads differ, line and process steering collide (mechanisms/collisions.ts).
//
// Queues hold tens to a few hundred cases, so a sorted array with binary-search insert
// beats a heap with removal: insert and remove are memmoves, no allocation per case.

import { type PersonState, ST_FREE } from './person.js';

export class TeamQueue {
  private ids: Int32Array = new Int32Array(64);
  private keys: Float64Array = new Float64Array(64);
  length = 0;

  /** Inserts a case by its key (later than equal keys: stable). */
  insert(id: number, key: number): void {
    if (this.length === this.ids.length) {
      const ids = new Int32Array(this.length * 2);
      ids.set(this.ids);
      this.ids = ids;
      const keys = new Float64Array(this.length * 2);
      keys.set(this.keys);
      this.keys = keys;
    }
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.keys[mid]! <= key) lo = mid + 1;
      else hi = mid;
    }
    this.ids.copyWithin(lo + 1, lo, this.length);
    this.keys.copyWithin(lo + 1, lo, this.length);
    this.ids[lo] = id;
    this.keys[lo] = key;
    this.length++;
  }

  at(i: number): number {
    return this.ids[i]!;
  }

  removeAt(i: number): number {
    const id = this.ids[i]!;
    this.ids.copyWithin(i, i + 1, this.length);
    this.keys.copyWithin(i, i + 1, this.length);
    this.length--;
    return id;
  }

  indexOf(id: number): number {
    for (let i = 0; i < this.length; i++) if (this.ids[i] === id) return i;
    return -1;
  }

  /** Position of the case with the earliest due date (ties: line order). */
  earliestDue(due: Float64Array): number {
    let best = 0;
    let bestDue = Infinity;
    for (let i = 0; i < this.length; i++) {
      const d = due[this.ids[i]!]!;
      if (d < bestDue) {
        bestDue = d;
        best = i;
      }
    }
    return best;
  }
}

/**
 * The free operators of a team in the order they became free, so the one who has waited
 * longest takes the next case. Entries go stale when the person gets busy; a token per
 * person tells a current entry from a stale one, so nobody is ever searched for.
 */
export class FreeList {
  private people: PersonState[] = [];
  private tokens: number[] = [];
  private head = 0;

  push(p: PersonState): void {
    p.freeToken++;
    p.inFreeList = true;
    this.people.push(p);
    this.tokens.push(p.freeToken);
    this.compact();
  }

  /** The longest-free person still free and not choosing work, or null. */
  shift(): PersonState | null {
    while (this.head < this.people.length) {
      const p = this.people[this.head]!;
      const token = this.tokens[this.head]!;
      this.head++;
      if (p.freeToken !== token) continue; // stale: the person has been busy since
      p.inFreeList = false;
      // Busy people have newer tokens; someone free but in the middle of choosing work
      // is put back by dispatch when they end up free.
      if (p.state === ST_FREE && !p.choosing) return p;
    }
    return null;
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.people.length) {
      this.people = this.people.slice(this.head);
      this.tokens = this.tokens.slice(this.head);
      this.head = 0;
    }
  }
}
