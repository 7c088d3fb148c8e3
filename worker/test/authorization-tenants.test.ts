import { beforeAll, describe, expect, it } from 'vitest';
import type { Role, Scope } from '../../core/index.ts';
import { callAsIs } from './authorization-operations.ts';
import { acceptCase, materialsFor, PERSON, setBeijingTime } from './case-helpers.ts';
import { issueDogLicence, pathOf } from './certificate-helpers.ts';
import { createApiKey, staffHeaders } from './credentials.ts';
import { OPERATOR, rateCaseOk } from './evaluation-helpers.ts';
import { takeTicket } from './hall-helpers.ts';
import type { ErrorReply } from './helpers.ts';

/**
 * 租户隔离: Xiaoshan's case, task, applicant, certificate, evaluation, hall and keys, asked for by Binjiang callers
 * whose role or scope the route lets in. Each must answer 404 with the resource's own code (never 403: ids are
 * not probed), while the same request by Xiaoshan's caller gets past access and the tenant check (the control
 * that the fixture is real, so a 404 means isolation and not a typo; another 404, such as no webhook configured
 * yet, is past the check).
 */

type Who = { role: Role; department?: string } | { scope: Scope };

interface Probe {
  readonly what: string;
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
  /** Binjiang callers the route's access admits. */
  readonly strangers: readonly Who[];
  /** The 404 codes that say "not yours" for this resource. */
  readonly codes: readonly string[];
  /** The owner's caller, whose request must get past access and the tenant check (no 401, 403 or "not yours" 404). */
  readonly owner?: Who;
}

const headersOf = async (who: Who, tenant: string): Promise<Record<string, string>> =>
  'role' in who
    ? staffHeaders({ role: who.role, tenant, ...(who.department ? { department: who.department } : {}) })
    : (await createApiKey({ tenant, scopes: [who.scope], rateLimitPerMinute: 10_000 })).headers;

const labelOf = (who: Who, tenant: string) => ('role' in who ? `staff:${who.role}@${tenant}` : `key:${who.scope}@${tenant}`);

