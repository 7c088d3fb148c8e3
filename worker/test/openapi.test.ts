import { describe, expect, it } from 'vitest';
import { app } from '../app.ts';
import { call } from './helpers.ts';

interface Operation {
  'x-access'?: unknown;
  summary?: string;
  parameters?: { name: string; in: string; required?: boolean }[];
  responses: Record<string, { description: string; content?: Record<string, { schema?: any; examples?: Record<string, unknown> }> }>;
}
type Document = { openapi: string; info: { title: string }; paths: Record<string, Record<string, Operation>> };

const readDocument = async () => {
  const res = await call('/v1/openapi.json');
  expect(res.status).toBe(200);
  return (await res.json()) as Document;
};

/** The operation's first success status: 200 for most, 201 for a create, 101 for a WebSocket upgrade. */
const successStatus = (op: Operation): string | undefined => Object.keys(op.responses).sort().find((s) => /^(1|2)\d\d$/.test(s));

const documentedCodes = (op: Operation, status: string): string[] =>
  op.responses[status]?.content?.['application/json']?.schema?.properties?.error?.properties?.code?.enum ?? [];

describe('GET /v1/openapi.json', () => {
  it('is OpenAPI 3.1', async () => {
    const doc = await readDocument();
    expect(doc.openapi).toMatch(/^3\.1\./);
    expect(doc.info.title).toContain('onewindow');
  });

  it('documents every route the app serves, each with its access declared', async () => {
    const doc = await readDocument();
    const served = app.routes
      .filter((route) => route.method !== 'ALL')
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, '{$1}')}`);
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.keys(item).map((m) => `${m} ${path}`));
    expect(new Set(documented)).toEqual(new Set(served));
    expect(documented).toEqual(
      expect.arrayContaining([
        'get /v1/matters',
        'get /v1/matters/{code}',
        'get /v1/departments',
        'get /v1/bundles',
        'get /v1/bundles/{id}',
        'get /v1/health',
        'get /v1/openapi.json',
        'get /docs',
      ]),
    );
    for (const item of Object.values(doc.paths)) {
      for (const op of Object.values(item)) {
        const access = op['x-access'];
        // 'public', or who may call it: staff roles and/or key scopes, at least one of them.
        const declared = access as { roles?: unknown; scopes?: unknown };
        const listed = access !== 'public' && Array.isArray(declared.roles) && Array.isArray(declared.scopes);
        expect(access === 'public' || (listed && (declared.roles as unknown[]).length + (declared.scopes as unknown[]).length > 0)).toBe(true);
        expect(successStatus(op)).toBeDefined();
        expect(documentedCodes(op, '500')).toEqual(['INTERNAL']);
      }
    }
  });

  it('lists the error codes each route can return, with an example body per code', async () => {
    const doc = await readDocument();
    const search = doc.paths['/v1/matters']?.get as Operation;
    expect(documentedCodes(search, '400').sort()).toEqual(['EMPTY_QUERY', 'INVALID_INPUT']);
    expect(documentedCodes(search, '404')).toEqual(['DEPARTMENT_NOT_FOUND']);
    expect(Object.keys(search.responses['400']?.content?.['application/json']?.examples ?? {}).sort()).toEqual([
      'EMPTY_QUERY',
      'INVALID_INPUT',
    ]);
    expect(search.parameters?.map((p) => [p.name, p.in, p.required ?? false])).toEqual([
      ['q', 'query', true],
      ['department', 'query', false],
      ['limit', 'query', false],
    ]);
    expect(documentedCodes(doc.paths['/v1/matters/{code}']?.get as Operation, '404')).toEqual(['MATTER_NOT_FOUND']);
    expect(documentedCodes(doc.paths['/v1/bundles/{id}']?.get as Operation, '404')).toEqual(['BUNDLE_NOT_FOUND']);
    // A route without parameters cannot fail validation, so it does not claim to.
    expect(doc.paths['/v1/departments']?.get?.responses['400']).toBeUndefined();
  });

  it('shows real replies of this catalog as success examples', async () => {
    const doc = await readDocument();
    const example = (path: string) => (doc.paths[path]?.get?.responses['200']?.content?.['application/json'] as any)?.example;
    expect(example('/v1/matters').results).toContainEqual(
      expect.objectContaining({ name: '食品经营许可（新办）', department: { id: 'scjg', name: '市场监管局' } }),
    );
    expect(example('/v1/matters/{code}').labels.type).toBe('行政许可');
    expect(example('/v1/departments').total).toBe(28);
    expect(example('/v1/bundles').results.map((b: { id: string }) => b.id)).toContain('birth');
    expect(example('/v1/bundles/{id}').id).toBe('open-restaurant');
    expect(example('/v1/health').database).toBe('ok');
  });

  it('gives every success reply a schema', async () => {
    const doc = await readDocument();
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const op of Object.values(item)) {
        const status = successStatus(op);
        // A WebSocket upgrade (101) and a deletion's 204 have no body to describe.
        if (status === '101' || status === '204') continue;
        const content = op.responses[status ?? '200']?.content ?? {};
        const schema = content['application/json']?.schema ?? content['text/html']?.schema ?? content['application/pdf']?.schema;
        expect(schema, path).toBeDefined();
      }
    }
  });
});

describe('GET /docs', () => {
  it('is a self-contained HTML page that renders /v1/openapi.json', async () => {
    const res = await call('/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('Content-Security-Policy')).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain('/v1/openapi.json');
    expect(html).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
  });
});
