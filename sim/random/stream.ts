// Named, seeded random streams.
//
// Every source of randomness in a model (arrivals of one value stream, service times of
// one team, absences...) draws from its own stream. A stream's seed is derived from
// (master seed, replication, stream name) alone, so adding a team or a stream to a
// scenario variant leaves every other stream's numbers untouched: designs compared on
// the same master seed share random numbers (common random numbers), and a
// replication's numbers do not depend on which worker thread runs it.
//
// The generator is Baagøe's Alea (fast, period ~2^116, good statistical quality), the
// one seedrandom ships as `seedrandom.alea`; its Mash hash turns the derived seed string
// into the state. It is written out here as plain fields and a method (no closure, no
// object per stream beyond this one) so that the JIT inlines `next` into the draws: the
// sequence is the same number for number as seedrandom's (test/random/stream.test.ts).

export type Seed = number | string;

/** A uniform (0,1) generator with the draws a model needs. */
export class RandomStream {
  readonly name: string;
  // Alea state: three lagged values in [0, 1) and the carry. Initialised as doubles so
  // the fields are unboxed double fields from the start (no HeapNumber per draw).
  private s0 = 0.5;
  private s1 = 0.5;
  private s2 = 0.5;
  private c = 1;

  constructor(name: string, seedString: string) {
    this.name = name;
    const mash = new Mash();
    let s0 = mash.hash(' ');
    let s1 = mash.hash(' ');
    let s2 = mash.hash(' ');
    s0 -= mash.hash(seedString);
    if (s0 < 0) s0 += 1;
    s1 -= mash.hash(seedString);
    if (s1 < 0) s1 += 1;
    s2 -= mash.hash(seedString);
    if (s2 < 0) s2 += 1;
    this.s0 = s0;
    this.s1 = s1;
    this.s2 = s2;
  }

  /** Raw generator: a uniform number in [0, 1). */
  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    return (this.s2 = t - this.c);
  }

  /** Uniform in the open interval (0, 1): never 0, so log(u) is finite. */
  uniform01(): number {
    let u = this.next();
    while (u === 0) u = this.next();
    return u;
  }

  /** Exponential with the given mean (inlined here because it is the hottest draw). */
  exponential(mean: number): number {
    return -mean * Math.log(this.uniform01());
  }

  /** True with probability p. */
  bernoulli(p: number): boolean {
    return this.next() < p;
  }

  /** Integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** Standard normal by the Marsaglia polar method (no cached second value, so
   *  the number of uniforms consumed per call depends only on this stream). */
  normal(): number {
    for (;;) {
      const a = 2 * this.next() - 1;
      const b = 2 * this.next() - 1;
      const s = a * a + b * b;
      if (s > 0 && s < 1) return a * Math.sqrt((-2 * Math.log(s)) / s);
    }
  }

  /** Index drawn with probability proportional to weights[i] (weights sum to total). */
  pickWeighted(weights: ArrayLike<number>, total: number): number {
    let r = this.next() * total;
    const n = weights.length;
    for (let i = 0; i < n - 1; i++) {
      r -= weights[i]!;
      if (r < 0) return i;
    }
    return n - 1;
  }
}

/** Alea's seeding hash: feeds the characters of a string into a running 32-bit-ish state. */
class Mash {
  private n = 0xefc8249d;

  hash(data: string): number {
    let n = this.n;
    for (let i = 0; i < data.length; i++) {
      n += data.charCodeAt(i);
      let h = 0.02519603282416938 * n;
      n = h >>> 0;
      h -= n;
      h *= n;
      n = h >>> 0;
      h -= n;
      n += h * 0x100000000; // 2^32
    }
    this.n = n;
    return (n >>> 0) * 2.3283064365386963e-10; // 2^-32
  }
}

/** The stream seed string; exported so other runtimes can reproduce a stream. */
export function streamSeed(master: Seed, replication: number, name: string): string {
  return `stroom/${String(master)}/${replication}/${name}`;
}

/** Hands out named streams for one replication; asking twice for a name gives the same stream. */
export class RandomStreams {
  readonly master: Seed;
  readonly replication: number;
  private readonly streams = new Map<string, RandomStream>();

  constructor(master: Seed, replication = 0) {
    if (typeof master === 'number' && !Number.isFinite(master)) {
      throw new Error(`RandomStreams: master seed must be finite, got ${master}`);
    }
    if (!Number.isInteger(replication) || replication < 0) {
      throw new Error(`RandomStreams: replication must be an integer >= 0, got ${replication}`);
    }
    this.master = master;
    this.replication = replication;
  }

  stream(name: string): RandomStream {
    let s = this.streams.get(name);
    if (s === undefined) {
      s = new RandomStream(name, streamSeed(this.master, this.replication, name));
      this.streams.set(name, s);
    }
    return s;
  }

  /** Names of the streams handed out so far, sorted. */
  names(): string[] {
    return [...this.streams.keys()].sort();
  }
}
