/**
 * Before the measured minute: wait for the worker, open the hall's windows, put some citizens in line and some
 * cases in the back offices, so the first seconds measure a hall in the middle of its day rather than an empty one.
 * Nothing here is recorded (the recorder has not started).
 */
import type { Random } from '../hall-prng.ts';
import type { MixBodies } from './load-bodies.ts';
import { readJson } from './load-http.ts';
import { act, submitIntake, type HallDay } from './load-personas.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls GET /v1/health until 200 (a fresh isolate builds its catalog index on the first request). */
export const waitUntilReady = async (day: HallDay, seconds = 60): Promise<void> => {
  const deadline = Date.now() + seconds * 1000;
  let last = '';
  while (Date.now() < deadline) {
    const reply = await day.http.send({ method: 'GET', path: '/v1/health' });
    if (reply.status === 200) return;
    last = `${reply.status} ${reply.text.slice(0, 200)}`;
    await sleep(250);
  }
  throw new Error(`the worker did not become healthy within ${seconds} s: ${last}`);
};

/** The hall's window ids, from its public queue snapshot. */
export const listWindows = async (day: HallDay): Promise<string[]> => {
  const reply = await day.http.send({ method: 'GET', path: `/v1/halls/${day.hall}/queue` });
  const windows = readJson<{ windows?: { id: string }[] }>(reply)?.windows?.map((w) => w.id) ?? [];
  if (windows.length === 0) throw new Error(`hall ${day.hall} lists no windows: ${reply.status} ${reply.text.slice(0, 200)}`);
  return windows;
};

/**
 * The clerks sign in before the measured phase, as a shift does before the doors open (each sign-in is a
 * PBKDF2 of 100,000 iterations by design: a burst of them is the start of a shift, not a hall day's load).
 */
export const signInClerks = async (day: HallDay, windows: readonly string[]): Promise<void> => {
  for (const window of windows) await day.credentials.headers({ role: 'front-desk', tenant: day.tenant, person: `window-${window}` });
};

/** Opens the windows the clerks will staff (a window opened already stays open). */
export const openWindows = async (day: HallDay, windows: readonly string[]): Promise<void> => {
  const who = { role: 'front-desk', tenant: day.tenant, person: 'manager' } as const;
  for (const window of windows) {
    const reply = await act(day, 'setup', { method: 'POST', path: `/v1/halls/${day.hall}/windows/${window}/open` }, { ok: [200] }, who);
    if (reply.status !== 200) throw new Error(`opening window ${window}: ${reply.status} ${reply.text.slice(0, 200)}`);
  }
};

/** A line of `tickets` citizens and `cases` accepted cases (their tasks now in the back offices). */
export const seedHallDay = async (day: HallDay, random: Random, tickets: number, cases: number): Promise<void> => {
  for (let i = 0; i < tickets; i++) {
    const reply = await act(
      day,
      'setup: ticket',
      { method: 'POST', path: `/v1/halls/${day.hall}/tickets`, body: { class: 'normal' }, headers: { 'idempotency-key': `load-setup-${day.serial++}` } },
      { ok: [201] },
    );
    if (reply.status !== 201) throw new Error(`setup ticket: ${reply.status} ${reply.text.slice(0, 200)}`);
  }
  for (let i = 0; i < cases; i++) {
    const number = await submitIntake(day, { id: -1, random }, { role: 'front-desk', tenant: day.tenant, person: 'setup' });
    if (number === null) throw new Error(`setup intake was not accepted: ${day.recorder.lastSetupError}`);
  }
};

/**
 * Reviewers per department, in proportion to the tasks the intake mix sends each (70% single matters shared
 * evenly, 30% the bundle with a task per member), largest remainder; the busiest department first. Only
 * departments `staffed` says can be signed in for (all of them when none can: a worker without sign-in).
 */
export const allocateReviewers = (
  reviewers: number,
  bodies: MixBodies,
  staffed: (department: string) => boolean = () => true,
  bundleShare = 0.3,
): [string, number][] => {
  const weight = new Map<string, number>();
  const add = (department: string, w: number) => weight.set(department, (weight.get(department) ?? 0) + w);
  for (const single of bodies.singles) for (const d of single.departments) add(d, (1 - bundleShare) / bodies.singles.length);
  for (const d of bodies.bundle.departments) add(d, bundleShare);
  const all = [...weight].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const ordered = all.some(([d]) => staffed(d)) ? all.filter(([d]) => staffed(d)) : all;
  const total = ordered.reduce((s, [, w]) => s + w, 0);
  const exact = ordered.map(([d, w]) => [d, (reviewers * w) / total] as const);
  const counts = exact.map(([d, x]) => [d, Math.floor(x)] as [string, number]);
  const byRemainder = exact.map(([, x], i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; counts.reduce((s, [, c]) => s + c, 0) < reviewers; k++) counts[byRemainder[k % byRemainder.length]![1]]![1]++;
  return counts.filter(([, c]) => c > 0);
};
