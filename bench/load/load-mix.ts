/**
 * The hall-day mix: who the simulated clients are and how long each waits between actions. Pure (the random
 * source is passed in), so the allocation and the think-time distribution are tested and documented in one place.
 *
 * Every client is one person or terminal and loops over its persona's steps, waiting a think time before EVERY
 * request: a closed system with think time, like a hall (and like the peer's "200 concurrent users"), not a
 * closed-loop flood. Offered rate = clients ÷ mean think time; a slow server lowers the achieved rate below it.
 */
import type { Random } from '../hall-prng.ts';

export type Persona = 'kiosk' | 'window' | 'reviewer' | 'tracker' | 'searcher';

export interface PersonaSpec {
  readonly persona: Persona;
  /** Share of the clients. */
  readonly weight: number;
  /** What one loop of this persona sends, for the README and the report. */
  readonly loop: string;
}

/**
 * Weights, and why: a window's loop (call, maybe an intake, complete) needs about 5 tickets/s from the kiosks
 * at 29 windows; each intake makes ~2 back-office tasks, each needing 3 reviewer requests, so reviewers outnumber
 * windows; the public side (tracking, catalog search from the portal and the hall's self-service screens) is
 * the largest group, as read traffic is on any government portal.
 */
export const PERSONAS: readonly PersonaSpec[] = [
  { persona: 'window', weight: 15, loop: 'call next (204: nobody waits, think, call again) → 60% intake (70% one matter, 30% 开办餐饮店 bundle) → complete' },
  { persona: 'kiosk', weight: 7, loop: 'take a ticket (80% normal, 12% priority/elderly, 8% with a matter code)' },
  { persona: 'reviewer', weight: 19, loop: 'inbox of its department → claim a random open task → approve (95%) or reject (5%)' },
  { persona: 'tracker', weight: 25, loop: 'track a recent case with its query code' },
  { persona: 'searcher', weight: 34, loop: 'search the catalog with a labelled query (Chinese, pinyin, initials, colloquial)' },
];

/**
 * How many clients of each persona: largest-remainder shares of the weights, at least one of each when there
 * are enough clients, windows capped at the hall's windows (two clerks on one window would only see WINDOW_BUSY);
 * what the cap removes goes to the largest group.
 */
export const allocateClients = (clients: number, windows: number, specs: readonly PersonaSpec[] = PERSONAS): Map<Persona, number> => {
  const total = specs.reduce((s, p) => s + p.weight, 0);
  const exact = specs.map((p) => (clients * p.weight) / total);
  const counts = exact.map(Math.floor);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; counts.reduce((s, c) => s + c, 0) < clients; k++) counts[order[k % order.length]![1]]!++;
  if (clients >= specs.length) {
    // Every persona present: take from the largest group for each empty one.
    for (let i = 0; i < counts.length; i++) {
      if (counts[i] === 0) {
        counts[counts.indexOf(Math.max(...counts))]!--;
        counts[i] = 1;
      }
    }
  }
  const w = specs.findIndex((p) => p.persona === 'window');
  if (w >= 0 && counts[w]! > windows) {
    const spare = counts[w]! - windows;
    counts[w] = windows;
    const largest = counts.indexOf(Math.max(...counts));
    counts[largest]! += spare;
  }
  return new Map(specs.map((p, i) => [p.persona, counts[i]!]));
};

export interface ThinkTime {
  /** Shortest wait, s: a person needs a moment to read a screen and act. */
  readonly minSeconds: number;
  /** Mean of the exponential part, s. */
  readonly expMeanSeconds: number;
  /** Longest wait, s (the exponential's rare long tail is cut here so one draw cannot idle a client for a minute). */
  readonly maxSeconds: number;
}

/** Shifted exponential: 1 s + Exp(mean 1 s), capped at 10 s; mean ≈ 2 s. */
export const HALL_THINK: ThinkTime = { minSeconds: 1, expMeanSeconds: 1, maxSeconds: 10 };

/** One think time in seconds. */
export const drawThinkSeconds = (random: Random, think: ThinkTime): number =>
  Math.min(think.maxSeconds, think.minSeconds - think.expMeanSeconds * Math.log(1 - random()));

/** The mean of the capped shifted exponential: min + m·(1 − e^(−(max−min)/m)). */
export const meanThinkSeconds = (think: ThinkTime): number =>
  think.minSeconds + think.expMeanSeconds * (1 - Math.exp(-(think.maxSeconds - think.minSeconds) / think.expMeanSeconds));

/** Requests per second the clients would send if every reply were instant. */
export const offeredRate = (clients: number, think: ThinkTime): number => clients / meanThinkSeconds(think);

/** True with probability p. */
export const chance = (random: Random, p: number): boolean => random() < p;

/** One element, uniformly. */
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
