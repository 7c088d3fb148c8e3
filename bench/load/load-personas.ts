/**
 * What each simulated client does, step by step: a kiosk, a window clerk, a back-office reviewer, a citizen
 * tracking a case, a citizen searching the catalog. Every request is preceded by a think time; every reply is
 * checked for what a person at that step expects (an unexpected status is an error in the report).
 */
import type { Random } from '../hall-prng.ts';
import type { Credentials, StaffIdentity } from './load-auth.ts';
import type { MixBodies } from './load-bodies.ts';
import type { Expect, LoadHttp, Recorder, Reply, SendOptions } from './load-http.ts';
import { readJson } from './load-http.ts';
import { chance, drawThinkSeconds, pick, type ThinkTime } from './load-mix.ts';
import { BARE_ROUTE, HEALTH_ROUTE } from './load-report.ts';

/** What the clients share: the target, the recorder, and what earlier steps produced (cases to track). */
export interface HallDay {
  readonly http: LoadHttp;
  readonly recorder: Recorder;
  readonly credentials: Credentials;
  readonly bodies: MixBodies;
  readonly think: ThinkTime;
  readonly hall: string;
  readonly tenant: string;
  /** Accepted cases, newest last (the last 1,000 kept): what trackers look up. */
  readonly cases: { number: string; queryCode: string }[];
  /** Distinct numbers for idempotency keys and applicants across clients. */
  serial: number;
  /** Set when the measured phase is over: clients finish their step and stop. */
  stopped: boolean;
  /** Resolves at the stop, cutting every think time short (a think time may be 10 s). */
  readonly whenStopped: Promise<void>;
}

