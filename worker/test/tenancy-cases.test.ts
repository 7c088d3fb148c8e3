import { env } from 'cloudflare:workers';
import { beforeEach, describe, expect, it } from 'vitest';
import type { CaseAcceptedReply, InboxReply } from '../schemas/case-replies.ts';
import { acceptCase, approve, call, COMPANY, materialsFor, matter, PERSON, postJson, resetCases, setBeijingTime } from './case-helpers.ts';
import { issueBusinessLicence, pathOf } from './certificate-helpers.ts';
import { createApiKey, staffHeaders } from './credentials.ts';
import { OPERATOR } from './evaluation-helpers.ts';
import { expectError } from './helpers.ts';

/** Tenant isolation of the case routes: Binjiang's staff never reach a Xiaoshan case, and a department its own tasks. */

const binjiang = (role: Parameters<typeof staffHeaders>[0]['role'], department?: string) =>
  staffHeaders({ role, tenant: 'binjiang', ...(department === undefined ? {} : { department }) });

const get = (path: string, headers: Record<string, string>) => call(path, { headers });

/** A Xiaoshan case of 市场监管局 (scjg) with its one task released. */
const xiaoshanCase = (): Promise<CaseAcceptedReply> =>
  acceptCase({ applicant: PERSON, matterCode: OPERATOR.code, materials: materialsFor([OPERATOR]) });

describe('a Xiaoshan case, as Binjiang’s staff see it', () => {
  beforeEach(async () => {
    await resetCases();
    setBeijingTime('2026-11-27T10:00');
  });

  it('cannot be read, corrected or audited: 404 CASE_NOT_FOUND, as for an unknown number', async () => {
    const { number } = await xiaoshanCase();
    await expectError(await get(`/v1/cases/${number}`, await binjiang('front-desk')), 404, 'CASE_NOT_FOUND');
    await expectError(await get(`/v1/cases/${number}`, await binjiang('hall-manager')), 404, 'CASE_NOT_FOUND');
    await expectError(await get(`/v1/cases/${number}/audit`, await binjiang('hall-manager')), 404, 'CASE_NOT_FOUND');
    const correction = { materials: materialsFor([OPERATOR]).slice(0, 1) };
    await expectError(await postJson(`/v1/cases/${number}/corrections`, correction, await binjiang('front-desk')), 404, 'CASE_NOT_FOUND');
    // The control: Xiaoshan's own staff read and audit it.
    expect((await get(`/v1/cases/${number}`, await staffHeaders({ role: 'front-desk' }))).status).toBe(200);
    expect((await get(`/v1/cases/${number}/audit`, await staffHeaders({ role: 'hall-manager' }))).status).toBe(200);
  });

  it('cannot be claimed or decided, and its tasks are in no Binjiang inbox', async () => {
    const accepted = await xiaoshanCase();
    const task = accepted.tasks[0]!.id;
    const reviewer = await binjiang('back-office', 'scjg');
    await expectError(await postJson(`/v1/tasks/${task}/claim`, {}, reviewer), 404, 'TASK_NOT_FOUND');
    await expectError(await postJson(`/v1/tasks/${task}/decision`, { decision: { kind: 'approve' } }, reviewer), 404, 'TASK_NOT_FOUND');
    const theirs = (await (await get('/v1/departments/scjg/tasks', reviewer)).json()) as InboxReply;
    expect(theirs.tasks).toEqual([]);
    const ours = (await (await get('/v1/departments/scjg/tasks', await staffHeaders({ role: 'back-office', department: 'scjg' }))).json()) as InboxReply;
    expect(ours.tasks.map((t) => t.id)).toEqual([task]);
  });

  it('cannot be handed out, nor its certificates issued, revoked or reissued, nor its applicant’s library read', async () => {
    const { accepted, identifier } = await issueBusinessLicence();
    const window = await binjiang('issuing-window');
    const collector = { kind: 'holder', name: COMPANY.name, idNumber: COMPANY.idNumber };
    await expectError(await postJson(`/v1/cases/${accepted.number}/pickup`, { collector }, window), 404, 'CASE_NOT_FOUND');
    await expectError(await postJson(`/v1/cases/${accepted.number}/mail`, { address: '滨江区某路1号', carrier: 'EMS', trackingNumber: '1151234567890' }, window), 404, 'CASE_NOT_FOUND');
    await expectError(await postJson(`/v1/cases/${accepted.number}/delivered`, {}, window), 404, 'CASE_NOT_FOUND');
    await expectError(await postJson(`/v1/cases/${accepted.number}/certificates`, {}, window), 404, 'CASE_NOT_FOUND');
    const office = await binjiang('back-office', 'scjg');
    await expectError(await postJson(`${pathOf(identifier)}/revoke`, { reason: '处罚' }, office), 404, 'CERTIFICATE_NOT_FOUND');
    await expectError(await postJson(`${pathOf(identifier)}/cancel`, { reason: '注销' }, office), 404, 'CERTIFICATE_NOT_FOUND');
    await expectError(await postJson(`${pathOf(identifier)}/reissue`, { reason: '变更', changes: { holderName: '新名' } }, office), 404, 'CERTIFICATE_NOT_FOUND');
    await expectError(await get(`/v1/applicants/${accepted.applicantId}/materials`, await binjiang('front-desk')), 404, 'APPLICANT_NOT_FOUND');
    expect((await get(`/v1/applicants/${accepted.applicantId}/materials`, await staffHeaders({ role: 'front-desk' }))).status).toBe(200);
  });

  it('is not reachable with a Binjiang key either, while a Xiaoshan cases:submit key reads it', async () => {
    const { number } = await xiaoshanCase();
    const theirs = await createApiKey({ tenant: 'binjiang', scopes: ['cases:submit'] });
    await expectError(await get(`/v1/cases/${number}`, theirs.headers), 404, 'CASE_NOT_FOUND');
    const ours = await createApiKey({ scopes: ['cases:submit'] });
    expect((await get(`/v1/cases/${number}`, ours.headers)).status).toBe(200);
  });
});

