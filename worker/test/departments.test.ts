import { describe, expect, it } from 'vitest';
import { call } from './helpers.ts';

interface DepartmentList {
  total: number;
  results: { id: string; name: string; fullName: string; creditCode: string; phone: string; matterCount: number }[];
}

describe('GET /v1/departments', () => {
  it('lists the 28 departments with their matter counts adding up to the catalog', async () => {
    const res = await call('/v1/departments');
    expect(res.status).toBe(200);
    const list = (await res.json()) as DepartmentList;
    expect(list.total).toBe(28);
    expect(list.results).toHaveLength(28);
    expect(new Set(list.results.map((d) => d.id)).size).toBe(28);
    expect(list.results.map((d) => d.name)).toEqual(expect.arrayContaining(['市场监管局', '消防救援大队', '烟草专卖局']));
    for (const department of list.results) expect(department.matterCount).toBeGreaterThan(0);
    const health = (await (await call('/v1/health')).json()) as { catalog: { matterCount: number } };
    expect(list.results.reduce((sum, d) => sum + d.matterCount, 0)).toBe(health.catalog.matterCount);
  });
});
