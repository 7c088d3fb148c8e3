import { evictDurableObject, reset, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import { SNAPSHOT_EVERY } from '../hall/hall-engine.ts';
import type { QueueReply } from '../schemas/hall-replies.ts';
import {
  HALL,
  callNext,
  getQueue,
  getTicket,
  hallStub,
  openWindows,
  postJson,
  shiftHallClock,
  takePriority,
  takeTicket,
  ticketAction,
} from './hall-helpers.ts';

beforeEach(async () => {
  await reset();
});

/** What must survive a restart: the line in call order, the windows, the recent calls and the log position. */
const durablePart = (q: QueueReply) => ({
  seq: q.seq,
  day: q.day,
  waiting: Object.fromEntries(
    Object.entries(q.waiting).map(([cls, entries]) => [cls, entries.map((e) => [e.id, e.number, e.position, e.transferTo])]),
  ),
  windows: q.windows,
  recentCalls: q.recentCalls,
  lastAnnouncementSeq: q.lastAnnouncementSeq,
});

const readMeta = (key: string) =>
  runInDurableObject(hallStub(), (_, state) => {
    const rows = state.storage.sql.exec<{ value: string }>('SELECT value FROM hall_meta WHERE key = ?', key).toArray();
    return rows[0]?.value ?? null;
  });

describe('a hall restarted mid-day', () => {
  it('continues with nothing lost or duplicated: numbers, the waiting line, the windows', async () => {
    await openWindows(['1', '2', '3']);
    for (let i = 0; i < 12; i++) await (i % 4 === 3 ? takePriority() : takeTicket());
    const first = await callNext('1');
    const second = await callNext('2');
    await ticketAction(first!.ticket.id, 'complete', { outcome: 'case_accepted' });
    const before = await getQueue();

    await evictDurableObject(hallStub());

    expect(durablePart(await getQueue())).toEqual(durablePart(before));
    const next = await takeTicket();
    expect(next.number).toBe('A010'); // A001-A009 and B001-B003 were taken before the restart
    // The line resumes where it was: every remaining ticket is called once, in the same order as planned.
    const planned = [...before.waiting.normal, ...before.waiting.priority].sort((a, b) => a.position - b.position).map((w) => w.id);
    const called: string[] = [];
    for (;;) {
      const reply = await callNext('1');
      if (!reply) break;
      called.push(reply.ticket.id);
      await ticketAction(reply.ticket.id, 'complete', { outcome: 'referred' });
    }
    expect(called).toEqual([...planned, next.id]);
    expect((await getTicket(second!.ticket.id)).status).toBe('called'); // still at window 2
  });

  it(`snapshots every ${SNAPSHOT_EVERY} events and restarts from the snapshot plus the events after it`, async () => {
    await openWindows(['1']);
    for (let i = 0; i < SNAPSHOT_EVERY + 20; i++) await takeTicket();
    await callNext('1');
    const snapshotSeq = Number(await readMeta('snapshot_seq'));
    expect(snapshotSeq).toBeGreaterThan(0);
    const before = await getQueue();
    expect(before.seq).toBeGreaterThan(snapshotSeq);

    await evictDurableObject(hallStub());
    expect(durablePart(await getQueue())).toEqual(durablePart(before));

    // A snapshot of another format is ignored: the state is rebuilt from the whole log, the same.
    await runInDurableObject(hallStub(), (_, state) => {
      state.storage.sql.exec("UPDATE hall_meta SET value = 'hall-state/0' WHERE key = 'snapshot_format'");
    });
    await evictDurableObject(hallStub());
    expect(durablePart(await getQueue())).toEqual(durablePart(before));
    expect((await takeTicket()).number).toBe(`A${SNAPSHOT_EVERY + 21}`);
  }, 30_000);
});

describe('a hall stored before keys moved into the event log', () => {
  it('still loads, and still replays the keys of its old idempotency table', async () => {
    const original = await takeTicket({ class: 'normal' }, 'kiosk-7-0001');
    // Turn the storage back into the old layout: no key columns on the events, the key in hall_idempotency.
    await runInDurableObject(hallStub(), (_, state) => {
      const { sql } = state.storage;
      const [row] = sql.exec<{ reply: string; fp: string; exp: number }>(
        'SELECT idem_reply AS reply, idem_fingerprint AS fp, idem_expires_at AS exp FROM hall_events WHERE idem_key IS NOT NULL',
      ).toArray();
      for (const column of ['idem_key', 'idem_fingerprint', 'idem_reply', 'idem_expires_at']) sql.exec(`ALTER TABLE hall_events DROP COLUMN ${column}`);
      sql.exec("DELETE FROM hall_meta WHERE key = 'events_format'");
      sql.exec('INSERT INTO hall_idempotency VALUES (?, ?, ?, ?, ?)', 'kiosk-7-0001', row!.fp, row!.reply, 0, row!.exp);
    });
    await evictDurableObject(hallStub());
    expect(await takeTicket({ class: 'normal' }, 'kiosk-7-0001')).toEqual(original);
    const next = await takeTicket({ class: 'normal' }, 'kiosk-7-0002');
    expect(next.id).not.toBe(original.id);
    await evictDurableObject(hallStub());
    expect(await takeTicket({ class: 'normal' }, 'kiosk-7-0002')).toEqual(next);
  });
});

describe('the one alarm', () => {
  it('marks a called ticket a no-show when the recall timeout passes', async () => {
    await openWindows(['4']);
    const ticket = await takeTicket();
    await callNext('4');
    await ticketAction(ticket.id, 'recall');
    await ticketAction(ticket.id, 'recall');
    // Before the timeout the alarm changes nothing.
    expect(await runDurableObjectAlarm(hallStub())).toBe(true);
    expect((await getTicket(ticket.id)).status).toBe('called');

    await shiftHallClock(61_000);
    expect(await runDurableObjectAlarm(hallStub())).toBe(true);
    expect((await getTicket(ticket.id)).status).toBe('no_show');
    const window = (await getQueue()).windows.find((w) => w.id === '4');
    expect(window?.ticket).toBeNull();
  });

  it('closes the day at midnight: unfinished tickets expire, windows close, numbering restarts', async () => {
    await openWindows(['1', '2']);
    const waiting = await takeTicket();
    const held = await takeTicket();
    await callNext('1');
    await shiftHallClock(25 * 60 * 60 * 1000);
    expect(await runDurableObjectAlarm(hallStub())).toBe(true);
    expect((await getTicket(waiting.id)).status).toBe('expired');
    const queue = await getQueue();
    expect(queue.waitingTotal).toBe(0);
    expect(queue.windows.every((w) => w.status === 'closed' && w.ticket === null)).toBe(true);
    expect((await takeTicket()).number).toBe('A001');
    await expectStatus(postJson(`/v1/halls/${HALL}/tickets/${held.id}/complete`, { outcome: 'referred' }), 409);
  });

  it('forgets idempotency keys after 24 hours, and not before', async () => {
    const original = await takeTicket({ class: 'normal' }, 'kiosk-5-0001');
    await shiftHallClock(60 * 60 * 1000);
    expect(await runDurableObjectAlarm(hallStub())).toBe(true);
    expect((await takeTicket({ class: 'normal' }, 'kiosk-5-0001')).id).toBe(original.id);
    await shiftHallClock(25 * 60 * 60 * 1000);
    expect(await runDurableObjectAlarm(hallStub())).toBe(true);
    const rows = await runInDurableObject(hallStub(), (_, state) => state.storage.sql.exec('SELECT idem_key FROM hall_events WHERE idem_key IS NOT NULL').toArray());
    expect(rows).toEqual([]);
    expect((await takeTicket({ class: 'normal' }, 'kiosk-5-0001')).id).not.toBe(original.id);
  });
});

const expectStatus = async (response: Promise<Response>, status: number) => expect((await response).status).toBe(status);
