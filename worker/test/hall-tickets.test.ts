import { evictDurableObject, reset } from 'cloudflare:test';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TicketReply } from '../schemas/hall-replies.ts';
import { HALL, call, callNext, getTicket, hallStub, openWindows, postJson, takePriority, takeTicket, ticketAction } from './hall-helpers.ts';
import { expectError } from './helpers.ts';

beforeEach(async () => {
  await reset();
});

const TAKE = `/v1/halls/${HALL}/tickets`;

describe('POST /v1/halls/{hall}/tickets', () => {
  it('numbers tickets per class and tells each its place in the call order', async () => {
    const a1 = await takeTicket();
    const a2 = await takeTicket({ class: 'normal', matterCode: '511A0005200004' });
    const b1 = await takePriority();
    expect([a1.number, a2.number, b1.number]).toEqual(['A001', 'A002', 'B001']);
    expect(a1).toMatchObject({ hall: HALL, class: 'normal', status: 'waiting', position: 1, smsNotice: false });
    // The 2:1 policy calls a waiting priority ticket first, so B001 is next and the normal ones move back.
    expect(b1.position).toBe(1);
    expect((await getTicket(a1.id)).position).toBe(2);
    expect((await getTicket(a2.id)).position).toBe(3);
    // A basic code is resolved to the matter's 实施编码.
    expect(a2.matterCode).toMatch(/^511A0005200004-330109000000-/);
    expect(Date.parse(a1.takenAt)).not.toBeNaN();
    // All windows start closed: no estimate until one opens.
    expect(a1.estimatedWaitMinutes).toBeNull();
    await openWindows(['1', '2']);
    expect((await getTicket(a2.id)).estimatedWaitMinutes).toEqual(expect.any(Number));
  });

  it('answers 201 with a Location and never returns the phone number', async () => {
    const res = await postJson(TAKE, { class: 'normal', phone: '13800138000' });
    expect(res.status).toBe(201);
    const ticket = (await res.json()) as TicketReply;
    expect(res.headers.get('Location')).toBe(`/v1/halls/${HALL}/tickets/${ticket.id}`);
    expect(res.headers.get('Idempotent-Replay')).toBeNull();
    expect(ticket.smsNotice).toBe(true);
    expect(JSON.stringify(ticket)).not.toContain('13800138000');
    expect(JSON.stringify(await getTicket(ticket.id))).not.toContain('13800138000');
  });

  it('takes appointment tickets for today as check-ins', async () => {
    const slot = new Date(Date.now() + 5 * 60_000).toISOString();
    const c1 = await takeTicket({ class: 'appointment', appointmentSlot: slot });
    expect(c1).toMatchObject({ number: 'C001', class: 'appointment', line: 'appointment', appointmentSlot: slot });
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString();
    await expectError(await postJson(TAKE, { class: 'appointment', appointmentSlot: tomorrow }), 409, 'APPOINTMENT_NOT_TODAY');
  });

  it.each([
    ['no class', {}],
    ['an unknown class', { class: 'vip' }],
    ['a bad phone number', { class: 'normal', phone: '12345678901' }],
    ['a priority ticket without its reason', { class: 'priority' }],
    ['a reason on a normal ticket', { class: 'normal', priorityReason: 'elderly' }],
    ['an appointment without its slot', { class: 'appointment' }],
    ['a slot that is not a time', { class: 'appointment', appointmentSlot: 'tomorrow at ten' }],
  ])('refuses %s with 400 INVALID_INPUT', async (_, body) => {
    await expectError(await postJson(TAKE, body), 400, 'INVALID_INPUT');
  });

  it('refuses a matter code the catalog does not have, naming the field', async () => {
    const error = await expectError(await postJson(TAKE, { class: 'normal', matterCode: '000000000000' }), 400, 'INVALID_INPUT');
    expect(error.details).toEqual({ issues: [expect.objectContaining({ location: 'json', path: ['matterCode'] })] });
  });

  it('refuses malformed JSON and other media types', async () => {
    const bad = await call(TAKE, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"class":' });
    await expectError(bad, 400, 'INVALID_INPUT');
    const text = await call(TAKE, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'normal' });
    await expectError(text, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 404 HALL_NOT_FOUND for a hall it does not serve', async () => {
    await expectError(await postJson('/v1/halls/atlantis/tickets', { class: 'normal' }), 404, 'HALL_NOT_FOUND');
    await expectError(await call('/v1/halls/atlantis/queue'), 404, 'HALL_NOT_FOUND');
    await expectError(await call('/v1/halls/atlantis/stats'), 404, 'HALL_NOT_FOUND');
    await expectError(await postJson('/v1/halls/atlantis/windows/1/call'), 404, 'HALL_NOT_FOUND');
  });
});

describe('Idempotency-Key', () => {
  it('gives a retried take the same ticket, marked as a replay, and prints nothing new', async () => {
    const body = { class: 'normal', matterCode: '511A0005200004', phone: '13900139000' } as const;
    const first = await postJson(TAKE, body, { 'Idempotency-Key': 'kiosk-3-0001' });
    expect(first.status).toBe(201);
    const original = (await first.json()) as TicketReply;
    // Same fields in another order: the same request.
    const retry = await call(TAKE, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'Idempotency-Key': 'kiosk-3-0001' },
      body: JSON.stringify({ phone: '13900139000', matterCode: '511A0005200004', class: 'normal' }),
    });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('Idempotent-Replay')).toBe('true');
    expect(await retry.json()).toEqual(original);
    const next = await takeTicket();
    expect(next.number).toBe('A002');
  });

  it('refuses the same key with another body (422 IDEMPOTENCY_KEY_REUSED)', async () => {
    await takeTicket({ class: 'normal' }, 'kiosk-1-0042');
    const reused = await postJson(TAKE, { class: 'priority', priorityReason: 'military' }, { 'Idempotency-Key': 'kiosk-1-0042' });
    await expectError(reused, 422, 'IDEMPOTENCY_KEY_REUSED');
  });

  it('replays the stored ticket after the hall object is evicted', async () => {
    const original = await takeTicket({ class: 'normal' }, 'kiosk-2-0007');
    await evictDurableObject(hallStub());
    const retry = await postJson(TAKE, { class: 'normal' }, { 'Idempotency-Key': 'kiosk-2-0007' });
    expect(retry.status).toBe(201);
    expect(retry.headers.get('Idempotent-Replay')).toBe('true');
    expect(await retry.json()).toEqual(original);
    expect((await takeTicket()).number).toBe('A002');
  });

  it('makes concurrent retries of one take print one ticket', async () => {
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => postJson(TAKE, { class: 'normal' }, { 'Idempotency-Key': 'kiosk-9-0001' })),
    );
    const bodies = await Promise.all(replies.map((r) => r.json() as Promise<TicketReply>));
    expect(new Set(bodies.map((b) => b.id)).size).toBe(1);
    expect(replies.filter((r) => r.headers.get('Idempotent-Replay') === 'true')).toHaveLength(9);
  });

  it('refuses a key that is not printable ASCII', async () => {
    await expectError(await postJson(TAKE, { class: 'normal' }, { 'Idempotency-Key': 'two words' }), 400, 'INVALID_INPUT');
  });
});

