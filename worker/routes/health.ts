import { localDateOf } from '../../core/index.ts';
import type { App } from '../app.ts';
import { CALENDAR_WARN_WITHIN_DAYS, caseClock, workCalendar } from '../cases/case-clock.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { loadCertificateSigner, presentSigningHealth } from '../certificates/signing-key.ts';
import { findCatalogRelease } from '../db/catalog-releases.ts';
import { openDatabase } from '../db/client.ts';
import { defineRoute } from '../define-route.ts';
import { presentCalendarHealth } from '../replies/calendar-health.ts';
import { healthReplySchema } from '../schemas/health.ts';

const checkHealthRoute = defineRoute({
  method: 'get',
  path: '/v1/health',
  access: 'public',
  tags: ['operations'],
  summary: '健康检查 Health',
  description:
    '服务状态、所服务的目录版本、数据库连通性与工作日历覆盖范围；数据库异常时返回 503；工作日历数据剩余不足45天时给出提醒（次年节假日安排须及时加入）。' +
    ' Liveness, the catalog served, whether the database answers (503 when it does not), and how far the working-day' +
    ' calendar reaches, with a warning when fewer than 45 days of it are left (add next year’s official schedule in' +
    ' time), and whether certificates can be signed (`certificates.signing`: a missing key does not change the status:' +
    ' approvals go on, their certificates wait). Never cached.',
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
      calendar: presentCalendarHealth(workCalendar(), localDateOf(caseClock.now()), CALENDAR_WARN_WITHIN_DAYS),
      certificates: presentSigningHealth(await loadCertificateSigner(c.env)),
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
