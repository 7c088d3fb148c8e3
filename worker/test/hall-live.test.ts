import { evictDurableObject, reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HALL, call, callNext, hallStub, openWindows, takePriority, takeTicket, ticketAction } from './hall-helpers.ts';
import { expectError } from './helpers.ts';

beforeEach(async () => {
  await reset();
});

interface LiveMessage {
  type: 'snapshot' | 'event' | 'error';
  seq?: number;
  queue?: { seq: number; waitingTotal: number };
  event?: { type: string; phone?: string | null; number?: string; announcement?: { seq: number; text: string } };
  error?: { code: string };
}

/** A board connected to the feed, keeping every message (raw and parsed). */
const connectBoard = async () => {
  const res = await call(`/v1/halls/${HALL}/live`, { headers: { Upgrade: 'websocket' } });
  expect(res.status).toBe(101);
  const ws = res.webSocket!;
  const raw: string[] = [];
  ws.accept();
  ws.addEventListener('message', (e) => {
    raw.push(String(e.data));
  });
  const messages = () => raw.filter((m) => m !== 'pong').map((m) => JSON.parse(m) as LiveMessage);
  const waitFor = (count: number) => vi.waitFor(() => expect(messages().length).toBeGreaterThanOrEqual(count), { timeout: 5_000 });
  const closed = new Promise<number>((resolve) => ws.addEventListener('close', (e) => resolve(e.code)));
  /** Closes from the board's side and waits for the hall to answer the close. */
  const close = async () => {
    ws.close(1000, 'done');
    expect(await closed).toBe(1000);
  };
  return { ws, raw, messages, waitFor, close };
};

describe('GET /v1/halls/{hall}/live', () => {
  it('sends a snapshot, then every event numbered without gaps, with the announcement text and no phone', async () => {
    const board = await connectBoard();
    await board.waitFor(1);
    const [snapshot] = board.messages();
    expect(snapshot).toMatchObject({ type: 'snapshot', seq: 0, queue: { seq: 0, waitingTotal: 0 } });

    await takeTicket({ class: 'normal', phone: '13800138000' });
    await takePriority();
    await openWindows(['5']);
    const called = await callNext('5');
    await ticketAction(called!.ticket.id, 'recall');
    // The hall's first event opens its day; then take, take, windowOpened, ticketCalled, ticketRecalled.
    await board.waitFor(7);
    const events = board.messages().slice(1);
    expect(events.map((m) => m.type)).toEqual(Array(6).fill('event'));
    expect(events.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(events.map((m) => m.event!.type)).toEqual([
      'dayRolledOver',
      'ticketTaken',
      'ticketTaken',
      'windowOpened',
      'ticketCalled',
      'ticketRecalled',
    ]);
    expect(events[4]!.event).toMatchObject({ number: 'B001', announcement: { seq: 1, text: '请 B001 号到 5 号窗口办理' } });
    expect(events[5]!.event!.announcement).toEqual(expect.objectContaining({ seq: 2, text: '请 B001 号到 5 号窗口办理' }));
    expect(events[1]!.event!.phone).toBeNull();
    expect(board.raw.join('\n')).not.toContain('13800138000');
    await board.close();
  });

  it('gives a client that saw a gap the missed events, or a fresh snapshot on request', async () => {
    await takeTicket();
    await takeTicket();
    await takeTicket();
    const board = await connectBoard();
    await board.waitFor(1);
    // Events 1-4: the day's opening and three takes.
    expect(board.messages()[0]).toMatchObject({ type: 'snapshot', seq: 4, queue: { waitingTotal: 3 } });

    board.ws.send(JSON.stringify({ type: 'since', seq: 2 }));
    await board.waitFor(3);
    expect(board.messages().slice(1).map((m) => [m.type, m.seq, m.event?.number])).toEqual([
      ['event', 3, 'A002'],
      ['event', 4, 'A003'],
    ]);
    board.ws.send(JSON.stringify({ type: 'resync' }));
    await board.waitFor(4);
    expect(board.messages()[3]).toMatchObject({ type: 'snapshot', seq: 4 });
    board.ws.send('hello');
    await board.waitFor(5);
    expect(board.messages()[4]).toMatchObject({ type: 'error', error: { code: 'INVALID_INPUT' } });
    board.ws.send('ping');
    await vi.waitFor(() => expect(board.raw).toContain('pong'), { timeout: 5_000 });
    await board.close();
  });

  it('keeps feeding a connected board across an eviction (the socket hibernates, the numbering continues)', async () => {
    const board = await connectBoard();
    await takeTicket();
    await board.waitFor(3);
    await evictDurableObject(hallStub());
    await takeTicket();
    await takeTicket();
    await board.waitFor(5);
    expect(board.messages().map((m) => m.seq)).toEqual([0, 1, 2, 3, 4]);
    expect(board.messages().slice(2).map((m) => m.event!.number)).toEqual(['A001', 'A002', 'A003']);
    await board.close();
  });

  it('answers 426 without an Upgrade header and 404 for an unknown hall', async () => {
    const plain = await call(`/v1/halls/${HALL}/live`);
    await expectError(plain, 426, 'UPGRADE_REQUIRED');
    expect(plain.headers.get('Upgrade')).toBe('websocket');
    await expectError(await call('/v1/halls/atlantis/live', { headers: { Upgrade: 'websocket' } }), 404, 'HALL_NOT_FOUND');
  });
});
