import { evictDurableObject, reset, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CallReply, TicketActionReply } from '../schemas/hall-replies.ts';
import { HALL, call, callNext, getQueue, getTicket, hallStub, openWindows, postJson, shiftHallClock, takeTicket, ticketAction } from './hall-helpers.ts';
import { expectError } from './helpers.ts';

beforeEach(async () => {
  await reset();
});

const TICKETS = `/v1/halls/${HALL}/tickets`;
const WINDOWS = `/v1/halls/${HALL}/windows`;

/** A window console's request with its Idempotency-Key. */
const keyed = (path: string, key: string, body?: unknown) => postJson(path, body, { 'Idempotency-Key': key });

/** Sends the request twice with the same key: the first acts (200), the retry is its replay. */
const sendTwice = async (path: string, key: string, body?: unknown) => {
  const first = await keyed(path, key, body);
  expect(first.status, await first.clone().text()).toBe(200);
  expect(first.headers.get('Idempotent-Replay')).toBeNull();
  const retry = await keyed(path, key, body);
  expect(retry.status, await retry.clone().text()).toBe(200);
  expect(retry.headers.get('Idempotent-Replay')).toBe('true');
  const [original, replayed] = await Promise.all([first.json(), retry.json()]);
  expect(replayed).toEqual(original);
  return original;
};

/** A ticket called at window 1, with a second one waiting behind it. */
const callOne = async () => {
  await openWindows(['1', '2']);
  const ticket = await takeTicket();
  await takeTicket();
  await callNext('1');
  return ticket;
};

describe('a retried recall with the same Idempotency-Key', () => {
  it('announces once and counts one recall', async () => {
    const ticket = await callOne();
    const before = await getQueue();
    const reply = (await sendTwice(`${TICKETS}/${ticket.id}/recall`, 'console-1-0001', { window: '1' })) as TicketActionReply;
    expect(reply.announcement?.text).toBe('请 A001 号到 1 号窗口办理');
    expect(reply.ticket.recalls).toBe(1);
    expect((await getTicket(ticket.id)).recalls).toBe(1);
    const after = await getQueue();
    expect(after.seq).toBe(before.seq + 1);
    expect(after.lastAnnouncementSeq).toBe(before.lastAnnouncementSeq + 1);
    expect(after.recentCalls.filter((c) => c.recall)).toHaveLength(1);
  });

  it('does not make the ticket a no-show when the recall that reached the limit is retried', async () => {
    const ticket = await callOne();
    await ticketAction(ticket.id, 'recall');
    const reply = (await sendTwice(`${TICKETS}/${ticket.id}/recall`, 'console-1-0002')) as TicketActionReply;
    expect(reply.ticket).toMatchObject({ status: 'called', recalls: 2 });
    expect(await getTicket(ticket.id)).toMatchObject({ status: 'called', recalls: 2 });
  });
});

describe('a retried call with the same Idempotency-Key', () => {
  it('returns the ticket and announcement it was given, not WINDOW_BUSY, and calls it once', async () => {
    await openWindows(['1']);
    const first = await takeTicket();
    const second = await takeTicket();
    const reply = (await sendTwice(`${WINDOWS}/1/call`, 'console-1-0003')) as CallReply;
    expect(reply.ticket.id).toBe(first.id);
    expect(reply.announcement.text).toBe('请 A001 号到 1 号窗口办理');
    const queue = await getQueue();
    expect(queue.recentCalls.map((c) => c.ticketId)).toEqual([first.id]);
    expect(queue.waiting.normal.map((w) => w.id)).toEqual([second.id]);
    expect(queue.windows.find((w) => w.id === '1')?.ticket?.id).toBe(first.id);
    // Without the key the same retry is refused: the window holds the ticket now.
    await expectError(await postJson(`${WINDOWS}/1/call`), 409, 'WINDOW_BUSY');
  });

  it('makes concurrent retries of one call call one ticket', async () => {
    await openWindows(['1']);
    await takeTicket();
    await takeTicket();
    const replies = await Promise.all(Array.from({ length: 10 }, () => keyed(`${WINDOWS}/1/call`, 'console-1-0010')));
    expect(replies.map((r) => r.status)).toEqual(Array(10).fill(200));
    const bodies = (await Promise.all(replies.map((r) => r.json()))) as CallReply[];
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    expect(replies.filter((r) => r.headers.get('Idempotent-Replay') === 'true')).toHaveLength(9);
    expect((await getQueue()).waitingTotal).toBe(1);
  });

  it('stores nothing when nobody waits (204): the retry calls as usual once someone does', async () => {
    await openWindows(['1']);
    expect((await keyed(`${WINDOWS}/1/call`, 'console-1-0004')).status).toBe(204);
    const ticket = await takeTicket();
    const reply = (await sendTwice(`${WINDOWS}/1/call`, 'console-1-0004')) as CallReply;
    expect(reply.ticket.id).toBe(ticket.id);
  });
});

