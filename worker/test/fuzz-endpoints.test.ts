import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../../core/index.ts';
import { isAccess } from './authorization-callers.ts';
import { callAsIs, listOperations, readApiDocument, type ApiDocument, type DocumentedOperation } from './authorization-operations.ts';
import { acceptCase, materialsFor, PERSON, setBeijingTime } from './case-helpers.ts';
import { issueDogLicence } from './certificate-helpers.ts';
import { createApiKey, staffHeaders } from './credentials.ts';
import { decidedCase, OPERATOR, rateCaseOk } from './evaluation-helpers.ts';
import { fuzzRequest, type FixturePool, type FuzzRequest } from './fuzz-requests.ts';
import { diffSnapshots, takeSnapshot, type StateSnapshot } from './fuzz-state.ts';
import { takeTicket } from './hall-helpers.ts';

/**
 * 模糊测试: every operation of the served OpenAPI document, fed requests generated from its own schema (valid
 * shapes, mutated examples, hostile values, broken bodies) with a caller its access admits, so they reach
 * validation and the handler. Whatever comes in: never a 5xx; a 4xx is the error model with a Chinese
 * message; and a 4xx changes nothing (every D1 row, each hall's queue). Seeded: a failure reruns as it was.
 */

/** Runs per operation: ~70 operations × 20 stay well under a minute on the 2-core CI machine. */
const RUNS_PER_OPERATION = 20;
const SEED = 20261128;

/**
 * Rejections that change state by design, as their routes document: an incomplete intake is registered and
 * answered 422 with its number and the one-time notice (一次性告知), so the applicant can correct it.
 */
const STATE_CHANGING_REJECTIONS: ReadonlySet<string> = new Set(['MATERIALS_INCOMPLETE']);

let doc: ApiDocument;
let operations: DocumentedOperation[];
let pool: FixturePool;
const credentialsByAccess = new Map<string, Record<string, string>>();

/**
 * Staff ids as the documented examples name them (reviewer `scjg-wang`, officer `window-30`, supervisor
 * `zwfw-li`): a mutated example then passes the "acting staff is the token's" check and reaches the handler.
 */
const EXAMPLE_STAFF: Partial<Record<string, { id: string; department?: string }>> = {
  'back-office': { id: 'scjg-wang', department: 'scjg' },
  'issuing-window': { id: 'window-30' },
  'hall-manager': { id: 'zwfw-li' },
};

/** A Xiaoshan caller the access admits: the first listed role as staff, else a key with the first scope. */
const credentialsFor = async (access: Access): Promise<Record<string, string>> => {
  if (access === 'public') return {};
  const key = JSON.stringify(access);
  let headers = credentialsByAccess.get(key);
  if (!headers) {
    const role = access.roles[0];
    headers = role
      ? await staffHeaders({ role, tenant: 'xiaoshan', ...EXAMPLE_STAFF[role] })
      : (await createApiKey({ tenant: 'xiaoshan', scopes: [access.scopes[0]!], rateLimitPerMinute: 100_000 })).headers;
    credentialsByAccess.set(key, headers);
  }
  return headers;
};

beforeAll(async () => {
  setBeijingTime('2026-11-27T10:00');
  doc = await readApiDocument();
  operations = listOperations(doc);
  const accepted = await acceptCase({ applicant: PERSON, matterCode: OPERATOR.code, materials: materialsFor([OPERATOR]) });
  const issued = await issueDogLicence();
  const rated = await decidedCase({ applicant: { ...PERSON, name: '李四' } });
  const { evaluation } = await rateCaseOk(rated.number, { code: rated.queryCode, level: 1 });
  const ticket = await takeTicket();
  const key = await createApiKey({ tenant: 'xiaoshan', scopes: ['catalog:read'] });
  pool = {
    number: [accepted.number, issued.accepted.number, rated.number],
    id: [accepted.tasks[0]!.id, ticket.id, accepted.applicantId, evaluation.id, key.id, 'open-restaurant', 'scjg'],
    identifier: [issued.identifier],
    evaluationId: [evaluation.id],
    hall: ['xiaoshan', 'binjiang'],
    tenant: ['xiaoshan', 'binjiang'],
    window: ['1', '2', '29', '30'],
    code: [OPERATOR.code, accepted.queryCode, rated.queryCode],
  };
}, 60_000);

const send = (op: DocumentedOperation, request: FuzzRequest) =>
  callAsIs(request.path, {
    method: op.method,
    headers: { ...request.headers, ...(request.body ? { 'content-type': request.body.contentType } : {}) },
    ...(request.body ? { body: request.body.text } : {}),
  });

const describeRequest = (op: DocumentedOperation, request: FuzzRequest): string =>
  `${op.method} ${request.path.slice(0, 200)} body(${request.body?.contentType ?? '-'}): ${(request.body?.text ?? '').slice(0, 300)}`;

/** What is wrong with a reply to a fuzzed request, or undefined when it is as it must be. */
const problemWith = async (res: Response): Promise<{ problem?: string; code?: string }> => {
  if (res.status >= 500) return { problem: `answered ${res.status}: ${(await res.text()).slice(0, 300)}` };
  if (res.status < 400) {
    await res.body?.cancel();
    return {};
  }
  const text = await res.text();
  let body: { error?: { code?: unknown; message?: unknown; messageEn?: unknown; requestId?: unknown } } | undefined;
  try {
    body = JSON.parse(text);
  } catch {
    return { problem: `answered ${res.status} without a JSON body: ${text.slice(0, 200)}` };
  }
  const error = body?.error;
  const code = typeof error?.code === 'string' ? error.code : undefined;
  if (!code || typeof error?.message !== 'string' || !/\p{Script=Han}/u.test(error.message) || typeof error.messageEn !== 'string') {
    return { problem: `answered ${res.status} outside the error model: ${text.slice(0, 200)}`, code };
  }
  if (error.requestId !== res.headers.get('x-request-id')) return { problem: `answered ${res.status} with a request id unlike X-Request-Id`, code };
  return { code };
};

describe('every endpoint, fuzzed from its schema', () => {
  it('never answers 5xx, answers every 4xx in the error model, and changes nothing on a 4xx', async () => {
    const failures: string[] = [];
    let known: StateSnapshot | undefined;
    for (const [index, op] of operations.entries()) {
      const access = op.operation['x-access'];
      if (!isAccess(access)) continue; // the authorization matrix reports it
      const credentials = await credentialsFor(access);
      const result = await fc.check(
        fc.asyncProperty(fuzzRequest(op, doc, pool, credentials), async (request) => {
          const before = known ?? (await takeSnapshot());
          const res = await send(op, request);
          const { problem, code } = await problemWith(res);
          if (problem) throw new Error(`${problem}\n  request: ${describeRequest(op, request)}`);
          if (res.status < 400) return void (known = undefined);
          const after = await takeSnapshot();
          known = after;
          const changed = diffSnapshots(before, after);
          if (changed.length > 0 && !STATE_CHANGING_REJECTIONS.has(code ?? '')) {
            throw new Error(`answered ${res.status} ${code} but changed ${changed.join(', ')}\n  request: ${describeRequest(op, request)}`);
          }
        }),
        { numRuns: RUNS_PER_OPERATION, seed: SEED + index, endOnFailure: true },
      );
      if (result.failed) failures.push(`${op.id} (seed ${SEED + index}): ${String(result.errorInstance instanceof Error ? result.errorInstance.message : result.errorInstance)}`);
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
