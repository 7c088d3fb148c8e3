import { z } from '@hono/zod-openapi';
import { findBundle } from '../../core/index.ts';
import type { App } from '../app.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { defineRoute } from '../define-route.ts';
import { replyError } from '../http-errors.ts';
import { presentBundle } from '../replies/bundle-detail.ts';
import { presentBundleList } from '../replies/catalog-lists.ts';
import { bundleDetailSchema, bundleListSchema } from '../schemas/catalog.ts';

const listBundlesRoute = defineRoute({
  method: 'get',
  path: '/v1/bundles',
  access: 'public',
  catalogCache: true,
  tags: ['catalog'],
  summary: '“一件事”列表 Bundles',
  description: '大厅作为一次申请办理的“一件事”。Matters the hall runs as one application.',
  responses: {
    200: { description: '“一件事” Bundles', content: { 'application/json': { schema: bundleListSchema } } },
  },
});

const getBundleRoute = defineRoute({
  method: 'get',
  path: '/v1/bundles/{id}',
  access: 'public',
  catalogCache: true,
  tags: ['catalog'],
  summary: '“一件事”详情 A bundle',
  description:
    '成员事项（含编码、名称、部门）、前后置关系与联合踏勘。Members resolved to matters, dependencies, joint inspections.',
  errors: ['BUNDLE_NOT_FOUND'],
  request: {
    params: z.object({ id: z.string().min(1).max(64).openapi({ example: 'open-restaurant' }) }),
  },
  responses: {
    200: { description: '“一件事” The bundle', content: { 'application/json': { schema: bundleDetailSchema } } },
  },
});

export const registerBundleRoutes = (app: App) => {
  app.openapi(listBundlesRoute, (c) => {
    return c.json(presentBundleList(getCatalogStore()), 200);
  });

  app.openapi(getBundleRoute, (c) => {
    const store = getCatalogStore();
    const found = findBundle(store.index, c.req.valid('param').id);
    if (!found.ok) return replyError(c, found.error);
    return c.json(presentBundle(store, found.value), 200);
  });
};
