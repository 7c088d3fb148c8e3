import { z } from '@hono/zod-openapi';
import { env } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import type { Role } from '../app-env.ts';
import { createApp, MAX_BODY_BYTES } from '../app.ts';
import { defineRoute } from '../define-route.ts';
import { call, expectError } from './helpers.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('request ids', () => {
  it('keeps a well-formed incoming X-Request-Id', async () => {
    const res = await call('/v1/departments', { headers: { 'X-Request-Id': 'kiosk-07_abc=' } });
    expect(res.headers.get('X-Request-Id')).toBe('kiosk-07_abc=');
  });

  it.each([['has spaces'], ['<script>'], ['x'.repeat(129)]])('replaces a malformed one (%s) with a UUID', async (id) => {
    const res = await call('/v1/departments', { headers: { 'X-Request-Id': id } });
    expect(res.headers.get('X-Request-Id')).toMatch(UUID);
  });

  it('mints a fresh id per request', async () => {
    const [a, b] = await Promise.all([call('/v1/departments'), call('/v1/departments')]);
    expect(a.headers.get('X-Request-Id')).toMatch(UUID);
    expect(a.headers.get('X-Request-Id')).not.toBe(b.headers.get('X-Request-Id'));
  });
});

describe('routing errors', () => {
  it('answers an unknown route with 404 ROUTE_NOT_FOUND in the error model', async () => {
    const error = await expectError(await call('/v1/nothing-here'), 404, 'ROUTE_NOT_FOUND');
    expect(error.details).toEqual({ path: '/v1/nothing-here' });
  });

  it('answers a known path with the wrong method with 405 and Allow', async () => {
    const res = await call('/v1/matters/ABC', { method: 'DELETE' });
    const error = await expectError(res, 405, 'METHOD_NOT_ALLOWED');
    expect(res.headers.get('Allow')).toBe('GET, HEAD');
    expect(error.details).toEqual({ method: 'DELETE', allowed: ['GET', 'HEAD'] });
  });

  it('refuses a body over the limit with 413 PAYLOAD_TOO_LARGE before routing', async () => {
    const body = 'x'.repeat(MAX_BODY_BYTES + 1);
    const error = await expectError(await call('/v1/matters', { method: 'POST', body }), 413, 'PAYLOAD_TOO_LARGE');
    expect(error.details).toEqual({ maxBytes: MAX_BODY_BYTES });
  });

  it('refuses an oversize streamed body (no Content-Length) too', async () => {
    const chunk = new TextEncoder().encode('y'.repeat(16 * 1024));
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 8; i += 1) controller.enqueue(chunk);
        controller.close();
      },
    });
    const res = await call('/v1/matters', { method: 'POST', body: stream, duplex: 'half' } as RequestInit);
    await expectError(res, 413, 'PAYLOAD_TOO_LARGE');
  });
});

/** A small app on the same frame, with routes that exercise what the catalog routes cannot. */
const buildTestApp = (roles?: Role[]) => {
  const test = createApp();
  if (roles) {
    test.use('*', async (c, next) => {
      c.set('actor', { kind: 'staff', id: 'clerk-1', tenant: 'xiaoshan', roles, scopes: [] });
      await next();
    });
  }
  const ok = { 200: { description: 'ok', content: { 'application/json': { schema: z.object({ ok: z.boolean() }) } } } };
  test.openapi(defineRoute({ method: 'get', path: '/boom', access: 'public', responses: ok }), () => {
    throw new Error('secret: the database password is hunter2');
  });
  test.openapi(
    defineRoute({
      method: 'post',
      path: '/admin-only',
      access: { roles: ['admin'], scopes: ['admin'] },
      request: { body: { content: { 'application/json': { schema: z.object({ n: z.number() }) } }, required: true } },
      responses: ok,
    }),
    (c) => c.json({ ok: true }, 200),
  );
  return test;
};

/** A request to a test app with the worker's bindings (middleware reads them: CORS origins, the token secret). */
const send = (app: ReturnType<typeof buildTestApp>, path: string, init?: RequestInit) => app.request(path, init, env);

const post = (body: string) => ({ method: 'POST', body, headers: { 'content-type': 'application/json' } });

describe('unexpected failures', () => {
  it('answers 500 INTERNAL without leaking the cause, which goes to the log under the request id', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      const res = await send(buildTestApp(), '/boom');
      const error = await expectError(res, 500, 'INTERNAL');
      expect(JSON.stringify(error)).not.toContain('hunter2');
      expect(error.details).toBeUndefined();
      const entry = JSON.parse(String(log.mock.calls[0]?.[0])) as { requestId: string; error: string };
      expect(entry.requestId).toBe(error.requestId);
      expect(entry.error).toContain('hunter2');
    } finally {
      log.mockRestore();
    }
  });
});

describe('access', () => {
  it('answers 401 UNAUTHENTICATED on a role route for a credential that does not check out', async () => {
    const res = await send(buildTestApp(), '/admin-only', {
      ...post('{"n":1}'),
      headers: { 'content-type': 'application/json', authorization: 'Bearer anything' },
    });
    await expectError(res, 401, 'UNAUTHENTICATED');
  });

  it('checks access before validating the body', async () => {
    await expectError(await send(buildTestApp(), '/admin-only', post('not json')), 401, 'UNAUTHENTICATED');
  });

  it('answers 403 FORBIDDEN to a caller without the role', async () => {
    const error = await expectError(await send(buildTestApp(['front-desk']), '/admin-only', post('{"n":1}')), 403, 'FORBIDDEN');
    expect(error.details).toEqual({ roles: ['admin'], scopes: ['admin'] });
  });

  it('lets a caller with the role through', async () => {
    const res = await send(buildTestApp(['front-desk', 'admin']), '/admin-only', post('{"n":1}'));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('documents a role route with its roles and its 401/403/429', () => {
    const doc = buildTestApp().getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    const op = doc.paths?.['/admin-only']?.post as Record<string, any>;
    expect(op['x-access']).toEqual({ roles: ['admin'], scopes: ['admin'] });
    expect(Object.keys(op.responses).sort()).toEqual(['200', '400', '401', '403', '413', '415', '429', '500']);
  });

  it('documents 401 and 429 on a public route too (a bad credential or a key over its limit), but no 403', () => {
    const doc = buildTestApp().getOpenAPI31Document({ openapi: '3.1.0', info: { title: 't', version: '1' } });
    const op = doc.paths?.['/boom']?.get as Record<string, any>;
    expect(Object.keys(op.responses).sort()).toEqual(['200', '401', '429', '500']);
  });
});

describe('bodies', () => {
  it('answers malformed JSON with 400 INVALID_INPUT', async () => {
    await expectError(await send(buildTestApp(['admin']), '/admin-only', post('{"n":')), 400, 'INVALID_INPUT');
  });

  it('answers a wrong content type with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const res = await send(buildTestApp(['admin']), '/admin-only', {
      method: 'POST',
      body: 'n=1',
      headers: { 'content-type': 'text/plain' },
    });
    await expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('lists body issues with their location', async () => {
    const error = await expectError(await send(buildTestApp(['admin']), '/admin-only', post('{"n":"one"}')), 400, 'INVALID_INPUT');
    expect(error.details?.issues).toEqual([expect.objectContaining({ location: 'json', path: ['n'] })]);
  });
});
