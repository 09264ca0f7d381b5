// The future-event calendar: a binary min-heap on flat typed arrays.
//
// Order is (time, priority, insertion sequence), so two events at the same time and
// priority always fire in the order they were scheduled: runs are reproducible.
//
// Speed shaped this file:
// - the heap keeps each entry's sort keys in heap order (`heapTime`, `heapKey`) so sift
//   loops read contiguous memory and never chase an index;
// - an entry's payload (kind, argument, generation) lives in one 32-byte slot record
//   (`slots`, stride 4), so firing an event touches one cold cache line, not three;
// - cancel is lazy: it marks the slot dead and the entry is dropped when it reaches the
//   root (or when dead entries outnumber live ones and the heap is rebuilt). The sift
//   loops therefore keep no position index up to date.
// Nothing is allocated per event: slots are recycled through a free list.

/** Opaque handle of a scheduled event; pass it to `cancel`. */
export type EventId = number;

// Priority and sequence share one double: (priority + PRIORITY_OFFSET) * 2^40 + seq.
// Both stay integers below 2^53, so the comparison is exact.
const SEQ_SPAN = 2 ** 40;
const PRIORITY_OFFSET = 2048;
export const MIN_PRIORITY = -2048;
export const MAX_PRIORITY = 2047;
// An event id is generation * 2^24 + slot: a stale id (its slot reused) cancels nothing.
const SLOT_SPAN = 2 ** 24;
// Slot record layout.
const STRIDE = 4;
const KIND = 0; // >= 0: pending event kind; DEAD: cancelled, entry still in the heap; FREE: unused
const ARG = 1;
const GEN = 2;
const DEAD = -1;
const FREE = -2;

