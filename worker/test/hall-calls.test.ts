import { reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CallReply, TicketReply } from '../schemas/hall-replies.ts';
import {
  HALL,
  WINDOW_IDS,
  call,
  callNext,
  getQueue,
  getTicket,
  openWindows,
  postJson,
  takePriority,
  takeTicket,
  ticketAction,
  windowAction,
} from './hall-helpers.ts';
import { expectError } from './helpers.ts';

beforeEach(async () => {
  await reset();
});

/** Takes `normal` A tickets and `priority` B tickets, interleaved as citizens would arrive. */
const takeMany = async (normal: number, priority: number): Promise<TicketReply[]> => {
  const taken: TicketReply[] = [];
  for (let i = 0; i < normal + priority; i++) {
    const isPriority = i % 3 === 2 && taken.filter((t) => t.class === 'priority').length < priority;
    const normalLeft = normal - taken.filter((t) => t.class === 'normal').length;
    taken.push(await (isPriority || normalLeft === 0 ? takePriority() : takeTicket()));
  }
  return taken;
};

const ticketNumber = (n: string) => Number(n.slice(1));

describe('many windows calling at once', () => {
  it('never gives one ticket to two windows; every ticket ends called once, cancelled or a no-show', async () => {
    await openWindows();
    const calledAt = new Map<string, string>();
    const calls: CallReply[] = [];
    for (let run = 0; run < 3; run++) {
      // 60 citizens at the kiosks at once: 40 normal, 20 priority.
      const tickets = await Promise.all(Array.from({ length: 60 }, (_, i) => (i % 3 === 2 ? takePriority() : takeTicket())));
      expect(new Set(tickets.map((t) => t.number)).size).toBe(60);
      // Citizens who give up before their turn.
      const cancelled = new Set([tickets[3]!.id, tickets[17]!.id, tickets[44]!.id]);
      await Promise.all([...cancelled].map((id) => ticketAction(id, 'cancel')));

      let round = 0;
      for (;;) {
        const replies = await Promise.all(WINDOW_IDS.map((window) => callNext(window)));
        const got = replies.filter((r): r is CallReply => r !== null);
        if (got.length === 0) break;
        for (const reply of got) {
          expect(calledAt.has(reply.ticket.id), `${reply.ticket.number} called twice`).toBe(false);
          expect(cancelled.has(reply.ticket.id)).toBe(false);
          calledAt.set(reply.ticket.id, reply.ticket.window!.id);
          calls.push(reply);
        }
        // Windows finish their citizens (a few never came), all at once as well.
        await Promise.all(
          got.map((reply, i) =>
            i % 7 === 3
              ? ticketAction(reply.ticket.id, 'no-show', { window: reply.ticket.window!.id })
              : ticketAction(reply.ticket.id, 'complete', { outcome: 'case_accepted', window: reply.ticket.window!.id }),
          ),
        );
        round++;
      }
      expect(round).toBe(2); // 57 waiting: 29 then 28
      const ended = await Promise.all(tickets.map((t) => getTicket(t.id)));
      for (const ticket of ended) {
        if (cancelled.has(ticket.id)) expect(ticket.status).toBe('cancelled');
        else expect(['completed', 'no_show']).toContain(ticket.status);
      }
      expect((await getQueue()).waitingTotal).toBe(0);
    }
    expect(calledAt.size).toBe(3 * 57);
    // Announcements are numbered in one hall-wide order without gaps or repeats.
    const seqs = calls.map((c) => c.announcement.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    for (const c of calls) expect(c.announcement.text).toBe(`请 ${c.ticket.number} 号到 ${c.ticket.window!.id} 号窗口办理`);

    const stats = (await (await call(`/v1/halls/${HALL}/stats`)).json()) as { totals: { calls: number; cancellations: number } };
    expect(stats.totals).toMatchObject({ calls: 3 * 57, cancellations: 9 });
  }, 30_000);

  it('calls first come, first served within a class and keeps 2 normal : 1 priority while both wait', async () => {
    await takeMany(30, 15);
    await openWindows(['1', '2', '3']);
    const order: CallReply[] = [];
    for (;;) {
      const replies = await Promise.all(['1', '2', '3'].map((w) => callNext(w)));
      const got = replies.filter((r): r is CallReply => r !== null);
      if (got.length === 0) break;
      order.push(...got);
      await Promise.all(got.map((r) => ticketAction(r.ticket.id, 'complete', { outcome: 'consultation_only' })));
    }
    order.sort((a, b) => a.announcement.seq - b.announcement.seq);
    const numbers = (cls: string) => order.filter((c) => c.ticket.class === cls).map((c) => ticketNumber(c.ticket.number));
    expect(numbers('normal')).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(numbers('priority')).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    // Both lines wait throughout (30 : 15 is exactly 2 : 1), so every cycle of three calls is B, A, A.
    expect(order.map((c) => c.ticket.class[0]).join('')).toBe('pnn'.repeat(15));
    expect(order.every((c) => c.source === c.ticket.class)).toBe(true);
  }, 30_000);
});

describe('window rules over HTTP', () => {
  it('refuses to call from a closed or paused window, or one still holding a citizen', async () => {
    await takeTicket();
    await takeTicket();
    await expectError(await postJson(`/v1/halls/${HALL}/windows/7/call`), 409, 'WINDOW_CLOSED');
    await windowAction('7', 'open');
    const held = await callNext('7');
    await expectError(await postJson(`/v1/halls/${HALL}/windows/7/call`), 409, 'WINDOW_BUSY');
    await expectError(await postJson(`/v1/halls/${HALL}/windows/7/close`), 409, 'WINDOW_BUSY');
    const paused = await windowAction('7', 'pause', { reason: '午休' });
    expect(paused).toMatchObject({ status: 'paused', pauseReason: '午休', ticket: { id: held!.ticket.id, status: 'called' } });
    await ticketAction(held!.ticket.id, 'complete', { outcome: 'referred' });
    await expectError(await postJson(`/v1/halls/${HALL}/windows/7/call`), 409, 'WINDOW_PAUSED');
    expect((await windowAction('7', 'resume')).status).toBe('open');
    expect((await callNext('7'))?.ticket.number).toBe('A002');
  });

  it('answers 404 UNKNOWN_WINDOW for a window the hall does not have, and 400 for a bad pause', async () => {
    await expectError(await postJson(`/v1/halls/${HALL}/windows/30/call`), 404, 'UNKNOWN_WINDOW');
    await expectError(await postJson(`/v1/halls/${HALL}/windows/0/open`), 404, 'UNKNOWN_WINDOW');
    await windowAction('1', 'open');
    await expectError(await postJson(`/v1/halls/${HALL}/windows/1/pause`, { reason: '  ' }), 400, 'INVALID_INPUT');
  });

  it('answers 204 when nobody waits', async () => {
    await windowAction('2', 'open');
    const res = await postJson(`/v1/halls/${HALL}/windows/2/call`);
    expect(res.status).toBe(204);
    expect(await res.text()).toBe('');
  });

  it('transfers a citizen to another window, which calls them before anyone else', async () => {
    await openWindows(['1', '2']);
    const first = await takeTicket();
    await takeTicket();
    await callNext('1');
    const moved = await ticketAction(first.id, 'transfer', { toWindow: '2', window: '1' });
    expect(moved.ticket).toMatchObject({ status: 'waiting', transferTo: '2', position: 1 });
    expect((await callNext('1'))?.ticket.number).toBe('A002');
    const again = await callNext('2');
    expect(again).toMatchObject({ source: 'transfer', ticket: { id: first.id } });
  });

  it('recalls twice, then a third recall marks the citizen a no-show', async () => {
    await windowAction('3', 'open');
    const ticket = await takeTicket();
    await callNext('3');
    const r1 = await ticketAction(ticket.id, 'recall');
    const r2 = await ticketAction(ticket.id, 'recall');
    expect(r1.announcement?.text).toBe('请 A001 号到 3 号窗口办理');
    expect(r2.announcement!.seq).toBe(r1.announcement!.seq + 1);
    const r3 = await ticketAction(ticket.id, 'recall');
    expect(r3).toMatchObject({ ticket: { status: 'no_show' }, announcement: null });
    await expectError(await postJson(`/v1/halls/${HALL}/tickets/${ticket.id}/recall`), 409, 'TICKET_ALREADY_DONE');
  });
});