export interface Client {
  readonly id: number;
  readonly random: Random;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const think = (day: HallDay, client: Client) =>
  Promise.race([sleep(drawThinkSeconds(client.random, day.think) * 1000), day.whenStopped]);

/** Sends as `who` (none: a public request), records under `route`, signs in again once on a 401. */
export const act = async (day: HallDay, route: string, options: SendOptions, expect: Expect, who?: StaffIdentity): Promise<Reply> => {
  const send = async () =>
    day.http.send({ ...options, headers: { ...options.headers, ...(who ? await day.credentials.headers(who) : {}) } });
  let reply = await send();
  if (reply.status === 401 && who) {
    day.recorder.record(route, reply, { ok: [], conflict: [401] }); // an expired token: shown, not an error
    day.credentials.expire(who);
    reply = await send();
  }
  day.recorder.record(route, reply, expect);
  return reply;
};

/** 取号: a kiosk; a fresh Idempotency-Key per ticket, as a kiosk sends one. */
export const runKiosk = async (day: HallDay, client: Client): Promise<void> => {
  const { random } = client;
  while (!day.stopped) {
    await think(day, client);
    const roll = random();
    const body =
      roll < 0.12
        ? { class: 'priority', priorityReason: 'elderly' }
        : roll < 0.2
          ? { class: 'normal', matterCode: pick(random, day.bodies.ticketMatterCodes) }
          : { class: 'normal' };
    const path = `/v1/halls/${day.hall}/tickets`;
    await act(day, 'POST /v1/halls/{hall}/tickets', { method: 'POST', path, body, headers: { 'idempotency-key': `load-${client.id}-${day.serial++}` } }, { ok: [201] });
  }
};

/** Intake of one case at a window: 70% one matter, 30% the 开办餐饮店 bundle; its number and code go to trackers. */
export const submitIntake = async (day: HallDay, client: Client, who: StaffIdentity): Promise<string | null> => {
  const bundle = chance(client.random, 0.3);
  const kind = bundle ? day.bodies.bundle : pick(client.random, day.bodies.singles);
  const n = day.serial++;
  const reply = await act(
    day,
    bundle ? 'POST /v1/cases (bundle)' : 'POST /v1/cases (one matter)',
    { method: 'POST', path: '/v1/cases', body: kind.body(n, day.hall), headers: { 'idempotency-key': `load-case-${client.id}-${n}` } },
    { ok: [201] },
    who,
  );
  const accepted = reply.status === 201 ? readJson<{ number?: string; queryCode?: string; status?: string }>(reply) : null;
  if (!accepted?.number || !accepted.queryCode) return null;
  if (accepted.status !== 'in-review') day.recorder.errorExamples.push(`intake ${kind.label} not accepted: ${accepted.status}`);
  day.cases.push({ number: accepted.number, queryCode: accepted.queryCode });
  if (day.cases.length > 1000) day.cases.splice(0, day.cases.length - 1000);
  return accepted.number;
};

/** 窗口: call next; when a ticket comes, 60% of visits end in an intake, then complete it. */
export const runWindow = async (day: HallDay, client: Client, window: string): Promise<void> => {
  const who: StaffIdentity = { role: 'front-desk', tenant: day.tenant, person: `window-${window}` };
  const base = `/v1/halls/${day.hall}`;
  while (!day.stopped) {
    await think(day, client);
    const called = await act(day, 'POST /v1/halls/{hall}/windows/{window}/call', { method: 'POST', path: `${base}/windows/${window}/call` }, { ok: [200, 204] }, who);
    const ticket = called.status === 200 ? readJson<{ ticket?: { id?: string } }>(called)?.ticket?.id : undefined;
    if (!ticket) continue;
    let caseNumber: string | null = null;
    const outcome = chance(client.random, 0.6) ? 'case_accepted' : chance(client.random, 0.75) ? 'consultation_only' : 'referred';
    if (outcome === 'case_accepted') {
      await think(day, client);
      caseNumber = await submitIntake(day, client, who);
    }
    await think(day, client);
    // Finished even after the stop: a clerk never leaves a citizen held at the window.
    const body = { outcome: caseNumber === null && outcome === 'case_accepted' ? 'consultation_only' : outcome, window, ...(caseNumber ? { caseNumber } : {}) };
    await act(day, 'POST /v1/halls/{hall}/tickets/{id}/complete', { method: 'POST', path: `${base}/tickets/${ticket}/complete`, body }, { ok: [200] }, who);
  }
};

/** 后台审批: open tasks of its department, claim one at random (colleagues race; the loser sees 409), decide it. */
export const runReviewer = async (day: HallDay, client: Client, department: string): Promise<void> => {
  const who: StaffIdentity = { role: 'back-office', tenant: day.tenant, department, person: `reviewer-${client.id}`, distinct: true };
  // Signed in, the token's staff id acts (a different one would be 403); without credentials, a name of its own.
  const reviewer = (await day.credentials.staffId(who)) ?? `load-${department}-${client.id}`;
  // Sharing one demo account (--url), two clients are one staff member: both may "hold" a task, one decides it.
  const decisionExpect = (await day.credentials.shared(who)) ? { ok: [200], conflict: [409] } : { ok: [200] };
  while (!day.stopped) {
    await think(day, client);
    const inbox = await act(
      day,
      'GET /v1/departments/{id}/tasks',
      { method: 'GET', path: `/v1/departments/${department}/tasks?status=open&limit=20` },
      { ok: [200] },
      who,
    );
    const tasks = readJson<{ tasks?: { id: string }[] }>(inbox)?.tasks ?? [];
    if (tasks.length === 0) continue;
    const task = pick(client.random, tasks).id;
    await think(day, client);
    const claimed = await act(day, 'POST /v1/tasks/{id}/claim', { method: 'POST', path: `/v1/tasks/${task}/claim`, body: { reviewer } }, { ok: [200], conflict: [409] }, who);
    if (claimed.status !== 200) continue;
    await think(day, client);
    const decision = chance(client.random, 0.95) ? { kind: 'approve' } : { kind: 'reject', reason: '经营场所不符合要求（负载测试）' };
    await act(day, 'POST /v1/tasks/{id}/decision', { method: 'POST', path: `/v1/tasks/${task}/decision`, body: { reviewer, decision } }, decisionExpect, who);
  }
};

/** 办件查询: a citizen with a receipt (number and query code) checks progress. */
export const runTracker = async (day: HallDay, client: Client): Promise<void> => {
  while (!day.stopped) {
    await think(day, client);
    if (day.cases.length === 0) continue;
    // Mostly recent cases: people check soon after the visit.
    const recent = day.cases.slice(-200);
    const { number, queryCode } = pick(client.random, recent);
    await act(day, 'GET /v1/track/{number}', { method: 'GET', path: `/v1/track/${encodeURIComponent(number)}?code=${queryCode}` }, { ok: [200] });
  }
};

/** 事项查找: what people type into the portal or the hall's self-service screen. */
export const runSearcher = async (day: HallDay, client: Client): Promise<void> => {
  while (!day.stopped) {
    await think(day, client);
    const q = pick(client.random, day.bodies.queries);
    await act(day, 'GET /v1/matters?q=', { method: 'GET', path: `/v1/matters?q=${encodeURIComponent(q)}&limit=10` }, { ok: [200] });
  }
};

/**
 * Reference probes: a few clients with the same think time alternate the bare worker and GET /v1/health, so
 * the floor is sampled under the very same load, spread over the whole run (recorded apart from the mix).
 */
export const runProbe = async (day: HallDay, client: Client, bare: LoadHttp | null): Promise<void> => {
  while (!day.stopped) {
    await think(day, client);
    if (bare) day.recorder.record(BARE_ROUTE, await bare.send({ method: 'GET', path: '/' }), { ok: [200] });
    await think(day, client);
    day.recorder.record(HEALTH_ROUTE, await day.http.send({ method: 'GET', path: '/v1/health' }), { ok: [200] });
  }
};
