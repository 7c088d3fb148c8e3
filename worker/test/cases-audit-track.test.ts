import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import { hashEvent } from '../cases/event-chain.ts';
import type { AuditReply, TrackReply } from '../schemas/case-track-replies.ts';

interface CaseEventRow {
  case_number: string;
  seq: number;
  type: string;
  at: number;
  actor: string;
  payload: string;
  prev_hash: string;
  hash: string;
}
import { expectError } from './helpers.ts';
import {
  acceptCase,
  approve,
  call,
  claim,
  decide,
  materialsFor,
  matterNamed,
  PERSON,
  resetCases,
  setBeijingTime,
  type CaseBody,
} from './case-helpers.ts';

const OPERATOR = matterNamed('特种设备作业人员资格认定取证');
const CASE: CaseBody = { applicant: PERSON, matterCode: OPERATOR.code, materials: materialsFor([OPERATOR]) };

const audit = async (number: string): Promise<AuditReply> => {
  const res = await call(`/v1/cases/${number}/audit`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as AuditReply;
};

beforeEach(async () => {
  await resetCases();
  setBeijingTime('2026-11-27T10:00');
});

describe('GET /v1/cases/{number}/audit', () => {
  it('finds an untouched chain intact, its head the case’s last event', async () => {
    const accepted = await acceptCase(CASE);
    await claim(accepted.tasks[0]!.id, 'scjg-wang');
    await decide(accepted.tasks[0]!.id, 'scjg-wang', { kind: 'suspend', reason: '专家评审', suspension: 'expert-review' });
    const verdict = await audit(accepted.number);
    expect(verdict).toMatchObject({ number: accepted.number, intact: true, length: 5 });
    const last = await env.DB.prepare('SELECT hash FROM case_events WHERE case_number = ? ORDER BY seq DESC').bind(accepted.number).first('hash');
    expect(verdict.intact && verdict.head).toBe(last);
  });

  it('reports an edited event at its seq', async () => {
    const accepted = await acceptCase(CASE);
    await approve(accepted.tasks[0]!.id);
    await env.DB.prepare("UPDATE case_events SET payload = replace(payload, '2026-12-11', '2026-12-31') WHERE case_number = ? AND seq = 2")
      .bind(accepted.number)
      .run();
    expect(await audit(accepted.number)).toEqual({ number: accepted.number, intact: false, brokenAt: 2, reason: 'hash-mismatch' });
  });

  it('reports an edited actor and a payload no longer JSON', async () => {
    const a = await acceptCase(CASE);
    await env.DB.prepare("UPDATE case_events SET actor = 'system' WHERE case_number = ? AND seq = 1").bind(a.number).run();
    expect(await audit(a.number)).toMatchObject({ intact: false, brokenAt: 1, reason: 'hash-mismatch' });

    const b = await acceptCase(CASE);
    await env.DB.prepare("UPDATE case_events SET payload = '{oops' WHERE case_number = ? AND seq = 3").bind(b.number).run();
    expect(await audit(b.number)).toMatchObject({ intact: false, brokenAt: 3, reason: 'hash-mismatch' });

  });

  it('catches an edit whose own hash was recomputed: at the next link, or at the head kept on the case', async () => {
    const rehash = async (number: string, seq: number) => {
      const row = await env.DB.prepare('SELECT * FROM case_events WHERE case_number = ? AND seq = ?').bind(number, seq).first<CaseEventRow>();
      const payload = { ...(JSON.parse(row!.payload) as object), dueOn: '2026-12-31' };
      const event = { caseNumber: number, seq, type: row!.type, at: row!.at, actor: row!.actor, payload, prevHash: row!.prev_hash };
      const hash = await hashEvent(event as Parameters<typeof hashEvent>[0]);
      await env.DB.prepare('UPDATE case_events SET payload = ?, hash = ? WHERE case_number = ? AND seq = ?')
        .bind(JSON.stringify(payload), hash, number, seq)
        .run();
    };
    const a = await acceptCase(CASE);
    await rehash(a.number, 2);
    expect(await audit(a.number)).toMatchObject({ intact: false, brokenAt: 3, reason: 'prev-hash-mismatch' });
    const b = await acceptCase(CASE);
    await rehash(b.number, 3);
    expect(await audit(b.number)).toMatchObject({ intact: false, brokenAt: 3, reason: 'head-mismatch' });
  });

  it('notices events cut off the end against the head kept on the case', async () => {
    const accepted = await acceptCase(CASE);
    await env.DB.prepare('DELETE FROM case_events WHERE case_number = ? AND seq = 3').bind(accepted.number).run();
    expect(await audit(accepted.number)).toEqual({ number: accepted.number, intact: false, brokenAt: 3, reason: 'head-mismatch' });
  });

  it('answers 404 for an unknown case', async () => {
    await expectError(await call('/v1/cases/XS-261127-0001-5/audit'), 404, 'CASE_NOT_FOUND');
  });
});

describe('GET /v1/track/{number}?code=', () => {
  it('answers a wrong or missing code exactly like an unknown number', async () => {
    const accepted = await acceptCase(CASE);
    const wrong = String((Number(accepted.queryCode) + 1) % 1_000_000).padStart(6, '0');
    const answers = [
      await call(`/v1/track/${accepted.number}?code=${wrong}`),
      await call(`/v1/track/${accepted.number}`),
      await call(`/v1/track/${accepted.number}?code=abc`),
      await call(`/v1/track/XS-261127-0099-4?code=${accepted.queryCode}`),
    ];
    const bodies = [];
    for (const res of answers) bodies.push(await expectError(res, 404, 'CASE_NOT_FOUND'));
    expect(new Set(bodies.map((b) => b.message)).size).toBe(1);
  });

  it('shows status, due date and timeline with the right code, and no personal data', async () => {
    const accepted = await acceptCase(CASE);
    await claim(accepted.tasks[0]!.id, 'scjg-wang');
    await decide(accepted.tasks[0]!.id, 'scjg-wang', { kind: 'suspend', reason: `张三丰电话${PERSON.phone}`, suspension: 'inspection' });
    const res = await call(`/v1/track/${accepted.number.toLowerCase()}?code=${accepted.queryCode}`);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    const text = await res.text();
    const tracked = JSON.parse(text) as TrackReply;
    expect(tracked).toMatchObject({ number: accepted.number, status: 'in-review', acceptedOn: '2026-11-27', dueOn: '2026-12-11' });
    expect(tracked.timeline.map((e) => e.type)).toEqual(['case-registered', 'case-accepted', 'task-released', 'task-claimed', 'task-suspended']);
    expect(tracked.timeline.at(-1)).toMatchObject({ label: '暂停计时（现场核查）', suspension: 'inspection' });
    expect(tracked.matters).toEqual([{ matterName: OPERATOR.name, department: { id: 'scjg', name: '市场监管局' }, status: 'suspended', dueOn: expect.any(String), duePending: null }]);
    // Masked: no name, ID number, phone, reviewer or reason.
    for (const secret of [PERSON.name, PERSON.idNumber, PERSON.phone, 'scjg-wang', '张三丰']) expect(text).not.toContain(secret);
    expect(tracked.applicant.name).toMatch(/\*/);
  });
});