describe('跨区域通办: a case Binjiang filed for Xiaoshan', () => {
  beforeEach(async () => {
    await resetCases();
    setBeijingTime('2026-11-27T10:00');
  });

  it('is tracked by both tenants but reviewed by the owner only', async () => {
    /** 食品经营许可（新办）: 网上办理深度 IV, open to Xiaoshan's partners. */
    const food = matter('511A0005200004-330109000000-000-11330109MB20201373-1-00');
    const body = { hall: 'binjiang', ownerTenant: 'xiaoshan', channel: 'window', applicant: COMPANY, matterCode: food.code, materials: materialsFor([food]) };
    const res = await postJson('/v1/cases', body, await binjiang('front-desk'));
    expect(res.status, await res.clone().text()).toBe(201);
    const accepted = (await res.json()) as CaseAcceptedReply;
    expect((await get(`/v1/cases/${accepted.number}`, await binjiang('front-desk'))).status).toBe(200);
    expect((await get(`/v1/cases/${accepted.number}/audit`, await binjiang('hall-manager'))).status).toBe(200);
    const department = accepted.tasks[0]!.department.id;
    await expectError(await postJson(`/v1/tasks/${accepted.tasks[0]!.id}/claim`, {}, await binjiang('back-office', department)), 404, 'TASK_NOT_FOUND');
    const owner = await staffHeaders({ role: 'back-office', department, id: 'scjg-wang' });
    const claimed = await postJson(`/v1/tasks/${accepted.tasks[0]!.id}/claim`, {}, owner);
    expect(claimed.status, await claimed.clone().text()).toBe(200);
  });
});