export class Calendar {
  private heapTime: Float64Array;
  private heapKey: Float64Array;
  private heapSlot: Int32Array;
  private heapSize = 0;
  private slots: Float64Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private nextSlot = 0;
  private seq = 0;
  /** Number of pending (live) events. */
  size = 0;

  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity | 0);
    this.heapTime = new Float64Array(n);
    this.heapKey = new Float64Array(n);
    this.heapSlot = new Int32Array(n);
    this.slots = new Float64Array(n * STRIDE);
    this.freeSlots = new Int32Array(n);
  }

  /** Adds an event; returns its id. Time must be a finite number. */
  push(time: number, priority: number, kind: number, arg: number): EventId {
    if (this.heapSize === this.heapTime.length) this.grow();
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : this.nextSlot++;
    if (slot >= SLOT_SPAN) throw new Error(`calendar: more than ${SLOT_SPAN} pending events`);
    const base = slot * STRIDE;
    const s = this.slots;
    s[base + KIND] = kind;
    s[base + ARG] = arg;
    const key = (priority + PRIORITY_OFFSET) * SEQ_SPAN + this.seq++;
    this.siftUp(this.heapSize++, time, key, slot);
    this.size++;
    return s[base + GEN]! * SLOT_SPAN + slot;
  }

  /**
   * Slot of the earliest live event, dropping cancelled entries that reached the root;
   * -1 when no event is pending. Valid until the next push or pop.
   */
  peekSlot(): number {
    const s = this.slots;
    while (this.heapSize > 0) {
      const slot = this.heapSlot[0]!;
      if (s[slot * STRIDE + KIND]! >= 0) return slot;
      this.removeRoot();
      this.release(slot);
    }
    return -1;
  }

  /** Time of the earliest live event; Infinity when none is pending. */
  peekTime(): number {
    return this.peekSlot() >= 0 ? this.heapTime[0]! : Infinity;
  }

  /** Time of the root entry; call right after peekSlot() returned a slot. */
  rootTime(): number {
    return this.heapTime[0]!;
  }

  kindOf(slot: number): number {
    return this.slots[slot * STRIDE + KIND]!;
  }

  argOf(slot: number): number {
    return this.slots[slot * STRIDE + ARG]!;
  }

  /** Removes the earliest event (after peekSlot) and frees its slot. Read kind/arg first. */
  popRoot(): void {
    const slot = this.heapSlot[0]!;
    this.removeRoot();
    this.release(slot);
    this.size--;
  }

  /** Cancels a pending event. Returns false if it already fired or was cancelled. */
  cancel(id: EventId): boolean {
    const slot = id % SLOT_SPAN;
    if (!this.isPending(id)) return false;
    const base = slot * STRIDE;
    this.slots[base + KIND] = DEAD;
    this.slots[base + GEN] = this.slots[base + GEN]! + 1; // the id is spent at once
    this.size--;
    // Many dead entries slow every sift: rebuild once they outnumber the live ones.
    if (this.heapSize > 64 && this.heapSize > 2 * this.size) this.compact();
    return true;
  }

  /** True if the event with this id is still pending. */
  isPending(id: EventId): boolean {
    const slot = id % SLOT_SPAN;
    if (!(slot >= 0 && slot < this.nextSlot)) return false;
    const base = slot * STRIDE;
    return this.slots[base + GEN] === (id - slot) / SLOT_SPAN && this.slots[base + KIND]! >= 0;
  }

  clear(): void {
    for (let i = 0; i < this.heapSize; i++) this.release(this.heapSlot[i]!);
    this.heapSize = 0;
    this.size = 0;
  }

  private release(slot: number): void {
    const base = slot * STRIDE;
    if (this.slots[base + KIND]! >= 0) this.slots[base + GEN] = this.slots[base + GEN]! + 1;
    this.slots[base + KIND] = FREE;
    this.freeSlots[this.freeCount++] = slot;
  }

  private removeRoot(): void {
    const last = --this.heapSize;
    if (last > 0) this.siftDown(0, this.heapTime[last]!, this.heapKey[last]!, this.heapSlot[last]!);
  }

  /** Drops every dead entry and re-heapifies (Floyd), keeping the order of live ones. */
  private compact(): void {
    const ht = this.heapTime, hk = this.heapKey, hs = this.heapSlot, s = this.slots;
    let n = 0;
    for (let i = 0; i < this.heapSize; i++) {
      const slot = hs[i]!;
      if (s[slot * STRIDE + KIND]! < 0) {
        this.release(slot);
        continue;
      }
      ht[n] = ht[i]!;
      hk[n] = hk[i]!;
      hs[n] = slot;
      n++;
    }
    this.heapSize = n;
    for (let i = (n >> 1) - 1; i >= 0; i--) this.siftDown(i, ht[i]!, hk[i]!, hs[i]!);
  }

  private siftUp(pos: number, t: number, k: number, s: number): void {
    const ht = this.heapTime, hk = this.heapKey, hs = this.heapSlot;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pt = ht[parent]!;
      if (pt < t || (pt === t && hk[parent]! < k)) break;
      ht[pos] = pt;
      hk[pos] = hk[parent]!;
      hs[pos] = hs[parent]!;
      pos = parent;
    }
    ht[pos] = t;
    hk[pos] = k;
    hs[pos] = s;
  }

  private siftDown(pos: number, t: number, k: number, s: number): void {
    const ht = this.heapTime, hk = this.heapKey, hs = this.heapSlot;
    const n = this.heapSize;
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= n) break;
      let ct = ht[child]!;
      let ck = hk[child]!;
      const right = child + 1;
      if (right < n) {
        const rt = ht[right]!;
        if (rt < ct || (rt === ct && hk[right]! < ck)) {
          child = right;
          ct = rt;
          ck = hk[right]!;
        }
      }
      if (t < ct || (t === ct && k < ck)) break;
      ht[pos] = ct;
      hk[pos] = ck;
      hs[pos] = hs[child]!;
      pos = child;
    }
    ht[pos] = t;
    hk[pos] = k;
    hs[pos] = s;
  }

  private grow(): void {
    const n = this.heapTime.length * 2;
    this.heapTime = growF64(this.heapTime, n);
    this.heapKey = growF64(this.heapKey, n);
    this.heapSlot = growI32(this.heapSlot, n);
    this.slots = growF64(this.slots, n * STRIDE);
    this.freeSlots = growI32(this.freeSlots, n);
  }
}

function growF64(a: Float64Array, n: number): Float64Array {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

function growI32(a: Int32Array, n: number): Int32Array {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}
