import { z } from '@hono/zod-openapi';
import { findDepartment, findMatter, searchMatters } from '../../core/index.ts';
import type { App } from '../app.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { defineRoute } from '../define-route.ts';
import { replyError } from '../http-errors.ts';
import { presentMatterGuide } from '../replies/matter-guide.ts';
import { presentSearchReply } from '../replies/search-result.ts';
import { matterGuideSchema, searchReplySchema } from '../schemas/catalog.ts';

/** Longer text is not a matter name or a phrase anyone types; bounding it bounds the search's work. */
const MAX_QUERY_LENGTH = 100;

/** The search's own cap on hits: the most `limit` allows, and how far `total` counts. */
const MAX_RESULTS = 50;

const searchMattersRoute = defineRoute({
  method: 'get',
  path: '/v1/matters',
  access: 'public',
  catalogCache: true,
  tags: ['catalog'],
  summary: '查找事项 Search matters',
  description:
    '按名称、拼音、拼音首字母、同音字或俗称（如“开饭店”）查找事项，按相关度排序。' +
    ' Search by Chinese text, full pinyin, initials (`sfz`), same-sound characters or colloquial phrases.' +
    ' `q` must be non-empty after trimming (`EMPTY_QUERY`); an unknown `department` is `DEPARTMENT_NOT_FOUND` (404),' +
    ' so a typo in a filter is never mistaken for "no matches". `total` counts the matches (up to 50) before `limit`.',
  errors: ['EMPTY_QUERY', 'DEPARTMENT_NOT_FOUND'],
  request: {
    query: z.object({
      q: z
        .string()
        .max(MAX_QUERY_LENGTH)
        .openapi({ description: '查找内容 search text', example: '食品经营' }),
      department: z
        .string()
        .max(64)
        .optional()
        .openapi({ description: '部门 id，只在该部门内查找 (see GET /v1/departments); empty means all', example: 'scjg' }),
      limit: z.coerce
        .number()
        .int()
        .min(1)
        .max(MAX_RESULTS)
        .default(10)
        .openapi({ description: '返回条数 1-50, default 10', example: 10 }),
    }),
  },
  responses: {
    200: {
      description: '匹配的事项 Matching matters, best first',
      content: { 'application/json': { schema: searchReplySchema } },
    },
  },
});

const getMatterRoute = defineRoute({
  method: 'get',
  path: '/v1/matters/{code}',
  access: 'public',
  catalogCache: true,
  tags: ['catalog'],
  summary: '办事指南 A matter’s full guide',
  description:
    '按实施编码或基本编码取事项的完整办事指南；基本编码对应多个事项时取目录中的第一个，其余列于 `variants`。' +
    ' By 实施编码 or 基本编码 (a basic code shared by several matters gives the first; the rest are in `variants`).',
  errors: ['MATTER_NOT_FOUND'],
  request: {
    params: z.object({
      code: z.string().min(1).max(128).openapi({ description: '实施编码 or 基本编码' }),
    }),
  },
  responses: {
    200: { description: '办事指南 The guide', content: { 'application/json': { schema: matterGuideSchema } } },
  },
});

export const registerMatterRoutes = (app: App) => {
  app.openapi(searchMattersRoute, (c) => {
    const { q, department, limit } = c.req.valid('query');
    const query = q.trim();
    if (query === '') return replyError(c, 'EMPTY_QUERY');
    const store = getCatalogStore();
    const departmentId = department?.trim() || undefined;
    if (departmentId !== undefined) {
      const found = findDepartment(store.index, departmentId);
      if (!found.ok) return replyError(c, found.error);
    }
    // Rank up to the cap, so `total` can say "10 of 37" while `results` holds `limit`.
    const hits = searchMatters(store.search, query, { departmentId, limit: MAX_RESULTS });
    return c.json(presentSearchReply(store, query, hits, limit), 200);
  });

  app.openapi(getMatterRoute, (c) => {
    const store = getCatalogStore();
    const found = findMatter(store.index, c.req.valid('param').code);
    if (!found.ok) return replyError(c, found.error);
    return c.json(presentMatterGuide(store, found.value), 200);
  });
};
