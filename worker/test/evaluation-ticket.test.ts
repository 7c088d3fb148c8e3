import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { EvaluationCreatedReply, RectificationReply } from '../schemas/evaluation-replies.ts';
import { call, matterNamed, postJson, resetCases, setBeijingTime } from './case-helpers.ts';
import { stepPath, takeStep } from './evaluation-helpers.ts';
import { callNext, HALL, openWindows, takeTicket, ticketAction } from './hall-helpers.ts';
import { expectError } from './helpers.ts';

const FOOD_LICENCE = matterNamed('食品经营许可（新办）');

const rateTicket = (ticketId: string, body: Record<string, unknown>, hall = HALL) =>
  postJson(`/v1/halls/${hall}/tickets/${encodeURIComponent(ticketId)}/evaluation`, body);

/** A ticket taken, called at window 1 and completed. */
const servedTicket = async (matterCode?: string) => {
  await openWindows(['1']);
  const ticket = await takeTicket(matterCode === undefined ? { class: 'normal' } : { class: 'normal', matterCode });
  await callNext('1');
  await ticketAction(ticket.id, 'complete', { outcome: 'consultation_only' });
  return ticket;
};

beforeEach(async () => {
  await resetCases();
  setBeijingTime('2026-11-27T10:00'); // Friday
});

describe('POST /v1/halls/{hall}/tickets/{id}/evaluation (一次一评)', () => {
  it('opens only once the window has completed the ticket, and rates the ticket’s matter’s department', async () => {
    await openWindows(['1']);
    const ticket = await takeTicket({ class: 'normal', matterCode: FOOD_LICENCE.code });
    await expectError(await rateTicket(ticket.id, { level: 5 }), 409, 'EVALUATION_NOT_OPEN');
    await callNext('1');
    const serving = await expectError(await rateTicket(ticket.id, { level: 5 }), 409, 'EVALUATION_NOT_OPEN');
    expect(serving.details).toMatchObject({ status: 'called' });
    await ticketAction(ticket.id, 'complete', { outcome: 'case_accepted' });

    const res = await rateTicket(ticket.id, { level: 4, indicators: { efficiency: 4, quality: 5, attitude: 5 } });
    expect(res.status, await res.clone().text()).toBe(201);
    const body = (await res.json()) as EvaluationCreatedReply;
    expect(body.evaluation).toMatchObject({
      id: `ticket:${HALL}:${ticket.id}`,
      subject: { kind: 'ticket', caseNumber: null, ticketId: ticket.id },
      hall: HALL,
      department: { id: FOOD_LICENCE.departmentId },
      level: 4,
      indicators: { efficiency: 4, quality: 5, attitude: 5 },
      channel: 'window-pad',
    });
    expect(body.rectification).toBeNull();
    expect(body.followUpCode).toBeNull();
    await expectError(await rateTicket(ticket.id, { level: 1 }), 409, 'EVALUATION_ALREADY_GIVEN');
  });

  it('never opens for a cancelled ticket, and knows no unknown ticket or hall', async () => {
    const ticket = await takeTicket();
    await ticketAction(ticket.id, 'cancel');
    await expectError(await rateTicket(ticket.id, { level: 5 }), 409, 'EVALUATION_NOT_OPEN');
    await expectError(await rateTicket('no-such-ticket', { level: 5 }), 404, 'TICKET_NOT_FOUND');
    await expectError(await rateTicket(ticket.id, { level: 5 }, 'nowhere'), 404, 'HALL_NOT_FOUND');
    await expectError(await rateTicket(ticket.id, { level: 5, channel: 'online' }), 400, 'INVALID_INPUT');
  });

  it('takes one evaluation per ticket when two arrive at once', async () => {
    const ticket = await servedTicket();
    const replies = await Promise.all([rateTicket(ticket.id, { level: 5 }), rateTicket(ticket.id, { level: 2 }), rateTicket(ticket.id, { level: 3, channel: 'kiosk' })]);
    expect(replies.map((r) => r.status).sort()).toEqual([201, 409, 409]);
    expect(await env.DB.prepare('SELECT count(*) AS n FROM evaluations').first('n')).toBe(1);
  });

  it('gives a 差评 a rectification and the follow-up code that alone lets its citizen follow up', async () => {
    const ticket = await servedTicket();
    const res = await rateTicket(ticket.id, { level: 1, comment: '等了很久没人理' });
    expect(res.status).toBe(201);
    const { evaluation, rectification, followUpCode } = (await res.json()) as EvaluationCreatedReply;
    expect(rectification).toMatchObject({ status: 'opened', department: null, contactDue: { dueOn: '2026-11-30' } });
    expect(followUpCode).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    // Stored only as its hash.
    const stored = await env.DB.prepare('SELECT follow_up_code_hash AS h FROM rectifications').first<string>('h');
    expect(stored).toMatch(/^[0-9a-f]{64}$/);
    expect(stored).not.toContain(followUpCode!);

    const id = evaluation.id;
    await takeStep(id, 'contact', { by: 'hall-zhao', note: '已电话致歉' });
    await takeStep(id, 'reply', { by: 'hall-zhao', text: '高峰时段增开两个窗口' });
    // Another code, or a case's query code shape, finds nothing.
    await expectError(await postJson(stepPath(id, 'follow-up'), { code: '0000-0000-0000-0000', level: 5 }), 404, 'EVALUATION_NOT_FOUND');
    await expectError(await postJson(stepPath(id, 'follow-up'), { code: '123456', level: 5 }), 404, 'EVALUATION_NOT_FOUND');
    // The code as a citizen might type it: lowercase, without hyphens.
    const typed = followUpCode!.replaceAll('-', '').toLowerCase();
    const followed = await postJson(stepPath(id, 'follow-up'), { code: typed, level: 4, comment: '改进了' });
    expect(followed.status, await followed.clone().text()).toBe(200);
    expect((await followed.json()) as RectificationReply).toMatchObject({ status: 'followed-up', followUp: { level: 4, comment: '改进了' } });
    await expectError(await postJson(stepPath(id, 'follow-up'), { code: followUpCode, level: 5 }), 409, 'RECTIFICATION_STATE_CONFLICT');
    expect((await call(`/v1/evaluations/${encodeURIComponent(id)}`)).status).toBe(200);
  });
});
