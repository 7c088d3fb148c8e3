import { isCrossRegionMatter, ROLES } from '../../core/index.ts';
import type { App } from '../app.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { defineRoute } from '../define-route.ts';
import { replyError } from '../http-errors.ts';
import {
  crossRegionMattersSchema,
  crossRegionQuerySchema,
  tenantParamsSchema,
  type CrossRegionMatterReply,
  type CrossRegionMattersReply,
} from '../schemas/cross-region.ts';
import { actorOf } from '../tenant-guard.ts';
import { findTenant, type TenantConfig } from '../tenants/tenant-registry.ts';

const EXAMPLE: CrossRegionMattersReply = {
  tenant: 'xiaoshan',
  partners: ['binjiang'],
  minOnlineDepth: 'III',
  listedCodes: [],
  total: 879,
  offset: 0,
  nextOffset: 1,
  items: [
    {
      code: '511A0005200004-330109000000-000-11330109MB20201373-1-00',
      basicCode: '511A0005200004',
      name: '食品经营许可（新办）',
      departmentId: 'scjg',
      onlineDepth: 'IV',
      reason: 'online-depth',
    },
  ],
};

const crossRegionMattersRoute = defineRoute({
  method: 'get',
  path: '/v1/tenants/{tenant}/cross-region-matters',
  access: { roles: [...ROLES], scopes: ['catalog:read', 'cases:submit'] },
  tags: ['tenants'],
  summary: '跨区域通办事项 The matters a partner may submit',
  description:
    '租户向合作地区开放的事项（跨区域通办）：网上办理深度不低于其最低要求、或被单独列出的事项，按目录顺序分页。' +
    ' The matters the tenant accepts from its partners’ front desks and systems: at least `minOnlineDepth` online, or' +
    ' listed by code; in catalog order, paged by `offset` / `limit` (`nextOffset` null on the last page). Submit one with' +
    ' POST /v1/cases and `ownerTenant`. Any staff role, or a key with catalog:read or cases:submit, of the tenant' +
    ' itself or of one of its partners; any other tenant answers 404 TENANT_NOT_FOUND, as an unknown one does.',
  errors: ['TENANT_NOT_FOUND'],
  request: { params: tenantParamsSchema, query: crossRegionQuerySchema },
  responses: {
    200: {
      description: '开放的事项 The open matters, one page',
      content: { 'application/json': { schema: crossRegionMattersSchema, example: EXAMPLE } },
    },
  },
});

/** Each tenant's open matters, in catalog order: built on first ask, kept for the isolate (the catalog is fixed). */
const OPEN_MATTERS = new Map<string, readonly CrossRegionMatterReply[]>();

const listOpenMatters = (tenant: TenantConfig): readonly CrossRegionMatterReply[] => {
  let list = OPEN_MATTERS.get(tenant.id);
  if (list === undefined) {
    list = getCatalogStore()
      .catalog.matters.filter((matter) => isCrossRegionMatter(tenant.crossRegion, matter))
      .map((matter) => ({
        code: matter.code,
        basicCode: matter.basicCode,
        name: matter.name,
        departmentId: matter.departmentId,
        onlineDepth: matter.onlineDepth,
        reason: isCrossRegionMatter({ ...tenant.crossRegion, matterCodes: [] }, matter) ? ('online-depth' as const) : ('listed' as const),
      }));
    OPEN_MATTERS.set(tenant.id, list);
  }
  return list;
};

/** GET /v1/tenants/{tenant}/cross-region-matters. */
export const registerCrossRegionRoutes = (app: App) => {
  app.openapi(crossRegionMattersRoute, (c) => {
    const actor = actorOf(c);
    const { tenant: tenantId } = c.req.valid('param');
    const { limit, offset, department } = c.req.valid('query');
    const tenant = findTenant(tenantId);
    // A tenant that does not accept the caller's is as unknown to it as one that does not exist.
    if (!tenant.ok || (tenant.value.id !== actor.tenant && !tenant.value.crossRegion.partners.includes(actor.tenant))) {
      return replyError(c, 'TENANT_NOT_FOUND', { tenant: tenantId });
    }
    const open = listOpenMatters(tenant.value);
    const matching = department === undefined ? open : open.filter((matter) => matter.departmentId === department);
    const items = matching.slice(offset, offset + limit);
    const end = offset + items.length;
    c.header('Cache-Control', 'private, max-age=300');
    return c.json(
      {
        tenant: tenant.value.id,
        partners: [...tenant.value.crossRegion.partners],
        minOnlineDepth: tenant.value.crossRegion.minOnlineDepth,
        listedCodes: [...tenant.value.crossRegion.matterCodes],
        total: matching.length,
        offset,
        nextOffset: end < matching.length ? end : null,
        items,
      } satisfies CrossRegionMattersReply,
      200,
    );
  });
};
