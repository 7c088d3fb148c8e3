import { describe, expect, it } from 'vitest';
import { call, expectError } from './helpers.ts';

interface SearchReply {
  query: string;
  total: number;
  results: {
    code: string;
    name: string;
    department: { id: string; name: string };
    score: number;
    matched: { field: string; text: string; start: number; end: number; via: string };
  }[];
}

const search = async (query: string) => {
  const res = await call(`/v1/matters?${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as SearchReply;
};

describe('GET /v1/matters (search)', () => {
  it('finds 食品经营许可（新办） in the top 3 for 食品经营, under 市场监管局', async () => {
    const reply = await search(`q=${encodeURIComponent('食品经营')}`);
    expect(reply.query).toBe('食品经营');
    const hit = reply.results.slice(0, 3).find((r) => r.name === '食品经营许可（新办）');
    expect(hit).toBeDefined();
    expect(hit?.department.name).toBe('市场监管局');
    expect(hit?.matched.text.slice(hit.matched.start, hit.matched.end).length).toBeGreaterThan(0);
  });

  it('understands the colloquial 开饭店', async () => {
    const reply = await search(`q=${encodeURIComponent('开饭店')}`);
    expect(reply.results.map((r) => r.name)).toContain('食品经营许可（新办）');
  });

  it('trims the query, returns at most `limit` results and counts every match in `total`', async () => {
    const all = await search(`q=${encodeURIComponent('  许可 ')}&limit=50`);
    expect(all.query).toBe('许可');
    const few = await search(`q=${encodeURIComponent('许可')}&limit=2`);
    expect(few.results).toHaveLength(2);
    expect(few.total).toBe(all.total);
    expect(few.total).toBeGreaterThan(2);
    expect(few.results.map((r) => r.code)).toEqual(all.results.slice(0, 2).map((r) => r.code));
  });

  it('defaults to 10 results', async () => {
    const reply = await search(`q=${encodeURIComponent('许可')}`);
    expect(reply.results).toHaveLength(10);
  });

  it('keeps to one department when asked', async () => {
    const departments = (await (await call('/v1/departments')).json()) as { results: { id: string; name: string }[] };
    const market = departments.results.find((d) => d.name === '市场监管局');
    expect(market).toBeDefined();
    const reply = await search(`q=${encodeURIComponent('许可')}&department=${market?.id}&limit=50`);
    expect(reply.results.length).toBeGreaterThan(0);
    expect(new Set(reply.results.map((r) => r.department.id))).toEqual(new Set([market?.id]));
  });

  it('treats an empty department filter as no filter', async () => {
    const filtered = await search(`q=${encodeURIComponent('许可')}&department=`);
    const plain = await search(`q=${encodeURIComponent('许可')}`);
    expect(filtered.total).toBe(plain.total);
  });

  it('answers 404 DEPARTMENT_NOT_FOUND for an unknown department', async () => {
    const error = await expectError(await call('/v1/matters?q=abc&department=no-such-dept'), 404, 'DEPARTMENT_NOT_FOUND');
    expect(error.details).toEqual({ id: 'no-such-dept' });
  });

  it.each(['', '%20%20', '%E3%80%80'])('answers 400 EMPTY_QUERY for the blank query q=%s', async (q) => {
    // %E3%80%80 is the full-width space a Chinese keyboard types.
    await expectError(await call(`/v1/matters?q=${q}`), 400, 'EMPTY_QUERY');
  });

  it('answers 400 INVALID_INPUT naming q when it is missing', async () => {
    const error = await expectError(await call('/v1/matters'), 400, 'INVALID_INPUT');
    expect(error.details?.issues).toEqual([expect.objectContaining({ location: 'query', path: ['q'] })]);
  });

  it.each(['0', '51', 'ten', '2.5', ''])('answers 400 INVALID_INPUT naming limit for limit=%s', async (limit) => {
    const error = await expectError(await call(`/v1/matters?q=abc&limit=${limit}`), 400, 'INVALID_INPUT');
    const issues = error.details?.issues as { path: unknown[]; message: string }[];
    expect(issues.map((i) => i.path)).toEqual([['limit']]);
    expect(issues[0]?.message).toBeTruthy();
  });

  it('reports every bad field at once', async () => {
    const error = await expectError(await call('/v1/matters?limit=99'), 400, 'INVALID_INPUT');
    const paths = (error.details?.issues as { path: string[] }[]).map((i) => i.path[0]).sort();
    expect(paths).toEqual(['limit', 'q']);
  });
});

describe('GET /v1/matters/{code}', () => {
  const findCode = async (name: string) => {
    const reply = await search(`q=${encodeURIComponent(name)}`);
    const hit = reply.results.find((r) => r.name === name);
    if (!hit) throw new Error(`${name} not found by search`);
    return hit.code;
  };

  it('gives the full guide by 实施编码, with the department and Chinese labels', async () => {
    const code = await findCode('食品经营许可（新办）');
    const res = await call(`/v1/matters/${encodeURIComponent(code)}`);
    expect(res.status).toBe(200);
    const guide = (await res.json()) as Record<string, any>;
    expect(guide.code).toBe(code);
    expect(guide.name).toBe('食品经营许可（新办）');
    expect(guide.department).toMatchObject({ name: '市场监管局', fullName: expect.stringContaining('市场监督管理局') });
    expect(guide.type).toBe('01');
    expect(guide.labels.type).toBe('行政许可');
    expect(guide.labels.promisedLimit).toMatch(/\p{Script=Han}/u);
    expect(guide.materials.length).toBeGreaterThan(0);
    for (const material of guide.materials) expect(material.labels.necessity).toMatch(/\p{Script=Han}/u);
    expect(guide.bundles.map((b: { id: string }) => b.id)).toContain('open-restaurant');
  });

  it('gives a guide by 基本编码 too', async () => {
    const code = await findCode('食品经营许可（新办）');
    const byCode = (await (await call(`/v1/matters/${encodeURIComponent(code)}`)).json()) as { basicCode: string };
    const res = await call(`/v1/matters/${encodeURIComponent(byCode.basicCode)}`);
    expect(res.status).toBe(200);
    const guide = (await res.json()) as { code: string; basicCode: string; variants: { code: string }[] };
    expect(guide.basicCode).toBe(byCode.basicCode);
    // Siblings sharing the basic code are listed, never the matter itself.
    expect(guide.variants.map((v) => v.code)).not.toContain(guide.code);
  });

  it('answers 404 MATTER_NOT_FOUND in the error model for an unknown code', async () => {
    const error = await expectError(await call('/v1/matters/NO-SUCH-CODE'), 404, 'MATTER_NOT_FOUND');
    expect(error.message).toBe('未找到该事项');
    expect(error.messageEn).toBe('No matter has this code');
    expect(error.details).toEqual({ code: 'NO-SUCH-CODE' });
  });
});

describe('catalog caching', () => {
  it('stamps replies with an ETag and Cache-Control, and answers 304 when the caller holds it', async () => {
    const first = await call('/v1/departments');
    const etag = first.headers.get('ETag');
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers.get('Cache-Control')).toBe('public, max-age=300');
    const again = await call('/v1/departments', { headers: { 'If-None-Match': etag ?? '' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const other = await call('/v1/departments', { headers: { 'If-None-Match': 'W/"something-else"' } });
    expect(other.status).toBe(200);
  });

  it('never stamps errors', async () => {
    const res = await call('/v1/matters/NO-SUCH-CODE');
    expect(res.status).toBe(404);
    expect(res.headers.get('ETag')).toBeNull();
    expect(res.headers.get('Cache-Control')).toBeNull();
  });
});