const send = (probe: Probe, headers: Record<string, string>) =>
  callAsIs(probe.path, {
    method: probe.method,
    headers: { ...headers, ...(probe.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(probe.body === undefined ? {} : { body: JSON.stringify(probe.body) }),
  });

let probes: Probe[];

beforeAll(async () => {
  setBeijingTime('2026-11-27T10:00');
  const accepted = await acceptCase({ applicant: PERSON, matterCode: OPERATOR.code, materials: materialsFor([OPERATOR]) });
  const issued = await issueDogLicence();
  const rated = await issueDogLicence({ ...PERSON, name: '李四' });
  const { evaluation } = await rateCaseOk(rated.accepted.number, { code: rated.accepted.queryCode, level: 1 });
  const ticket = await takeTicket();
  const xiaoshanKey = await createApiKey({ tenant: 'xiaoshan', scopes: ['catalog:read'] });
  const number = encodeURIComponent(accepted.number);
  const caseReaders: Who[] = [{ role: 'front-desk' }, { role: 'back-office' }, { role: 'issuing-window' }, { role: 'hall-manager' }, { scope: 'cases:submit' }];
  const hallRunners: Who[] = [{ role: 'front-desk' }, { role: 'hall-manager' }, { scope: 'hall:run' }];
  const admins: Who[] = [{ role: 'admin' }, { scope: 'admin' }];
  const rectifiers: Who[] = [{ role: 'back-office', department: 'scjg' }, { role: 'hall-manager' }];
  const evaluationId = encodeURIComponent(evaluation.id);
  probes = [
    { what: 'a case', method: 'GET', path: `/v1/cases/${number}`, strangers: caseReaders, codes: ['CASE_NOT_FOUND'], owner: { role: 'front-desk' } },
    { what: 'a case’s audit', method: 'GET', path: `/v1/cases/${number}/audit`, strangers: [{ role: 'hall-manager' }, { role: 'admin' }], codes: ['CASE_NOT_FOUND'], owner: { role: 'hall-manager' } },
    {
      what: 'a case’s correction',
      method: 'POST',
      path: `/v1/cases/${number}/corrections`,
      body: { materials: [{ materialId: 'resident-id-card', form: 'paper', originals: 1, copies: 0 }] },
      strangers: [{ role: 'front-desk' }, { scope: 'cases:submit' }],
      codes: ['CASE_NOT_FOUND'],
      owner: { role: 'front-desk' },
    },
    {
      what: 'a case’s pickup',
      method: 'POST',
      path: `/v1/cases/${encodeURIComponent(issued.accepted.number)}/pickup`,
      body: { collector: { kind: 'holder', name: PERSON.name, idNumber: PERSON.idNumber } },
      strangers: [{ role: 'issuing-window' }],
      codes: ['CASE_NOT_FOUND'],
      owner: { role: 'issuing-window' },
    },
    { what: 'a task', method: 'POST', path: `/v1/tasks/${accepted.tasks[0]!.id}/claim`, body: {}, strangers: [{ role: 'back-office', department: 'scjg' }], codes: ['TASK_NOT_FOUND'], owner: { role: 'back-office', department: 'scjg' } },
    { what: 'an applicant', method: 'GET', path: `/v1/applicants/${accepted.applicantId}/materials`, strangers: [{ role: 'front-desk' }, { scope: 'cases:submit' }], codes: ['APPLICANT_NOT_FOUND'], owner: { role: 'front-desk' } },
    {
      what: 'a certificate',
      method: 'POST',
      path: `${pathOf(issued.identifier)}/revoke`,
      body: { reason: '测试：跨租户吊销' },
      strangers: [{ role: 'back-office', department: 'gaj' }],
      codes: ['CERTIFICATE_NOT_FOUND'],
      owner: { role: 'back-office', department: 'gaj' },
    },
    { what: 'an evaluation', method: 'GET', path: `/v1/evaluations/${evaluationId}`, strangers: rectifiers, codes: ['EVALUATION_NOT_FOUND'], owner: { role: 'hall-manager' } },
    {
      what: 'a rectification',
      method: 'POST',
      path: `/v1/rectifications/${evaluationId}/contact`,
      body: { note: '跨租户联系' },
      strangers: [{ role: 'hall-manager' }],
      codes: ['EVALUATION_NOT_FOUND', 'RECTIFICATION_NOT_FOUND'],
      owner: { role: 'hall-manager' },
    },
    { what: 'a hall’s window', method: 'POST', path: '/v1/halls/xiaoshan/windows/3/open', strangers: hallRunners, codes: ['HALL_NOT_FOUND'], owner: { role: 'front-desk' } },
    { what: 'a hall’s ticket', method: 'POST', path: `/v1/halls/xiaoshan/tickets/${ticket.id}/cancel`, strangers: hallRunners, codes: ['HALL_NOT_FOUND'], owner: { role: 'front-desk' } },
    { what: 'a ticket through one’s own hall', method: 'POST', path: `/v1/halls/binjiang/tickets/${ticket.id}/start`, strangers: hallRunners, codes: ['TICKET_NOT_FOUND'] },
    { what: 'a hall’s report', method: 'GET', path: '/v1/halls/xiaoshan/report?from=2026-11-01&to=2026-11-27', strangers: [{ role: 'hall-manager' }, { scope: 'hall:run' }], codes: ['HALL_NOT_FOUND'], owner: { role: 'hall-manager' } },
    { what: 'a tenant’s keys', method: 'GET', path: '/v1/tenants/xiaoshan/keys', strangers: admins, codes: ['TENANT_NOT_FOUND'], owner: { role: 'admin' } },
    { what: 'a tenant’s staff', method: 'GET', path: '/v1/tenants/xiaoshan/staff', strangers: admins, codes: ['TENANT_NOT_FOUND'], owner: { role: 'admin' } },
    { what: 'a tenant’s webhook', method: 'GET', path: '/v1/tenants/xiaoshan/webhook', strangers: admins, codes: ['TENANT_NOT_FOUND'], owner: { role: 'admin' } },
    { what: 'a tenant’s key', method: 'DELETE', path: `/v1/tenants/xiaoshan/keys/${xiaoshanKey.id}`, strangers: admins, codes: ['TENANT_NOT_FOUND', 'API_KEY_NOT_FOUND'], owner: { role: 'admin' } },
  ];
}, 60_000);

describe('another tenant’s resources', () => {
  it('are 404 to every caller the route admits, with the resource’s own code (never 403)', async () => {
    const leaks: string[] = [];
    for (const probe of probes) {
      for (const who of probe.strangers) {
        const res = await send(probe, await headersOf(who, 'binjiang'));
        const body = (await res.json().catch(() => undefined)) as ErrorReply | undefined;
        if (res.status !== 404 || !probe.codes.includes(body?.error?.code ?? '')) {
          leaks.push(`${probe.what} (${probe.method} ${probe.path}) as ${labelOf(who, 'binjiang')}: ${res.status} ${JSON.stringify(body).slice(0, 140)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  }, 60_000);

  it('are reachable by their own tenant’s caller (the control: the fixtures are real)', async () => {
    const refused: string[] = [];
    // The owner's requests run after the strangers' so a real success (the DELETE, the revoke) happens last.
    for (const probe of probes) {
      if (!probe.owner) continue;
      const res = await send(probe, await headersOf(probe.owner, 'xiaoshan'));
      const body = (await res.json().catch(() => undefined)) as ErrorReply | undefined;
      const notYours = res.status === 404 && probe.codes.includes(body?.error?.code ?? '');
      if (res.status === 401 || res.status === 403 || notYours) {
        refused.push(`${probe.what} as ${labelOf(probe.owner, 'xiaoshan')}: ${res.status} ${JSON.stringify(body).slice(0, 140)}`);
      }
    }
    expect(refused).toEqual([]);
  }, 60_000);

  it('lists none of another tenant’s tasks in a department’s inbox', async () => {
    const res = await callAsIs('/v1/departments/scjg/tasks', { headers: await staffHeaders({ role: 'back-office', tenant: 'binjiang', department: 'scjg' }) });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { tasks: unknown[] }).tasks).toEqual([]);
  });

  it('shows a partner tenant’s profile (跨区域通办 partners) to the other’s staff', async () => {
    const res = await callAsIs('/v1/tenants/xiaoshan', { headers: await staffHeaders({ role: 'front-desk', tenant: 'binjiang' }) });
    expect(res.status).toBe(200);
  });
});
