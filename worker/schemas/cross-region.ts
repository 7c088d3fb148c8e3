import { z } from '@hono/zod-openapi';

/** Request and reply schemas of GET /v1/tenants/{tenant}/cross-region-matters (跨区域通办). */

export const tenantParamsSchema = z.object({
  tenant: z.string().min(1).max(64).openapi({ description: '租户 id (a municipality)', example: 'xiaoshan' }),
});

/** The most one page may hold; the list is a few hundred matters, so two or three pages at most. */
export const MAX_PAGE = 200;

export const crossRegionQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE).default(50).openapi({ description: '每页条数 1-200, default 50', example: 50 }),
  offset: z.coerce.number().int().min(0).max(100_000).default(0).openapi({ description: 'Items to skip (the previous reply’s `nextOffset`)', example: 0 }),
  department: z.string().min(1).max(64).optional().openapi({ description: '部门 id: only this department’s matters', example: 'scjg' }),
});

const crossRegionMatterSchema = z
  .object({
    code: z.string().openapi({ description: '实施编码: give it as `matterCode` with `ownerTenant` to POST /v1/cases', example: '511A0005200004-330109000000-000-11330109MB20201373-1-00' }),
    basicCode: z.string().openapi({ description: '基本编码', example: '511A0005200004' }),
    name: z.string().openapi({ example: '食品经营许可（新办）' }),
    departmentId: z.string().openapi({ description: '实施主体 (the owner’s department that handles it)', example: 'scjg' }),
    onlineDepth: z.enum(['I', 'II', 'III', 'IV']).openapi({ description: '网上办理深度', example: 'IV' }),
    reason: z.enum(['online-depth', 'listed']).openapi({ description: 'Why it is open: deep enough online, or listed by the owner' }),
  })
  .openapi('CrossRegionMatter');

export const crossRegionMattersSchema = z
  .object({
    tenant: z.string().openapi({ description: 'The owner tenant', example: 'xiaoshan' }),
    partners: z.array(z.string()).openapi({ description: 'Tenants whose front desks and systems may submit these', example: ['binjiang'] }),
    minOnlineDepth: z.enum(['I', 'II', 'III', 'IV']).openapi({ description: 'Matters at least this deep online are open', example: 'III' }),
    listedCodes: z.array(z.string()).openapi({ description: 'Matters open whatever their depth (实施编码 or 基本编码)', example: [] }),
    total: z.number().int().openapi({ description: 'Matching matters in all', example: 879 }),
    offset: z.number().int().openapi({ example: 0 }),
    nextOffset: z.number().int().nullable().openapi({ description: 'The next page’s offset; null on the last page', example: 50 }),
    items: z.array(crossRegionMatterSchema),
  })
  .openapi('CrossRegionMatters');

export type CrossRegionMattersReply = z.infer<typeof crossRegionMattersSchema>;
export type CrossRegionMatterReply = z.infer<typeof crossRegionMatterSchema>;
