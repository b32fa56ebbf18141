// Deterministic randomness for the demo data. Math.random cannot be seeded, and the
// silos are seeded independently (each subgraph may load its own), so every value must
// follow from (seed, household index) alone: each household draws from its own sfc32
// stream keyed by a hash of both, which also makes the first K households identical
// whatever the total size.

/** 32-bit avalanche hash of integers (murmur3 finaliser over a running combination). */
export function mix(...keys: number[]): number {
  let h = 0x9e3779b9;
  for (const key of keys) {
    h = Math.imul(h ^ (key >>> 0), 0x85ebca6b);
    h = (h << 13) | (h >>> 19);
    h = Math.imul(h, 5) + 0xe6546b64;
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator; passes PractRand). */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(...keys: number[]) {
    this.a = mix(...keys, 1);
    this.b = mix(...keys, 2);
    this.c = mix(...keys, 3);
    for (let i = 0; i < 12; i++) this.uint();
  }

  uint(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint() / 4294967296;
  }

  /** Uniform integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** n decimal digits, leading zeros kept. */
  digits(n: number): string {
    let s = "";
    for (let i = 0; i < n; i++) s += String.fromCharCode(48 + Math.floor(this.next() * 10));
    return s;
  }
}

/** A weighted choice prepared once (cumulative weights, binary search per draw). */
export class Weighted<T> {
  private readonly values: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.values = entries.map(([v]) => v);
    let sum = 0;
    this.cumulative = entries.map(([, w]) => (sum += w));
    this.total = sum;
  }

  pick(rng: Rng): T {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cumulative[mid] > x) hi = mid;
      else lo = mid + 1;
    }
    return this.values[lo];
  }
}

/**
 * A bijection on [0, modulus) ((x·multiplier + offset) mod modulus, multiplier coprime
 * to the modulus): turns a unique index into a unique but irregular-looking number.
 * Callers keep x·multiplier below 2^53 so the arithmetic stays exact.
 */
export function scramble(x: number, modulus: number, multiplier: number): number {
  return (x * multiplier + Math.floor(modulus * 0.381966)) % modulus;
}
