// The future-event calendar: an indexed binary min-heap on flat typed arrays.
//
// Order is (time, priority, insertion sequence), so two events at the same time and
// priority always fire in the order they were scheduled: runs are reproducible.
//
// Speed shaped this file. The heap keeps each entry's sort keys in heap order
// (`heapTime`, `heapKey`) so sift loops read contiguous memory and never chase an
// index; the entry's payload (kind, argument) stays put in a slot addressed by
// `heapSlot`. `slotPos` maps a slot back to its heap position so that cancel is
// O(log n). Nothing is allocated per event: slots are recycled through a free list.

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

export class Calendar {
  private heapTime: Float64Array;
  private heapKey: Float64Array;
  private heapSlot: Int32Array;
  private slotPos: Int32Array;
  private slotGen: Float64Array;
  private slotKind: Int32Array;
  private slotArg: Float64Array;
  private freeSlots: Int32Array;
  private freeCount = 0;
  private nextSlot = 0;
  private seq = 0;
  /** Number of pending events. */
  size = 0;

  constructor(initialCapacity = 1024) {
    const n = Math.max(16, initialCapacity | 0);
    this.heapTime = new Float64Array(n);
    this.heapKey = new Float64Array(n);
    this.heapSlot = new Int32Array(n);
    this.slotPos = new Int32Array(n);
    this.slotGen = new Float64Array(n);
    this.slotKind = new Int32Array(n);
    this.slotArg = new Float64Array(n);
    this.freeSlots = new Int32Array(n);
  }

  /** Adds an event; returns its id. Time must be a finite number. */
  push(time: number, priority: number, kind: number, arg: number): EventId {
    if (this.size === this.heapTime.length) this.grow();
    const slot = this.freeCount > 0 ? this.freeSlots[--this.freeCount]! : this.nextSlot++;
    if (slot >= SLOT_SPAN) throw new Error(`calendar: more than ${SLOT_SPAN} pending events`);
    this.slotKind[slot] = kind;
    this.slotArg[slot] = arg;
    const key = (priority + PRIORITY_OFFSET) * SEQ_SPAN + this.seq++;
    this.siftUp(this.size++, time, key, slot);
    return this.slotGen[slot]! * SLOT_SPAN + slot;
  }

  /** Time of the earliest event; Infinity when empty. */
  peekTime(): number {
    return this.size > 0 ? this.heapTime[0]! : Infinity;
  }

  /** Slot of the earliest event (valid until the next push/pop); -1 when empty. */
  peekSlot(): number {
    return this.size > 0 ? this.heapSlot[0]! : -1;
  }

  kindOf(slot: number): number {
    return this.slotKind[slot]!;
  }

  argOf(slot: number): number {
    return this.slotArg[slot]!;
  }

  /** Removes the earliest event and frees its slot. Read kind/arg before calling. */
  popRoot(): void {
    const slot = this.heapSlot[0]!;
    this.release(slot);
    const last = --this.size;
    if (last > 0) this.siftDown(0, this.heapTime[last]!, this.heapKey[last]!, this.heapSlot[last]!);
  }

  /** Cancels a pending event. Returns false if it already fired or was cancelled. */
  cancel(id: EventId): boolean {
    const slot = id % SLOT_SPAN;
    const gen = (id - slot) / SLOT_SPAN;
    if (slot < 0 || slot >= this.nextSlot || this.slotGen[slot] !== gen) return false;
    const pos = this.slotPos[slot]!;
    if (pos < 0) return false;
    this.release(slot);
    const last = --this.size;
    if (pos === last) return true;
    const t = this.heapTime[last]!;
    const k = this.heapKey[last]!;
    const s = this.heapSlot[last]!;
    // The moved entry may belong above or below the hole.
    if (pos > 0 && less(t, k, this.heapTime[(pos - 1) >> 1]!, this.heapKey[(pos - 1) >> 1]!)) {
      this.siftUp(pos, t, k, s);
    } else {
      this.siftDown(pos, t, k, s);
    }
    return true;
  }

  /** True if the event with this id is still pending. */
  isPending(id: EventId): boolean {
    const slot = id % SLOT_SPAN;
    const gen = (id - slot) / SLOT_SPAN;
    return slot >= 0 && slot < this.nextSlot && this.slotGen[slot] === gen && this.slotPos[slot]! >= 0;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.release(this.heapSlot[i]!);
    this.size = 0;
  }

  private release(slot: number): void {
    this.slotPos[slot] = -1;
    this.slotGen[slot] = this.slotGen[slot]! + 1;
    this.freeSlots[this.freeCount++] = slot;
  }

  private siftUp(pos: number, t: number, k: number, s: number): void {
    const ht = this.heapTime, hk = this.heapKey, hs = this.heapSlot, sp = this.slotPos;
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pt = ht[parent]!;
      if (pt < t || (pt === t && hk[parent]! < k)) break;
      ht[pos] = pt;
      hk[pos] = hk[parent]!;
      const ps = hs[parent]!;
      hs[pos] = ps;
      sp[ps] = pos;
      pos = parent;
    }
    ht[pos] = t;
    hk[pos] = k;
    hs[pos] = s;
    sp[s] = pos;
  }

  private siftDown(pos: number, t: number, k: number, s: number): void {
    const ht = this.heapTime, hk = this.heapKey, hs = this.heapSlot, sp = this.slotPos;
    const n = this.size;
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
      const cs = hs[child]!;
      hs[pos] = cs;
      sp[cs] = pos;
      pos = child;
    }
    ht[pos] = t;
    hk[pos] = k;
    hs[pos] = s;
    sp[s] = pos;
  }

  private grow(): void {
    const n = this.heapTime.length * 2;
    this.heapTime = growF64(this.heapTime, n);
    this.heapKey = growF64(this.heapKey, n);
    this.heapSlot = growI32(this.heapSlot, n);
    this.slotPos = growI32(this.slotPos, n);
    this.slotGen = growF64(this.slotGen, n);
    this.slotKind = growI32(this.slotKind, n);
    this.slotArg = growF64(this.slotArg, n);
    this.freeSlots = growI32(this.freeSlots, n);
  }
}

function less(t1: number, k1: number, t2: number, k2: number): boolean {
  return t1 < t2 || (t1 === t2 && k1 < k2);
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

