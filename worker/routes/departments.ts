import type { App } from '../app.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { defineRoute } from '../define-route.ts';
import { presentDepartmentList } from '../replies/catalog-lists.ts';
import { departmentListSchema } from '../schemas/catalog.ts';

const listDepartmentsRoute = defineRoute({
  method: 'get',
  path: '/v1/departments',
  access: 'public',
  catalogCache: true,
  tags: ['catalog'],
  summary: '部门列表 Departments',
  description: '进驻大厅的部门及各自的事项数，按目录顺序。The hall’s departments with their matter counts, in catalog order.',
  responses: {
    200: { description: '部门 Departments', content: { 'application/json': { schema: departmentListSchema } } },
  },
});

export const registerDepartmentRoutes = (app: App) => {
  app.openapi(listDepartmentsRoute, (c) => {
    return c.json(presentDepartmentList(getCatalogStore()), 200);
  });
};
