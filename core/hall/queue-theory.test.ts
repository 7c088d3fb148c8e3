import { describe, expect, it } from 'vitest';
import { allenCunneen, erlangC, meanWaitMMc, probabilityWaitExceeds, windowsNeeded } from './queue-theory.ts';

/** The textbook closed form, with factorials: the oracle for the recursive implementation (small c only). */
const erlangCByFactorials = (c: number, a: number): number => {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < c; k++) {
    sum += term;
    term = (term * a) / (k + 1);
  }
  const top = (term * c) / (c - a); // a^c / c! · c/(c−a)
  return top / (sum + top);
};

describe('erlangC', () => {
  it('matches textbook values', () => {
    expect(erlangC(1, 0.5)).toBeCloseTo(0.5, 12); // M/M/1: P(wait) = ρ
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangC(3, 2)).toBeCloseTo(4 / 9, 12);
    expect(erlangC(11, 10)).toBeCloseTo(0.6821, 4); // the classic call-centre table entry
  });

  it('agrees with the factorial formula', () => {
    for (const c of [1, 2, 5, 10, 20, 29]) {
      for (const rho of [0.1, 0.5, 0.8, 0.95]) {
        expect(erlangC(c, c * rho)).toBeCloseTo(erlangCByFactorials(c, c * rho), 10);
      }
    }
  });

  it('stays finite for large halls and is 1 at or beyond saturation', () => {
    expect(erlangC(500, 480)).toBeGreaterThan(0);
    expect(erlangC(500, 480)).toBeLessThan(1);
    expect(erlangC(29, 29)).toBe(1);
    expect(erlangC(29, 40)).toBe(1);
    expect(erlangC(29, 0)).toBe(0);
    expect(erlangC(0, 1)).toBeNaN();
  });
});

describe('meanWaitMMc and friends', () => {
  it('gives the M/M/1 and M/M/3 textbook waits', () => {
    expect(meanWaitMMc(0.5, 1, 1)).toBeCloseTo(1, 12); // ρ/(μ−λ)
    expect(meanWaitMMc(2, 1, 3)).toBeCloseTo(4 / 9, 12); // Lq = 8/9, Wq = Lq/λ
    expect(meanWaitMMc(3, 1, 3)).toBe(Number.POSITIVE_INFINITY);
  });

  it('reproduces domain.md: 29 windows, 8 min, 1,400 tickets over an 8-hour day -> 0.27 vs 32.9 min', () => {
    const lambda = 1400 / (8 * 60); // per minute: 175 an hour, ρ = 0.805
    const mu = 1 / 8;
    expect(lambda / (29 * mu)).toBeCloseTo(0.805, 3);
    expect(meanWaitMMc(lambda, mu, 29)).toBeCloseTo(0.27, 2);
    // 29 separate queues, each with a 29th of the arrivals.
    expect(meanWaitMMc(lambda / 29, mu, 1)).toBeCloseTo(32.9, 1);
  });

  it('shows the same day over the hall\'s real 7 hours is much tighter', () => {
    const lambda = 1400 / (7 * 60);
    expect(meanWaitMMc(lambda, 1 / 8, 29)).toBeCloseTo(1.93, 2);
    expect(meanWaitMMc(lambda / 29, 1 / 8, 1)).toBeCloseTo(91.4, 1);
  });

  it('scales by (Ca² + Cs²)/2 in Allen-Cunneen', () => {
    const base = meanWaitMMc(2.5, 1 / 8, 25);
    expect(allenCunneen(2.5, 1 / 8, 25, 1, 1)).toBeCloseTo(base, 12);
    expect(allenCunneen(2.5, 1 / 8, 25, 1, 0.5)).toBeCloseTo(base * 0.75, 12);
    expect(allenCunneen(2.5, 1 / 8, 25, 1, 0)).toBeCloseTo(base / 2, 12); // M/D/c ≈ half of M/M/c
  });

  it('gives P(wait > t) = C·e^(−(cμ−λ)t)', () => {
    expect(probabilityWaitExceeds(0.5, 1, 1, 0)).toBeCloseTo(0.5, 12);
    expect(probabilityWaitExceeds(0.5, 1, 1, 2)).toBeCloseTo(0.5 * Math.exp(-1), 12);
    expect(probabilityWaitExceeds(2, 1, 3, 1)).toBeCloseTo((4 / 9) * Math.exp(-1), 12);
    expect(probabilityWaitExceeds(5, 1, 3, 1)).toBe(1);
  });
});

describe('windowsNeeded', () => {
  it('finds the fewest windows that meet the mean-wait target', () => {
    const lambda = 200 / 60;
    const mu = 1 / 8;
    const c = windowsNeeded(lambda, mu, 5);
    expect(meanWaitMMc(lambda, mu, c)).toBeLessThanOrEqual(5);
    expect(meanWaitMMc(lambda, mu, c - 1)).toBeGreaterThan(5);
    expect(c).toBe(28);
  });

  it('needs fewer windows when service times vary less', () => {
    const lambda = 200 / 60;
    expect(windowsNeeded(lambda, 1 / 8, 1, { ca2: 1, cs2: 0.3 })).toBeLessThanOrEqual(windowsNeeded(lambda, 1 / 8, 1));
  });

  it('returns 0 without arrivals and NaN for an unreachable target', () => {
    expect(windowsNeeded(0, 1, 5)).toBe(0);
    expect(windowsNeeded(1, 1, 0)).toBeNaN();
  });
});
