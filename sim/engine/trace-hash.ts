// A running 64-bit FNV-1a hash of the fired events (time bits, kind, argument), for
// bit-identical determinism checks: two runs with equal hashes fired the same events
// at the same floating-point times in the same order.

const F64 = new Float64Array(1);
const U32 = new Uint32Array(F64.buffer);

export class TraceHash {
  // Two 32-bit halves of FNV-1a-64, computed with 16-bit limbs to stay exact in doubles.
  private h0 = 0x2325; private h1 = 0x8422; private h2 = 0x9ce4; private h3 = 0xcbf2;
  count = 0;

  /** Feeds one event; usable directly as a Simulation observer. */
  readonly observe = (time: number, kind: number, arg: number): void => {
    F64[0] = time;
    this.word(U32[0]!);
    this.word(U32[1]!);
    this.word(kind >>> 0);
    F64[0] = arg;
    this.word(U32[0]!);
    this.word(U32[1]!);
    this.count++;
  };

  private word(w: number): void {
    for (let i = 0; i < 4; i++) this.byte((w >>> (8 * i)) & 0xff);
  }

  private byte(b: number): void {
    // h ^= b; h *= 0x100000001b3 (FNV prime = 2^40 + 0x1b3)
    this.h0 ^= b;
    const p = 0x1b3;
    let t0 = this.h0 * p;
    let t1 = this.h1 * p;
    let t2 = this.h2 * p;
    let t3 = this.h3 * p;
    // + h << 40: limb 0 shifts to limb 2 plus 8 bits.
    t2 += this.h0 << 8;
    t3 += this.h1 << 8;
    t1 += t0 >>> 16; this.h0 = t0 & 0xffff;
    t2 += t1 >>> 16; this.h1 = t1 & 0xffff;
    t3 += t2 >>> 16; this.h2 = t2 & 0xffff;
    this.h3 = t3 & 0xffff;
  }

  /** The hash as 16 hex digits. */
  hex(): string {
    return [this.h3, this.h2, this.h1, this.h0].map((x) => x.toString(16).padStart(4, '0')).join('');
  }
}
