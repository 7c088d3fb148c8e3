import { describe, expect, it } from 'vitest';
import { createRandom } from '../hall-prng.ts';
import { parseLoadArgs } from './load-args.ts';
import type { MixBodies } from './load-bodies.ts';
import { allocateReviewers } from './load-setup.ts';
import { allocateClients, drawThinkSeconds, HALL_THINK, meanThinkSeconds, offeredRate, PERSONAS } from './load-mix.ts';

describe('the hall-day mix', () => {
  it('gives every client a persona by weight, windows capped at the hall’s windows', () => {
    const counts = allocateClients(200, 29);
    expect([...counts.values()].reduce((s, n) => s + n, 0)).toBe(200);
    expect(Object.fromEntries(counts)).toEqual({ window: 29, kiosk: 14, reviewer: 38, tracker: 50, searcher: 69 });
    const few = allocateClients(20, 2);
    expect(few.get('window')).toBe(2);
    expect([...few.values()].every((n) => n >= 1)).toBe(true);
    expect([...few.values()].reduce((s, n) => s + n, 0)).toBe(20);
  });

  it('draws think times between the minimum and the cap, with the documented mean', () => {
    const random = createRandom(7);
    const draws = Array.from({ length: 20_000 }, () => drawThinkSeconds(random, HALL_THINK));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(HALL_THINK.minSeconds);
    expect(Math.max(...draws)).toBeLessThanOrEqual(HALL_THINK.maxSeconds);
    const mean = draws.reduce((s, x) => s + x, 0) / draws.length;
    expect(mean).toBeCloseTo(meanThinkSeconds(HALL_THINK), 1);
    expect(offeredRate(200, HALL_THINK)).toBeCloseTo(100, 0);
  });

  it('places reviewers by the tasks each department gets, only where they can sign in', () => {
    const kind = (departments: string[]) => ({ label: '', departments, body: () => ({}) });
    const bodies = { singles: [kind(['a']), kind(['b'])], bundle: kind(['a', 'c']), queries: [], ticketMatterCodes: [] } as MixBodies;
    // Task weights a 0.35 + 0.3, b 0.35, c 0.3 of 1.3: 10, 5.4, 4.6 reviewers of 20.
    expect(allocateReviewers(20, bodies)).toEqual([['a', 10], ['b', 5], ['c', 5]]);
    expect(allocateReviewers(20, bodies, (d) => d === 'b')).toEqual([['b', 20]]);
    expect(allocateReviewers(20, bodies, () => false).map(([d]) => d)).toEqual(['a', 'b', 'c']);
  });

  it('documents a loop for every persona', () => {
    expect(PERSONAS.every((p) => p.weight > 0 && p.loop.length > 0)).toBe(true);
  });

  it('reads the command line, with --smoke as 20 clients for a few seconds', () => {
    expect(parseLoadArgs([])).toMatchObject({ clients: 200, durationS: 60, smoke: false, url: null });
    expect(parseLoadArgs(['--smoke'])).toMatchObject({ clients: 20, durationS: 6, smoke: true });
    expect(parseLoadArgs(['--clients', '50', '--duration=30', '--url', 'http://127.0.0.1:8787'])).toMatchObject({ clients: 50, durationS: 30 });
    expect(() => parseLoadArgs(['--clients', '0'])).toThrow(/positive/);
    expect(() => parseLoadArgs(['--nope'])).toThrow(/unknown option/);
  });
});
