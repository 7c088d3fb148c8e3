import type { App } from '../app.ts';
import { caseClock } from '../cases/case-clock.ts';
import { loadCertificateSigner } from '../certificates/signing-key.ts';
import { claimCaseTask } from '../cases/claim-task.ts';
import { decideCaseTask } from '../cases/decide-task.ts';
import { listDepartmentTasks } from '../cases/list-department-tasks.ts';
import { openDatabase } from '../db/client.ts';
import { defineRoute } from '../define-route.ts';
import { replyError } from '../http-errors.ts';
import {
  claimBodySchema,
  decisionBodySchema,
  departmentTasksParamsSchema,
  departmentTasksQuerySchema,
  taskParamsSchema,
} from '../schemas/case.ts';
import { CLAIMED_TASK_EXAMPLE, DECISION_EXAMPLE, INBOX_EXAMPLE } from '../schemas/case-examples.ts';
import { decisionReplySchema, inboxSchema, taskSchema } from '../schemas/case-replies.ts';
import { actingStaffId, actorOf, checkDepartment, scopeOf } from '../tenant-guard.ts';
import { ACTING_STAFF_NOTE, INBOX_ACCESS, REVIEW_ACCESS, TENANT_NOTE } from './route-access.ts';
import { PENDING_DUE_NOTE } from './pending-due-note.ts';

const inboxRoute = defineRoute({
  method: 'get',
  path: '/v1/departments/{id}/tasks',
  access: INBOX_ACCESS,
  tags: ['cases'],
  summary: '即收即审 A department’s inbox',
  description:
    '部门后台待办：已分送、未办结的审批任务，按到期日排序，并给出临期/今日到期/超期预警与剩余工作日。' +
    ' Released, undecided tasks of the department, soonest due first, each with its deadline level (on-track, near' +
    ' within 2 working days, due-today, overdue) and working days left. Tasks whose due date is pending next' +
    ' year’s official holiday schedule (到期日待定，待次年节假日安排公布) come after every task with a known date, at level' +
    ' `awaiting-calendar` with `workingDaysLeft` null and `duePending` explaining; once the schedule is added their' +
    ' dates are filled in and they sort among the others. Tasks waiting for an earlier matter of a bundle are not' +
    ' here yet. The caller’s tenant’s cases only; a back-office member reads their own department’s inbox (another' +
    ' department: 403 FORBIDDEN).' +
    TENANT_NOTE,
  errors: ['DEPARTMENT_NOT_FOUND'],
  request: { params: departmentTasksParamsSchema, query: departmentTasksQuerySchema },
  responses: {
    200: { description: '待办 The inbox', content: { 'application/json': { schema: inboxSchema, example: INBOX_EXAMPLE } } },
  },
});

const claimRoute = defineRoute({
  method: 'post',
  path: '/v1/tasks/{id}/claim',
  access: REVIEW_ACCESS,
  tags: ['cases'],
  summary: '领取 Claim a task',
  description:
    '审批人领取任务；两人同时领取只有一人成功。 Atomic: of two reviewers claiming at once exactly one holds the task; the other' +
    ' gets TASK_ALREADY_CLAIMED with the holder. The holder claiming again gets the task unchanged. A task of another' +
    ' tenant’s case is 404 TASK_NOT_FOUND; of another department of the caller’s tenant, 403 FORBIDDEN.' +
    ACTING_STAFF_NOTE,
  errors: ['TASK_NOT_FOUND', 'TASK_ALREADY_CLAIMED', 'TASK_NOT_RELEASED', 'TASK_ALREADY_DECIDED'],
  request: {
    params: taskParamsSchema,
    body: { required: true, content: { 'application/json': { schema: claimBodySchema } } },
  },
  responses: {
    200: { description: '已领取 The task, held', content: { 'application/json': { schema: taskSchema, example: CLAIMED_TASK_EXAMPLE } } },
  },
});

const decisionRoute = defineRoute({
  method: 'post',
  path: '/v1/tasks/{id}/decision',
  access: REVIEW_ACCESS,
  tags: ['cases'],
  summary: '审批决定 Decide a task',
  description:
    '准予、不予（附理由）、退回补正（列明材料，计时中止，补正齐全后重新计时）、暂停计时（行政许可法第45条）与恢复计时。' +
    ' By the reviewer holding the task. approve: dependents whose predecessors are all approved go out (their clocks' +
    ' start today); a certificate result (审批结果类型 10, e.g. 营业执照) is issued as a signed electronic certificate in' +
    ' the same write (`certificate`; optional `certificate.validTo` / `certificate.fields` in the body) and, when other' +
    ' matters ask for it, joins the applicant’s library so later cases do not ask for it (多报合一). Without a signing' +
    ' key the approval still stands and `certificatePending` says why (POST /v1/cases/{number}/certificates issues it' +
    ' later). reject: every task behind it is withdrawn. request-correction:' +
    ' the clock stops and a notice lists the materials; suspend / resume move the due date. When every task is final' +
    ' the case completes and its results are ready at the issuing window (统一出证: delivery `ready`).' +
    ' Tenant and department as for the claim.' +
    PENDING_DUE_NOTE +
    ACTING_STAFF_NOTE,
  errors: ['TASK_NOT_FOUND', 'TASK_NOT_HELD', 'TASK_NOT_RELEASED', 'TASK_ALREADY_DECIDED', 'CLOCK_STATE_CONFLICT', 'CALENDAR_YEAR_UNKNOWN'],
  request: {
    params: taskParamsSchema,
    body: { required: true, content: { 'application/json': { schema: decisionBodySchema } } },
  },
  responses: {
    200: {
      description: '决定结果 The task, the case, and what the decision released or withdrew',
      content: { 'application/json': { schema: decisionReplySchema, example: DECISION_EXAMPLE } },
    },
  },
});

export const registerTaskRoutes = (app: App) => {
  app.openapi(inboxRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { status, limit } = c.req.valid('query');
    const actor = actorOf(c);
    const department = checkDepartment(scopeOf(actor), id);
    if (!department.ok) return replyError(c, department.error);
    const inbox = await listDepartmentTasks(openDatabase(c.env.DB), id, status, limit, actor.tenant, caseClock.now());
    if (!inbox.ok) return replyError(c, inbox.error);
    c.header('Cache-Control', 'no-store');
    return c.json(inbox.value, 200);
  });

  app.openapi(claimRoute, async (c) => {
    const now = caseClock.now();
    const { id } = c.req.valid('param');
    const actor = actorOf(c);
    const reviewer = actingStaffId(actor, c.req.valid('json').reviewer);
    if (!reviewer.ok) return replyError(c, reviewer.error);
    const claimed = await claimCaseTask(openDatabase(c.env.DB), id, reviewer.value, scopeOf(actor), now);
    if (!claimed.ok) return replyError(c, claimed.error);
    return c.json(claimed.value, 200);
  });

  app.openapi(decisionRoute, async (c) => {
    const now = caseClock.now();
    const { id } = c.req.valid('param');
    const actor = actorOf(c);
    const body = c.req.valid('json');
    const reviewer = actingStaffId(actor, body.reviewer);
    if (!reviewer.ok) return replyError(c, reviewer.error);
    const signer = await loadCertificateSigner(c.env);
    const decided = await decideCaseTask(openDatabase(c.env.DB), id, { ...body, reviewer: reviewer.value }, scopeOf(actor), now, signer);
    if (!decided.ok) return replyError(c, decided.error);
    return c.json(decided.value, 200);
  });
};
