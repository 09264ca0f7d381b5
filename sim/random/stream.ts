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
    // The three lagged values start as the hash of a space, each then lowered (mod 1)
    // by the next hash of the seed string.
    const mash = new Mash();
    const lags = [mash.hash(' '), mash.hash(' '), mash.hash(' ')];
    for (let k = 0; k < 3; k++) {
      const v = lags[k]! - mash.hash(seedString);
      lags[k] = v < 0 ? v + 1 : v;
    }
    this.s0 = lags[0]!;
    this.s1 = lags[1]!;
    this.s2 = lags[2]!;
  }

  /** Raw generator: a uniform number in [0, 1). */
  next(): number {
    // Multiply-with-carry over three lagged values: the integer part is the next carry,
    // the fraction the next value.
    const sum = ALEA_MULTIPLIER * this.s0 + this.c * TWO_POW_MINUS_32;
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = sum | 0;
    this.s2 = sum - this.c;
    return this.s2;
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
/**
 * Baagøe's Mash hash (MIT): folds each character code into a 32-bit state through a
 * fixed multiplier, keeping the fractional part as the next state's high bits. The
 * arithmetic must be exactly this (in this order) for the streams to match seedrandom's.
 */
class Mash {
  private state = 0xefc8249d;

  hash(text: string): number {
    let state = this.state;
    for (let i = 0; i < text.length; i++) {
      state += text.charCodeAt(i);
      let mixed = MASH_MULTIPLIER * state;
      state = mixed >>> 0;
      mixed = (mixed - state) * state;
      state = mixed >>> 0;
      state += (mixed - state) * TWO_POW_32;
    }
    this.state = state;
    return (state >>> 0) * TWO_POW_MINUS_32;
  }
}

const MASH_MULTIPLIER = 0.02519603282416938;
const TWO_POW_32 = 0x100000000;
const TWO_POW_MINUS_32 = 2.3283064365386963e-10;
/** Alea's multiplier of the oldest lagged value. */
const ALEA_MULTIPLIER = 2091639;

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