describe('every state-changing hall command', () => {
  it.each([
    ['start', { window: '1' }],
    ['complete', { outcome: 'case_accepted', caseNumber: 'XS-2026-0001', window: '1' }],
    ['no-show', {}],
    ['transfer', { toWindow: '2', window: '1' }],
    ['transfer', { backToLine: true }],
    ['cancel', undefined],
  ])('replays a retried %s %j without acting again', async (action, body) => {
    const ticket = await callOne();
    await sendTwice(`${TICKETS}/${ticket.id}/${action}`, `console-1-${action}`, body);
    const before = await getQueue();
    // A third retry is a replay too, and still no new event.
    const again = await keyed(`${TICKETS}/${ticket.id}/${action}`, `console-1-${action}`, body);
    expect(again.headers.get('Idempotent-Replay')).toBe('true');
    expect((await getQueue()).seq).toBe(before.seq);
  });

  it('replays retried window actions: open, pause, resume, close', async () => {
    const seqs: number[] = [];
    for (const [action, body] of [['open'], ['pause', { reason: '午休' }], ['resume'], ['close']] as const) {
      const window = await sendTwice(`${WINDOWS}/3/${action}`, `console-3-${action}`, body);
      expect(window).toMatchObject({ id: '3', status: { open: 'open', pause: 'paused', resume: 'open', close: 'closed' }[action] });
      seqs.push((await getQueue()).seq);
    }
    // One event per action, none for the retries.
    expect(seqs.map((s) => s - seqs[0]!)).toEqual([0, 1, 2, 3]);
  });

  it('stores nothing for a request that changes nothing: the key stays free', async () => {
    await openWindows(['4']);
    const seq = (await getQueue()).seq;
    expect((await keyed(`${WINDOWS}/4/open`, 'console-4-0001')).status).toBe(200);
    expect((await getQueue()).seq).toBe(seq);
    // Not IDEMPOTENCY_KEY_REUSED: the key is given to the pause, which it then replays.
    expect(await sendTwice(`${WINDOWS}/4/pause`, 'console-4-0001', { reason: '午休' })).toMatchObject({ status: 'paused' });
  });

  it('does not store a refusal: the same key acts once the refusal no longer applies', async () => {
    await openWindows(['1']);
    const ticket = await takeTicket();
    await expectError(await keyed(`${TICKETS}/${ticket.id}/recall`, 'console-1-0005'), 409, 'TICKET_NOT_CALLED');
    await callNext('1');
    await sendTwice(`${TICKETS}/${ticket.id}/recall`, 'console-1-0005');
    expect((await getTicket(ticket.id)).recalls).toBe(1);
  });
});

describe('one Idempotency-Key for another request', () => {
  it('is 422 IDEMPOTENCY_KEY_REUSED and changes nothing: another body, ticket, command, window or a take', async () => {
    await openWindows(['1', '2']);
    const first = await takeTicket();
    const second = await takeTicket();
    await callNext('1');
    await callNext('2');
    const key = 'console-1-0006';
    expect((await keyed(`${TICKETS}/${first.id}/recall`, key, { window: '1' })).status).toBe(200);
    const before = await getQueue();
    const reuses: Array<[string, unknown]> = [
      [`${TICKETS}/${first.id}/recall`, {}],
      [`${TICKETS}/${second.id}/recall`, { window: '1' }],
      [`${TICKETS}/${first.id}/no-show`, { window: '1' }],
      [`${TICKETS}/${first.id}/cancel`, undefined],
      [`${WINDOWS}/1/call`, undefined],
      [`${WINDOWS}/1/pause`, { reason: '午休' }],
      [TICKETS, { class: 'normal' }],
    ];
    for (const [path, body] of reuses) await expectError(await keyed(path, key, body), 422, 'IDEMPOTENCY_KEY_REUSED');
    const after = await getQueue();
    expect(after.seq).toBe(before.seq);
    expect(after.waitingTotal).toBe(0);
    expect((await getTicket(first.id)).recalls).toBe(1);
    expect((await getTicket(second.id)).recalls).toBe(0);
  });

  it('given to a take first, refuses a staff command', async () => {
    await openWindows(['1']);
    await takeTicket({ class: 'normal' }, 'shared-0001');
    await expectError(await keyed(`${WINDOWS}/1/call`, 'shared-0001'), 422, 'IDEMPOTENCY_KEY_REUSED');
    expect((await getQueue()).waitingTotal).toBe(1);
  });
});