describe('GET /v1/halls/{hall}/tickets/{id} and ticket actions', () => {
  it('answers 404 TICKET_NOT_FOUND for an unknown ticket, on reads and actions alike', async () => {
    await expectError(await call(`/v1/halls/${HALL}/tickets/no-such-ticket`), 404, 'TICKET_NOT_FOUND');
    await expectError(await postJson(`/v1/halls/${HALL}/tickets/no-such-ticket/cancel`), 404, 'TICKET_NOT_FOUND');
    await expectError(await postJson(`/v1/halls/${HALL}/tickets/no-such-ticket/complete`, { outcome: 'referred' }), 404, 'TICKET_NOT_FOUND');
  });

  it('follows a ticket from waiting to completed, and refuses to complete it twice', async () => {
    await openWindows(['5']);
    const ticket = await takeTicket();
    const called = await callNext('5');
    expect(called?.ticket).toMatchObject({ id: ticket.id, status: 'called', window: { id: '5', name: '5 号窗口' } });
    expect(called?.announcement.text).toBe('请 A001 号到 5 号窗口办理');
    expect((await ticketAction(ticket.id, 'start', { window: '5' })).ticket.status).toBe('serving');
    const done = await ticketAction(ticket.id, 'complete', { outcome: 'case_accepted', caseNumber: 'XS-2026-0001', window: '5' });
    expect(done.ticket).toMatchObject({ status: 'completed', outcome: 'case_accepted', caseNumber: 'XS-2026-0001' });
    const again = await postJson(`/v1/halls/${HALL}/tickets/${ticket.id}/complete`, { outcome: 'case_accepted' });
    await expectError(again, 409, 'TICKET_ALREADY_DONE');
  });

  it('refuses bodies that do not fit the action', async () => {
    await openWindows(['1']);
    const ticket = await takeTicket();
    await callNext('1');
    const path = `/v1/halls/${HALL}/tickets/${ticket.id}`;
    await expectError(await postJson(`${path}/complete`, { outcome: 'finished' }), 400, 'INVALID_INPUT');
    await expectError(await postJson(`${path}/transfer`, {}), 400, 'INVALID_INPUT');
    await expectError(await postJson(`${path}/transfer`, { toWindow: '2', backToLine: true }), 400, 'INVALID_INPUT');
    // Another window cannot act on the citizen window 1 holds.
    await expectError(await postJson(`${path}/recall`, { window: '2' }), 409, 'TICKET_NOT_AT_WINDOW');
  });
});

