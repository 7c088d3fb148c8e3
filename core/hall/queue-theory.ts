/**
 * Queueing formulas for a hall of c identical windows (排队论). Rates use any one time unit
 * (per minute, per hour…); waits come back in that unit. λ = arrival rate, μ = service rate of one
 * window (1 / mean service time), a = λ/μ offered load in Erlangs, ρ = a/c utilisation.
 *
 * Use the peak-hour arrival rate, not the daily mean: the mean hides the hour when the line forms.
 * domain.md's "1,400 tickets/day → 0.27 min pooled vs 32.9 min for 29 separate queues" is reproduced by
 * λ = 1,400 / 8 h = 175/h (ρ = 0.805), i.e. the daily total spread over an 8-hour day. Over the hall's
 * actual ~7 hours (8:30-11:45, 13:00-16:45) the same day is 200/h (ρ = 0.92): 1.9 min pooled vs 91 min
 * separate, and a morning peak above 217/h exceeds what 29 windows at 8 minutes can serve at all.
 */

/**
 * Erlang C: the probability that an arrival has to wait, for c servers and offered load a (Erlangs);
 * NaN for a non-integer c or a negative load, like Math functions (these are programming errors).
 * Computed through the Erlang B recursion B(k) = a·B(k−1) / (k + a·B(k−1)), which never forms a^c or c!
 * and so stays exact for hundreds of servers. 1 when a ≥ c (the queue grows without bound).
 */
export const erlangC = (c: number, a: number): number => {
  if (!Number.isInteger(c) || c < 1 || !(a >= 0)) return Number.NaN;
  if (a === 0) return 0;
  if (a >= c) return 1;
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return (c * b) / (c - a * (1 - b));
};

/** Mean wait in line Wq = C(c, a) / (cμ − λ) for M/M/c; Infinity when λ ≥ cμ. */
export const meanWaitMMc = (lambda: number, mu: number, c: number): number => {
  if (lambda >= c * mu) return Number.POSITIVE_INFINITY;
  return erlangC(c, lambda / mu) / (c * mu - lambda);
};

/**
 * Allen-Cunneen approximation for G/G/c: Wq ≈ Wq(M/M/c) · (Ca² + Cs²) / 2, where Ca² and Cs² are the
 * squared coefficients of variation of inter-arrival and service times (1 and 1 for M/M/c; Poisson
 * arrivals have Ca² = 1; service times that vary less than exponential have Cs² < 1).
 */
export const allenCunneen = (lambda: number, mu: number, c: number, ca2: number, cs2: number): number =>
  meanWaitMMc(lambda, mu, c) * ((ca2 + cs2) / 2);

/** P(wait > t) = C(c, a) · e^(−(cμ − λ)·t) for M/M/c; 1 when the queue is unstable. */
export const probabilityWaitExceeds = (lambda: number, mu: number, c: number, t: number): number => {
  if (lambda >= c * mu) return 1;
  if (t < 0) return 1;
  return erlangC(c, lambda / mu) * Math.exp(-(c * mu - lambda) * t);
};

/**
 * The fewest windows that keep the mean wait at or under `targetMeanWait` (same time unit as 1/λ),
 * by Allen-Cunneen with the given variability (default M/M/c: Ca² = Cs² = 1). NaN unless λ ≥ 0, μ > 0
 * and the target is positive (a zero target is never met: some arrival always waits).
 */
export const windowsNeeded = (
  lambda: number,
  mu: number,
  targetMeanWait: number,
  variability: { readonly ca2: number; readonly cs2: number } = { ca2: 1, cs2: 1 },
): number => {
  if (!(lambda >= 0) || !(mu > 0) || !(targetMeanWait > 0) || !Number.isFinite(lambda)) return Number.NaN;
  if (lambda === 0) return 0;
  // Start at the first stable count; the mean wait falls monotonically as windows are added.
  let c = Math.max(1, Math.floor(lambda / mu) + 1);
  while (allenCunneen(lambda, mu, c, variability.ca2, variability.cs2) > targetMeanWait) c++;
  return c;
};