describe('keyed staff commands across a restart and a day', () => {
  it('replay the stored reply after the hall object is rebuilt from storage', async () => {
    await openWindows(['1']);
    await takeTicket();
    const called = await keyed(`${WINDOWS}/1/call`, 'console-1-0007');
    const ticketId = ((await called.clone().json()) as CallReply).ticket.id;
    const recalled = await keyed(`${TICKETS}/${ticketId}/recall`, 'console-1-0008');
    const before = await getQueue();

    await evictDurableObject(hallStub());

    for (const [path, key, original] of [
      [`${WINDOWS}/1/call`, 'console-1-0007', called],
      [`${TICKETS}/${ticketId}/recall`, 'console-1-0008', recalled],
    ] as const) {
      const retry = await keyed(path, key);
      expect(retry.status).toBe(200);
      expect(retry.headers.get('Idempotent-Replay')).toBe('true');
      expect(await retry.json()).toEqual(await original.json());
    }
    expect((await getQueue()).seq).toBe(before.seq);
    expect((await getTicket(ticketId)).recalls).toBe(1);
  });

  it('forget their keys with the takes’ after 24 hours', async () => {
    await openWindows(['1']);
    await takeTicket();
    expect((await keyed(`${WINDOWS}/1/call`, 'console-1-0009')).status).toBe(200);
    const storedKeys = () =>
      runInDurableObject(hallStub(), (_, state) =>
        state.storage.sql.exec<{ idem_key: string }>('SELECT idem_key FROM hall_events WHERE idem_key IS NOT NULL').toArray(),
      );
    expect(await storedKeys()).toEqual([{ idem_key: 'console-1-0009' }]);
    await shiftHallClock(25 * 60 * 60 * 1000);
    expect(await runDurableObjectAlarm(hallStub())).toBe(true);
    expect(await storedKeys()).toEqual([]);
    // The key is free again: it opens the window (closed at midnight) instead of replaying or being refused.
    const reopened = await keyed(`${WINDOWS}/1/open`, 'console-1-0009');
    expect(reopened.status).toBe(200);
    expect(reopened.headers.get('Idempotent-Replay')).toBeNull();
  });
});

describe('staff commands without an Idempotency-Key', () => {
  it('act again on every retry, as before: a second recall counts', async () => {
    const ticket = await callOne();
    const first = await postJson(`${TICKETS}/${ticket.id}/recall`);
    const second = await postJson(`${TICKETS}/${ticket.id}/recall`);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get('Idempotent-Replay')).toBeNull();
    const a = (await first.json()) as TicketActionReply;
    const b = (await second.json()) as TicketActionReply;
    expect(b.announcement!.seq).toBe(a.announcement!.seq + 1);
    expect((await getTicket(ticket.id)).recalls).toBe(2);
    // A third is over the limit: the ticket becomes a no-show.
    expect((await ticketAction(ticket.id, 'recall')).ticket.status).toBe('no_show');
  });
});

describe('the keyed hall commands in the OpenAPI document', () => {
  const ROUTES = [
    ...['recall', 'start', 'complete', 'no-show', 'transfer', 'cancel'].map((a) => `/v1/halls/{hall}/tickets/{id}/${a}`),
    ...['call', 'open', 'pause', 'resume', 'close'].map((a) => `/v1/halls/{hall}/windows/{window}/${a}`),
  ];

  it('list the Idempotency-Key header, the Idempotent-Replay header, 422 IDEMPOTENCY_KEY_REUSED and what a replay returns', async () => {
    const doc = (await (await call('/v1/openapi.json')).json()) as {
      paths: Record<string, { post?: { description: string; parameters?: Array<{ in: string; name: string }>; responses: Record<string, any> } }>;
    };
    for (const path of ROUTES) {
      const op = doc.paths[path]?.post;
      expect(op, path).toBeDefined();
      expect(op!.parameters?.filter((p) => p.in === 'header').map((p) => p.name.toLowerCase()), path).toEqual(['idempotency-key']);
      expect(op!.responses['422']?.content?.['application/json']?.schema?.properties?.error?.properties?.code?.enum, path).toContain(
        'IDEMPOTENCY_KEY_REUSED',
      );
      expect(op!.responses['200']?.headers?.['Idempotent-Replay'], path).toBeDefined();
      // Chinese first, then English.
      expect(op!.description.indexOf('可带 `Idempotency-Key`'), path).toBeGreaterThan(0);
      expect(op!.description.indexOf('With an `Idempotency-Key`'), path).toBeGreaterThan(op!.description.indexOf('可带 `Idempotency-Key`'));
    }
  });
});
