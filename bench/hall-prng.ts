/**
 * A small seeded PRNG for the hall simulations (the core takes no randomness; the bench brings its own):
 * mulberry32, a 32-bit generator that is fast, passes the usual statistical smoke tests and, above all,
 * gives the same day for the same seed on every machine.
 */

export type Random = () => number;

/** Uniform in [0, 1). */
export const createRandom = (seed: number): Random => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

/** Standard normal by Box-Muller. */
export const drawNormal = (random: Random): number => {
  const u = 1 - random(); // (0, 1]: log never sees 0
  const v = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
};

/**
 * Lognormal with a given mean and squared coefficient of variation Cs² (variance / mean²):
 * σ² = ln(1 + Cs²), μ = ln(mean) − σ²/2. Service times at a counter are right-skewed like this:
 * most are routine, a few take very long.
 */
export const drawLognormal = (random: Random, mean: number, cs2: number): number => {
  const sigma2 = Math.log(1 + cs2);
  return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * drawNormal(random));
};

/** Index drawn with probability proportional to weights[i]. */
export const drawWeighted = (random: Random, weights: readonly number[]): number => {
  const total = weights.reduce((s, w) => s + w, 0);
  let x = random() * total;
  for (let i = 0; i < weights.length; i++) {
    x -= weights[i]!;
    if (x < 0) return i;
  }
  return weights.length - 1;
};
