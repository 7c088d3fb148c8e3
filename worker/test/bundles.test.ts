import { describe, expect, it } from 'vitest';
import { call, expectError } from './helpers.ts';

interface BundleDetail {
  id: string;
  name: string;
  members: { key: string; optional: boolean; matters: { code: string; name: string; department: { id: string; name: string } }[] }[];
  dependencies: { from: string; to: string }[];
  jointInspections: { name: string; members: string[] }[];
  departments: { id: string; name: string }[];
}

describe('GET /v1/bundles', () => {
  it('lists the five bundles the hall runs', async () => {
    const res = await call('/v1/bundles');
    expect(res.status).toBe(200);
    const list = (await res.json()) as { total: number; results: { id: string; name: string; memberCount: number }[] };
    expect(list.results.map((b) => b.id)).toEqual(
      expect.arrayContaining(['open-restaurant', 'start-company', 'birth', 'civil-defence-works', 'second-hand-house']),
    );
    expect(list.total).toBe(list.results.length);
    for (const bundle of list.results) expect(bundle.memberCount).toBeGreaterThan(0);
    expect(list.results.find((b) => b.id === 'open-restaurant')?.memberCount).toBe(5);
  });
});

describe('GET /v1/bundles/{id}', () => {
  it('resolves 开办餐饮店 members to matters with their departments', async () => {
    const res = await call('/v1/bundles/open-restaurant');
    expect(res.status).toBe(200);
    const bundle = (await res.json()) as BundleDetail;
    const matters = bundle.members.flatMap((m) => m.matters);
    expect(bundle.members.every((m) => m.matters.length > 0)).toBe(true);
    const licence = matters.find((m) => m.name === '食品经营许可（新办）');
    expect(licence?.department.name).toBe('市场监管局');
    expect(bundle.departments.map((d) => d.name)).toEqual(expect.arrayContaining(['市场监管局', '消防救援大队', '烟草专卖局']));
    // Dependencies name member keys of this bundle.
    const keys = new Set(bundle.members.map((m) => m.key));
    expect(bundle.dependencies.length).toBeGreaterThan(0);
    for (const { from, to } of bundle.dependencies) expect([keys.has(from), keys.has(to)]).toEqual([true, true]);
  });

  it('answers 404 BUNDLE_NOT_FOUND for an unknown id', async () => {
    const error = await expectError(await call('/v1/bundles/open-bakery'), 404, 'BUNDLE_NOT_FOUND');
    expect(error.details).toEqual({ id: 'open-bakery' });
  });
});
