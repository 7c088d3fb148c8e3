import { env } from 'cloudflare:test';
import { describe, expect, it, vi } from 'vitest';
import {
  buildCatalogReleaseSql,
  describeCatalogRelease,
  recordCatalogRelease,
} from '../db/catalog-releases.ts';
import { openDatabase } from '../db/client.ts';
import { app } from '../app.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { call } from './helpers.ts';

interface Health {
  status: string;
  catalog: { id: string; version: string; matterCount: number; departmentCount: number };
  database: string;
  release: { catalogId: string; version: string; matterCount: number; departmentCount: number; loadedAt: string } | null;
}

const readHealth = async () => {
  const res = await call('/v1/health');
  expect(res.status).toBe(200);
  expect(res.headers.get('Cache-Control')).toBe('no-store');
  return (await res.json()) as Health;
};

const countReleases = async (catalogId: string) =>
  (await env.DB.prepare('select count(*) as n from catalog_releases where catalog_id = ?').bind(catalogId).first<{ n: number }>())
    ?.n;

describe('GET /v1/health', () => {
  it('reports the catalog served and the database reachable, with no release recorded yet', async () => {
    const health = await readHealth();
    expect(health.status).toBe('ok');
    expect(health.database).toBe('ok');
    expect(health.catalog.matterCount).toBeGreaterThanOrEqual(836);
    expect(health.catalog.departmentCount).toBe(28);
    expect(health.release).toBeNull();
  });

  it('reports the release once recorded; recording again keeps one row and its first time', async () => {
    const db = openDatabase(env.DB);
    const release = describeCatalogRelease(getCatalogStore().catalog);
    await recordCatalogRelease(db, release, new Date('2026-03-02T01:00:00Z'));
    await recordCatalogRelease(db, release, new Date('2026-03-09T01:00:00Z'));
    expect(await countReleases(release.catalogId)).toBe(1);
    const health = await readHealth();
    expect(health.release).toEqual({ ...release, loadedAt: '2026-03-02T01:00:00.000Z' });
  });

  it('seeds the same row from plain SQL, idempotently', async () => {
    const release = describeCatalogRelease(getCatalogStore().catalog);
    const sql = buildCatalogReleaseSql({ ...release, catalogId: "o'brien" }, new Date('2026-03-02T01:00:00Z'));
    await env.DB.exec(sql.trim());
    await env.DB.exec(sql.trim());
    const row = await env.DB.prepare('select * from catalog_releases where catalog_id = ?').bind("o'brien").first();
    expect(row).toMatchObject({ version: release.version, matter_count: release.matterCount, loaded_at: 1772413200000 });
    expect(await countReleases("o'brien")).toBe(1);
  });

  it('answers 503 degraded, in its own shape, when the database fails', async () => {
    const failing = {
      prepare: () => {
        throw new Error('D1 is down');
      },
    } as unknown as D1Database;
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const res = await app.request('/v1/health', {}, { ...env, DB: failing });
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
    expect(res.status).toBe(503);
    const health = (await res.json()) as Health;
    expect(health).toMatchObject({ status: 'degraded', database: 'error', release: null });
    expect(JSON.stringify(health)).not.toContain('D1 is down');
  });
});
