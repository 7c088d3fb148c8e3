import type { App } from '../app.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { findCatalogRelease } from '../db/catalog-releases.ts';
import { openDatabase } from '../db/client.ts';
import { defineRoute } from '../define-route.ts';
import { healthReplySchema } from '../schemas/health.ts';

const checkHealthRoute = defineRoute({
  method: 'get',
  path: '/v1/health',
  access: 'public',
  tags: ['operations'],
  summary: '健康检查 Health',
  description:
    '服务状态、所服务的目录版本与数据库连通性；数据库异常时返回 503。' +
    ' Liveness, the catalog served, and whether the database answers (503 when it does not). Never cached.',
  responses: {
    200: { description: '正常 Healthy', content: { 'application/json': { schema: healthReplySchema } } },
    503: {
      description: '数据库异常 The database check failed',
      content: { 'application/json': { schema: healthReplySchema } },
    },
  },
});

export const registerHealthRoutes = (app: App) => {
  app.openapi(checkHealthRoute, async (c) => {
    const { catalog } = getCatalogStore();
    c.header('Cache-Control', 'no-store');
    const reply = {
      catalog: {
        id: catalog.id,
        version: catalog.version,
        matterCount: catalog.matters.length,
        departmentCount: catalog.departments.length,
      },
    };
    try {
      const row = await findCatalogRelease(openDatabase(c.env.DB), catalog.id, catalog.version);
      const release = row
        ? {
            catalogId: row.catalogId,
            version: row.version,
            matterCount: row.matterCount,
            departmentCount: row.departmentCount,
            loadedAt: row.loadedAt.toISOString(),
          }
        : null;
      return c.json({ status: 'ok' as const, ...reply, database: 'ok' as const, release }, 200);
    } catch (error) {
      const requestId = c.get('requestId');
      console.error(JSON.stringify({ level: 'error', requestId, check: 'database', error: String(error) }));
      return c.json({ status: 'degraded' as const, ...reply, database: 'error' as const, release: null }, 503);
    }
  });
};
