// The yardstick for engine overhead: the least event queue a hand-written simulation
// would get away with. A binary min-heap on three parallel typed arrays (time, event
// type, insertion sequence for tie-breaks) with no ids, no cancel, no priorities and no
// handler table. Benchmarks drive it from an inline loop with a `switch` on the type,
// so engine/bare-heap isolates what stroom's Calendar + Simulation add.
//
// The ordering is (time, sequence), which is the engine's order when every priority is
// equal; fed the same random numbers, both fire the same events in the same order.

export class BareHeap {
  time: Float64Array;
  type: Int32Array;
  seq: Float64Array;
  size = 0;
  private nextSeq = 0;

  constructor(capacity = 1024) {
    this.time = new Float64Array(capacity);
    this.type = new Int32Array(capacity);
    this.seq = new Float64Array(capacity);
  }

  push(t: number, type: number): void {
    if (this.size === this.time.length) this.grow();
    const s = this.nextSeq++;
    const ht = this.time, hy = this.type, hs = this.seq;
    let pos = this.size++;
    // Hole-based sift-up: move parents down, write the new entry once.
    while (pos > 0) {
      const parent = (pos - 1) >> 1;
      const pt = ht[parent]!;
      if (pt < t || (pt === t && hs[parent]! < s)) break;
      ht[pos] = pt;
      hy[pos] = hy[parent]!;
      hs[pos] = hs[parent]!;
      pos = parent;
    }
    ht[pos] = t;
    hy[pos] = type;
    hs[pos] = s;
  }

  /** Removes the root; read `time[0]` and `type[0]` before calling. */
  pop(): void {
    const n = --this.size;
    if (n === 0) return;
    const ht = this.time, hy = this.type, hs = this.seq;
    const t = ht[n]!, y = hy[n]!, s = hs[n]!;
    let pos = 0;
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= n) break;
      let ct = ht[child]!;
      const right = child + 1;
      if (right < n) {
        const rt = ht[right]!;
        if (rt < ct || (rt === ct && hs[right]! < hs[child]!)) {
          child = right;
          ct = rt;
        }
      }
      if (t < ct || (t === ct && s < hs[child]!)) break;
      ht[pos] = ct;
      hy[pos] = hy[child]!;
      hs[pos] = hs[child]!;
      pos = child;
    }
    ht[pos] = t;
    hy[pos] = y;
    hs[pos] = s;
  }

  private grow(): void {
    const n = this.time.length * 2;
    const t = new Float64Array(n), y = new Int32Array(n), s = new Float64Array(n);
    t.set(this.time);
    y.set(this.type);
    s.set(this.seq);
    this.time = t;
    this.type = y;
    this.seq = s;
  }
}
