import type { App } from '../app.ts';
import { caseClock } from '../cases/case-clock.ts';
import { listApplicantMaterials } from '../cases/list-applicant-materials.ts';
import { openDatabase } from '../db/client.ts';
import { defineRoute } from '../define-route.ts';
import { replyError } from '../http-errors.ts';
import { applicantParamsSchema } from '../schemas/case.ts';
import { LIBRARY_EXAMPLE } from '../schemas/case-examples.ts';
import { applicantLibrarySchema } from '../schemas/case-track-replies.ts';
import { actorOf } from '../tenant-guard.ts';
import { APPLICANT_LIBRARY_ACCESS, TENANT_NOTE } from './route-access.ts';

const libraryRoute = defineRoute({
  method: 'get',
  path: '/v1/applicants/{id}/materials',
  access: APPLICANT_LIBRARY_ACCESS,
  tags: ['cases'],
  summary: '申请人材料库 An applicant’s library',
  description:
    '申请人已提交或已获发的政府核发材料与证照，后续办件可直接复用，不再重复提交（多报合一）。 Documents and certificates the' +
    ' applicant need not hand in again: a case’s checklist takes a government-issued material (来源渠道 20) from here' +
    ' while it is valid, and a submission may reference an item by `libraryItemId`.' +
    TENANT_NOTE,
  errors: ['APPLICANT_NOT_FOUND'],
  request: { params: applicantParamsSchema },
  responses: {
    200: { description: '材料库 The library', content: { 'application/json': { schema: applicantLibrarySchema, example: LIBRARY_EXAMPLE } } },
  },
});

export const registerApplicantRoutes = (app: App) => {
  app.openapi(libraryRoute, async (c) => {
    const { id } = c.req.valid('param');
    const library = await listApplicantMaterials(openDatabase(c.env.DB), id, actorOf(c).tenant, caseClock.now());
    if (!library.ok) return replyError(c, library.error);
    c.header('Cache-Control', 'no-store');
    return c.json(library.value, 200);
  });
};
