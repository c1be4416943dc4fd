// A seeded random generator whose whole state is one 32-bit integer, so it can live inside
// the game state (and in a bot's own memory) and every game replays from its seed.
// mulberry32: small, fast, and good enough for dice; not for cryptography.

/** Turns any seed (integer or string) into a generator state. */
export function seedRng(seed: number | string): number {
  if (typeof seed === 'number' && Number.isInteger(seed)) return seed >>> 0;
  const text = String(seed);
  // FNV-1a over the text, so string seeds spread over the whole state space.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Derives an independent stream, e.g. a bot seat's generator from (game seed, seat). */
export function deriveRng(seed: number, stream: number | string): number {
  return seedRng(`${seed >>> 0}:${stream}`);
}

/** The next float in [0, 1) and the generator's next state. */
export function nextFloat(state: number): [number, number] {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
}

/** An integer in [min, max] inclusive and the next state. */
export function nextInt(state: number, min: number, max: number): [number, number] {
  const [f, next] = nextFloat(state);
  return [min + Math.floor(f * (max - min + 1)), next];
}

/**
 * A mutable wrapper for code that draws many numbers in a row (bots, simulations).
 * Read `state` back to store it.
 */
export class Rng {
  constructor(public state: number) {}
  float(): number {
    const [f, next] = nextFloat(this.state);
    this.state = next;
    return f;
  }
  int(min: number, max: number): number {
    const [n, next] = nextInt(this.state, min, max);
    this.state = next;
    return n;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }
  chance(p: number): boolean {
    return this.float() < p;
  }
}