describe('the hall routes in the OpenAPI document', () => {
  it('lists each with its access, its error codes and a success example', async () => {
    const doc = (await (await call('/v1/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-access': unknown; description: string; responses: Record<string, any> }>>;
    };
    const codes = (path: string, method: string, status: string): string[] =>
      doc.paths[path]?.[method]?.responses[status]?.content?.['application/json']?.schema?.properties?.error?.properties?.code?.enum ?? [];
    const take = doc.paths['/v1/halls/{hall}/tickets']?.post;
    expect(take?.['x-access']).toBe('public');
    expect(take?.responses['201']?.content['application/json'].example.number).toBe('A023');
    expect(codes('/v1/halls/{hall}/tickets', 'post', '422')).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(codes('/v1/halls/{hall}/tickets', 'post', '404')).toEqual(['HALL_NOT_FOUND']);
    expect(codes('/v1/halls/{hall}/tickets/{id}/complete', 'post', '409')).toContain('TICKET_ALREADY_DONE');
    expect(codes('/v1/halls/{hall}/windows/{window}/call', 'post', '409')).toEqual(['WINDOW_CLOSED', 'WINDOW_PAUSED', 'WINDOW_BUSY']);
    expect(doc.paths['/v1/halls/{hall}/windows/{window}/call']?.post?.responses['204']).toBeDefined();
    expect(doc.paths['/v1/halls/{hall}/live']?.get?.responses['101']).toBeDefined();
    // Window routes: staff at a window or a hall:run system, of the hall's tenant; the board stays public.
    const callNextOp = doc.paths['/v1/halls/{hall}/windows/{window}/call']?.post;
    expect(callNextOp?.['x-access']).toEqual({ roles: ['front-desk', 'hall-manager'], scopes: ['hall:run'] });
    expect(callNextOp?.description).toContain('HALL_NOT_FOUND');
    expect(codes('/v1/halls/{hall}/windows/{window}/call', 'post', '401')).toEqual(['UNAUTHENTICATED']);
    expect(doc.paths['/v1/halls/{hall}/queue']?.get?.['x-access']).toBe('public');
  });
});
