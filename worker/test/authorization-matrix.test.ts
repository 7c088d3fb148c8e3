import { beforeAll, describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { buildCallers, expectedVerdict, hallOf, isAccess, type Caller, type Verdict } from './authorization-callers.ts';
import { CONTRACT_ACCESS, normaliseAccess } from './authorization-table.ts';
import { fillPath, jsonBodyOf, listOperations, readApiDocument, sendOperation, type DocumentedOperation } from './authorization-operations.ts';
import { setBeijingTime } from './case-helpers.ts';
import type { ErrorReply } from './helpers.ts';

/**
 * 每条路由都声明谁可以调用: every operation of the served document, sent by every kind of caller (nobody, each
 * role and each key scope, in each tenant), must answer as its published `x-access` says: 401 to nobody and
 * 403 to a caller without a listed role or scope on a non-public route, and neither to anyone it lists. The
 * request is minimal (example path values, `{}` for a body): access is enforced before validation, so a 400,
 * 404, 409 or 422 is an "allowed". Cross-tenant 404s are in authorization-tenants.test.ts.
 */

let operations: DocumentedOperation[];
let callers: Caller[];

beforeAll(async () => {
  setBeijingTime('2026-11-27T10:00');
  operations = listOperations(await readApiDocument());
  callers = await buildCallers();
});

const verdictOf = (status: number): Verdict => (status === 401 ? 'unauthenticated' : status === 403 ? 'forbidden' : 'allow');

/** The caller's own tenant and hall in the path, so an allowed caller is not stopped by a tenant check first. */
const pathFor = (op: DocumentedOperation, caller: Caller): string => fillPath(op, { tenant: caller.tenant ?? 'xiaoshan', hall: hallOf(caller) });

const send = (op: DocumentedOperation, caller: Caller, headers: Record<string, string> = { ...caller.headers }) =>
  sendOperation(op, { path: pathFor(op, caller), headers, ...(jsonBodyOf(op) ? { body: '{}' } : {}) });

/** A denial in the error model: UNAUTHENTICATED or FORBIDDEN, a Chinese message, the request id. */
const problemWithDenial = async (res: Response, verdict: Verdict): Promise<string | undefined> => {
  const body = (await res.json().catch(() => undefined)) as ErrorReply | undefined;
  const code = verdict === 'unauthenticated' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
  if (body?.error?.code !== code) return `code ${body?.error?.code ?? 'none'} instead of ${code}`;
  if (!/\p{Script=Han}/u.test(body.error.message)) return 'no Chinese message';
  if (body.error.requestId !== res.headers.get('x-request-id')) return 'request id differs from X-Request-Id';
  return undefined;
};

describe('the OpenAPI document', () => {
  it('declares who may call every operation (x-access: public, or roles and scopes of known names)', () => {
    const undeclared = operations.filter((op) => !isAccess(op.operation['x-access'])).map((op) => op.id);
    expect(undeclared).toEqual([]);
  });

  it('declares for each route the access issue 6 agreed (authorization-table.ts), and no route beyond the table', () => {
    const differences: string[] = [];
    const documented = new Map(operations.map((op) => [op.id, op.operation['x-access']]));
    for (const [route, access] of Object.entries(CONTRACT_ACCESS)) {
      if (!documented.has(route)) differences.push(`${route}: in the table, not in the document`);
      else if (normaliseAccess(documented.get(route)) !== normaliseAccess(access)) {
        differences.push(`${route}: declares ${normaliseAccess(documented.get(route))}, agreed ${normaliseAccess(access)}`);
      }
    }
    for (const route of documented.keys()) if (!(route in CONTRACT_ACCESS)) differences.push(`${route}: not in the table`);
    expect(differences).toEqual([]);
  });

  it('documents every route the app answers', () => {
    const documented = new Set(operations.map((op) => `${op.method} ${op.path.replace(/\{([^}]+)\}/g, ':$1')}`));
    const undocumented = [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].filter((r) => !documented.has(r));
    expect(undocumented).toEqual([]);
  });
});

describe('every operation × every caller', () => {
  it('lets in exactly the callers its x-access lists, and refuses the others with 401 or 403 in the error model', async () => {
    const mismatches: string[] = [];
    for (const op of operations) {
      const access = op.operation['x-access'];
      if (!isAccess(access)) continue; // reported by the document test
      await Promise.all(
        callers.map(async (caller) => {
          const expected = expectedVerdict(access, caller);
          const res = await send(op, caller);
          const actual = verdictOf(res.status);
          if (actual !== expected) {
            const body = await res.text();
            mismatches.push(`${op.id} as ${caller.label}: expected ${expected}, got ${res.status} ${body.slice(0, 160)}`);
            return;
          }
          if (expected === 'allow') return void (await res.body?.cancel());
          const problem = await problemWithDenial(res, expected);
          if (problem) mismatches.push(`${op.id} as ${caller.label}: ${res.status} ${problem}`);
        }),
      );
    }
    expect(mismatches).toEqual([]);
  }, 60_000);

  it('refuses a credential that does not check out on every operation, public ones included (401, never served as anonymous)', async () => {
    const bad: Record<string, Record<string, string>> = {
      'a forged staff token': { authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl' },
      'an unknown API key': { authorization: 'Bearer ow_aaaaaaaaaaaa_bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' },
      'another scheme': { authorization: 'Basic dXNlcjpwYXNz' },
    };
    const anonymous = callers[0]!;
    const mismatches: string[] = [];
    for (const op of operations) {
      await Promise.all(
        Object.entries(bad).map(async ([label, headers]) => {
          const res = await send(op, anonymous, headers);
          if (res.status !== 401) mismatches.push(`${op.id} with ${label}: expected 401, got ${res.status}`);
          else {
            const problem = await problemWithDenial(res, 'unauthenticated');
            if (problem) mismatches.push(`${op.id} with ${label}: ${problem}`);
          }
        }),
      );
    }
    expect(mismatches).toEqual([]);
  }, 30_000);
});
