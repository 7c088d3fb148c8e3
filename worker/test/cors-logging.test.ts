import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app.ts';
import { parseCorsOrigins } from '../cors.ts';
import { callAsIs as call } from './authorization-operations.ts';
import { PERSON } from './case-helpers.ts';
import { staffHeaders } from './credentials.ts';

const ALLOWED = parseCorsOrigins(env.CORS_ORIGINS)[0]!;
const OTHER = 'https://evil.example';

const preflight = (path: string, origin: string) =>
  call(path, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
  });

const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const corsHeaderNames = (res: Response) => [...res.headers.keys()].filter((name) => name.startsWith('access-control-'));

/** The JSON log lines written during `run`, parsed. */
const captureLogs = async (spy: 'log' | 'error', run: () => Promise<unknown>): Promise<Record<string, unknown>[]> => {
  const lines: string[] = [];
  const mock = vi.spyOn(console, spy).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
  try {
    await run();
  } finally {
    mock.mockRestore();
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
};

afterEach(() => vi.restoreAllMocks());

describe('CORS', () => {
  it('answers a preflight from a configured origin with 204 and the allowed headers, before authentication', async () => {
    expect(env.CORS_ORIGINS).toBeTruthy();
    const res = await preflight('/v1/cases', ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    const allowHeaders = res.headers.get('access-control-allow-headers')!.toLowerCase().split(',');
    for (const name of ['authorization', 'content-type', 'idempotency-key', 'x-request-id', 'if-none-match']) expect(allowHeaders).toContain(name);
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-max-age')).toBe('600');
    expect(res.headers.get('access-control-allow-credentials')).toBeNull();
    expect(res.headers.get('vary')).toMatch(/origin/i);
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('answers a preflight to a path with one method only with 204 too (never the 405 of the not-found handler)', async () => {
    const res = await preflight('/v1/matters', ALLOWED);
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ALLOWED);
  });

  it('gives another origin’s preflight no CORS header at all', async () => {
    const res = await preflight('/v1/cases', OTHER);
    expect(res.status).toBe(204);
    expect(corsHeaderNames(res)).toEqual([]);
    expect(res.headers.get('vary')).toMatch(/origin/i);
  });

  it('adds the exposed headers to an allowed origin’s actual request, and nothing to another’s', async () => {
    const allowed = await call('/v1/departments', { headers: { origin: ALLOWED } });
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    const exposed = allowed.headers.get('access-control-expose-headers')!.toLowerCase().split(',');
    for (const name of ['x-request-id', 'retry-after', 'location', 'idempotent-replay', 'etag']) expect(exposed).toContain(name);
    expect(allowed.headers.get('vary')).toMatch(/origin/i);

    const other = await call('/v1/departments', { headers: { origin: OTHER } });
    expect(other.status).toBe(200);
    expect(corsHeaderNames(other)).toEqual([]);
    expect(other.headers.get('vary')).toMatch(/origin/i);
  });

  it('lets a plain OPTIONS without Origin reach the app (405 with Allow, as any other unsupported method)', async () => {
    const res = await call('/v1/departments', { method: 'OPTIONS' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toContain('GET');
  });

  it('reads the origin list leniently: spaces and trailing slashes go, empty entries too', () => {
    expect(parseCorsOrigins(' http://a.test/ ,, https://b.test ')).toEqual(['http://a.test', 'https://b.test']);
    expect(parseCorsOrigins(undefined)).toEqual([]);
  });
});

describe('request ids', () => {
  it('are on every response: success, 401, 404, 405, 413, 400, preflight', async () => {
    const front = await staffHeaders({ role: 'front-desk' });
    const responses = await Promise.all([
      call('/v1/health'),
      call('/v1/cases/XS-261127-0057-3'),
      call('/v1/nowhere'),
      call('/v1/departments', { method: 'DELETE' }),
      postJson('/v1/cases', { pad: 'x'.repeat(70 * 1024) }, front),
      postJson('/v1/cases', { hall: 42 }, front),
      preflight('/v1/cases', ALLOWED),
    ]);
    expect(responses.map((res) => res.status)).toEqual([200, 401, 404, 405, 413, 400, 204]);
    for (const res of responses) expect(res.headers.get('x-request-id')).toMatch(/^[\w=-]+$/);
  });
});

describe('request log', () => {
  const ID = PERSON.idNumber;
  const PHONE = PERSON.phone;

  it('writes one JSON line per request with who called what, and no ID number, phone, name, credential or query code', async () => {
    const headers: Record<string, string> = { ...(await staffHeaders({ role: 'front-desk' })), 'x-request-id': 'log-test-1', 'user-agent': `kiosk/1.0 (${PHONE})` };
    const lines = await captureLogs('log', async () => {
      await postJson('/v1/cases', { hall: 'xiaoshan', matters: ['X'], applicant: PERSON, note: `${PERSON.name} ${ID} ${PHONE}` }, headers);
      await call(`/v1/applicants/${ID}/materials?name=${encodeURIComponent(PERSON.name)}&code=480913&phone=${PHONE}`, { headers });
    });
    const ours = lines.filter((line) => String(line.requestId).startsWith('log-test-1'));
    expect(ours).toHaveLength(2);
    const text = JSON.stringify(ours);
    for (const secret of [ID, ID.slice(6, 14), PHONE, PERSON.name, '480913', headers.authorization!.slice(7)]) expect(text).not.toContain(secret);
    const [intake, materials] = ours as [Record<string, unknown>, Record<string, unknown>];
    expect(intake).toMatchObject({ method: 'POST', path: '/v1/cases', tenant: 'xiaoshan', actorKind: 'staff', actorId: 'xiaoshan-front-desk' });
    expect(Object.keys(intake)).toEqual(expect.arrayContaining(['level', 'at', 'requestId', 'status', 'ms']));
    expect(new Date(String(intake.at)).toISOString()).toBe(intake.at);
    expect(intake.ua).toBe('kiosk/1.0 (138****5678)');
    expect(materials.path).toBe(`/v1/applicants/330109********${ID.slice(-4)}/materials`);
    expect(materials.query).toBe('name=张**&code=***&phone=138****5678');
  });

  it('logs anonymous callers and refusals with a level by status', async () => {
    const lines = await captureLogs('log', async () => {
      await call('/v1/health', { headers: { 'x-request-id': 'log-test-ok' } });
      await call('/v1/nowhere', { headers: { 'x-request-id': 'log-test-404' } });
    });
    expect(lines.find((line) => line.requestId === 'log-test-ok')).toMatchObject({ level: 'info', status: 200, tenant: null, actorKind: null, actorId: null });
    expect(lines.find((line) => line.requestId === 'log-test-404')).toMatchObject({ level: 'warn', status: 404 });
  });

  it('masks the error log of an unexpected failure and answers the error model with the request id', async () => {
    const app = createApp();
    app.get('/boom/:id', () => {
      throw new Error(`no row for ${ID}, phone ${PHONE}`);
    });
    let res: Response | undefined;
    const errors = await captureLogs('error', async () => {
      const logs = await captureLogs('log', async () => {
        res = await app.fetch(new Request(`http://hall.test/boom/${ID}`), env);
      });
      expect(logs.map((line) => line.status)).toEqual([500]);
      expect(logs[0]!.level).toBe('error');
    });
    expect(res!.status).toBe(500);
    expect(res!.headers.get('x-request-id')).toBeTruthy();
    expect(errors).toHaveLength(1);
    const text = JSON.stringify(errors);
    expect(text).not.toContain(ID);
    expect(text).not.toContain(PHONE);
    expect(errors[0]!.path).toBe(`/boom/330109********${ID.slice(-4)}`);
    expect(String(errors[0]!.error)).toContain('138****5678');
  });
});