describe('a back-office member', () => {
  beforeEach(async () => {
    await resetCases();
    setBeijingTime('2026-11-27T10:00');
  });

  it('of another department of the same tenant gets 403 FORBIDDEN on the inbox, claims and decisions', async () => {
    const accepted = await xiaoshanCase();
    const task = accepted.tasks[0]!.id;
    const police = await staffHeaders({ role: 'back-office', department: 'gaj', id: 'gaj-chen' });
    const inbox = await expectError(await get('/v1/departments/scjg/tasks', police), 403, 'FORBIDDEN');
    expect(inbox.details).toMatchObject({ department: 'scjg', yours: 'gaj' });
    await expectError(await postJson(`/v1/tasks/${task}/claim`, {}, police), 403, 'FORBIDDEN');
    await expectError(await postJson(`/v1/tasks/${task}/decision`, { decision: { kind: 'approve' } }, police), 403, 'FORBIDDEN');
    // The hall manager watches every department's inbox.
    expect((await get('/v1/departments/scjg/tasks', await staffHeaders({ role: 'hall-manager' }))).status).toBe(200);
  });

  it('acts as the token says: a body naming someone else is 403, none is the token’s own id', async () => {
    const accepted = await xiaoshanCase();
    const task = accepted.tasks[0]!.id;
    const wang = await staffHeaders({ role: 'back-office', department: 'scjg', id: 'scjg-wang' });
    const other = await expectError(await postJson(`/v1/tasks/${task}/claim`, { reviewer: 'scjg-li' }, wang), 403, 'FORBIDDEN');
    expect(other.details).toMatchObject({ expected: 'scjg-wang', given: 'scjg-li' });
    const claimed = await postJson(`/v1/tasks/${task}/claim`, {}, wang);
    expect(((await claimed.json()) as { claimedBy: string }).claimedBy).toBe('scjg-wang');
    await expectError(await postJson(`/v1/tasks/${task}/decision`, { reviewer: 'scjg-li', decision: { kind: 'approve' } }, wang), 403, 'FORBIDDEN');
    const decided = await postJson(`/v1/tasks/${task}/decision`, { reviewer: 'scjg-wang', decision: { kind: 'approve' } }, wang);
    expect(decided.status, await decided.clone().text()).toBe(200);
    const events = await env.DB.prepare("SELECT actor FROM case_events WHERE case_number = ?1 AND type = 'task-approved'").bind(accepted.number).all<{ actor: string }>();
    expect(events.results.map((e) => e.actor)).toEqual(['reviewer:scjg-wang']);
  });

  it('of another department cannot revoke, cancel or reissue a certificate; the issuing department can', async () => {
    const { identifier } = await issueBusinessLicence();
    const police = await staffHeaders({ role: 'back-office', department: 'gaj', id: 'gaj-chen' });
    await expectError(await postJson(`${pathOf(identifier)}/revoke`, { reason: '处罚' }, police), 403, 'FORBIDDEN');
    await expectError(await postJson(`${pathOf(identifier)}/cancel`, { reason: '注销' }, police), 403, 'FORBIDDEN');
    await expectError(await postJson(`${pathOf(identifier)}/reissue`, { reason: '变更', changes: { holderName: '新名' } }, police), 403, 'FORBIDDEN');
    // The issuing window hands the new version out: no department binds it.
    const window = await staffHeaders({ role: 'issuing-window', id: 'window-30' });
    const reissued = await postJson(`${pathOf(identifier)}/reissue`, { reason: '变更', changes: { holderName: '杭州萧然餐饮管理有限公司' } }, window);
    expect(reissued.status, await reissued.clone().text()).toBe(200);
  });

  it('names the officer of a delivery from the token too', async () => {
    const { accepted } = await issueBusinessLicence();
    const window = await staffHeaders({ role: 'issuing-window', id: 'window-30' });
    const collector = { kind: 'holder', name: COMPANY.name, idNumber: COMPANY.idNumber };
    const wrong = await expectError(await postJson(`/v1/cases/${accepted.number}/pickup`, { officer: 'window-31', collector }, window), 403, 'FORBIDDEN');
    expect(wrong.details).toMatchObject({ expected: 'window-30', given: 'window-31' });
    const done = await postJson(`/v1/cases/${accepted.number}/pickup`, { collector }, window);
    expect(done.status, await done.clone().text()).toBe(200);
  });
});

describe('keys', () => {
  beforeEach(async () => {
    await resetCases();
    setBeijingTime('2026-11-27T10:00');
  });

  it('never act as a reviewer (the review routes admit no scope) and only a case-reading scope reads cases', async () => {
    const accepted = await xiaoshanCase();
    await approve(accepted.tasks[0]!.id, 'scjg-wang');
    const key = await createApiKey({ scopes: ['cases:submit', 'hall:run', 'catalog:read', 'admin'] });
    await expectError(await postJson(`/v1/tasks/${accepted.tasks[0]!.id}/claim`, {}, key.headers), 403, 'FORBIDDEN');
    await expectError(await postJson(`/v1/cases/${accepted.number}/pickup`, {}, key.headers), 403, 'FORBIDDEN');
    const catalogOnly = await createApiKey({ scopes: ['catalog:read'] });
    await expectError(await get(`/v1/cases/${accepted.number}`, catalogOnly.headers), 403, 'FORBIDDEN');
  });
});
