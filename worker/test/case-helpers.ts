import { applyD1Migrations, createExecutionContext, reset } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import {
  buildChecklist,
  computeCreditCodeCheck,
  computeResidentIdCheck,
  findBundle,
  selectBundleMatters,
  type LibraryItem,
  type Matter,
} from '../../core/index.ts';
import { app } from '../app.ts';
import { caseClock } from '../cases/case-clock.ts';
import { getCatalogStore } from '../catalog-store.ts';
import { withDefaultCredentials } from './staff-defaults.ts';
import type {
  CaseAcceptedReply,
  CaseReply,
  DecisionReply,
  InboxReply,
  TaskReply,
} from '../schemas/case-replies.ts';

/**
 * Helpers for the case tests: real HTTP requests through the worker's Hono app (`app.fetch`, which stays fast
 * under many concurrent calls, see hall-helpers.ts), the real D1 behind it, and the case clock set by the test.
 * A request without credentials carries its route's default staff member's (staff-defaults.ts).
 */

export const call = async (path: string, init?: RequestInit) =>
  app.fetch(await withDefaultCredentials(new Request(`http://hall.test${path}`, init)), env, createExecutionContext());

export const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  call(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

/** Empties D1 and migrates it again: every test starts with no case, applicant or counter. */
export const resetCases = async () => {
  await reset();
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
};

/** Sets the case clock to a Beijing local time, e.g. `2026-11-27T10:00`. */
export const setBeijingTime = (local: string) => {
  const at = Date.parse(`${local}:00+08:00`);
  caseClock.now = () => at;
};

/** A valid resident ID number with the given 17-digit body. */
export const residentId = (body = '33010919900307123'): string => body + computeResidentIdCheck(body);
/** A valid unified social credit code with the given 17-character body. */
export const creditCode = (body = '91330109MA2H3K4L5'): string => body + computeCreditCodeCheck(body);

export const PERSON = { kind: 'person' as const, name: '张三丰', idNumber: residentId(), phone: '13812345678' };
export const COMPANY = {
  kind: 'organisation' as const,
  name: '杭州萧然餐饮有限公司',
  creditCode: creditCode(),
  idNumber: residentId('33010919850612456'),
  phone: '13987654321',
};

export const matter = (code: string): Matter => {
  const found = getCatalogStore().index.byCode.get(code);
  if (!found) throw new Error(`no matter ${code}`);
  return found;
};

/** Matters of the catalog by name (exact). */
export const matterNamed = (name: string): Matter => {
  const found = getCatalogStore().index.byName.get(name);
  if (!found) throw new Error(`no matter named ${name}`);
  return found;
};

export interface MaterialBody {
  materialId: string;
  form: 'paper' | 'electronic';
  originals: number;
  copies: number;
  validUntil?: string;
  readable?: boolean;
  reference?: { libraryItemId: string } | { certificateId: string };
}

/**
 * Everything the matters' shared checklist asks for, handed in as it asks (form, originals, copies), except
 * what the library already holds and the ids in `omit`. 容缺后补 and 非必要 items are handed in too unless omitted.
 */
export const materialsFor = (matters: readonly Matter[], omit: readonly string[] = [], library: readonly LibraryItem[] = []): MaterialBody[] =>
  buildChecklist(matters, library, '2026-11-27')
    .items.filter((item) => item.reusedFrom === undefined && !omit.includes(item.material.id))
    .map((item) => ({
      materialId: item.material.id,
      form: item.form === '2' ? 'electronic' : 'paper',
      originals: item.originals,
      copies: item.copies,
    }));

/** The matters a bundle application with these choices applies for. */
export const bundleMatters = (bundleId: string, choices: Record<string, string> = {}, include: string[] = []): Matter[] => {
  const { index } = getCatalogStore();
  const bundle = findBundle(index, bundleId);
  if (!bundle.ok) throw new Error(`no bundle ${bundleId}`);
  const members = selectBundleMatters(bundle.value, index, choices, include);
  if (!members.ok) throw new Error(JSON.stringify(members.error));
  return [...members.value.values()];
};

export interface CaseBody {
  hall?: string;
  channel?: 'window' | 'online';
  applicant: Record<string, unknown>;
  matterCode?: string;
  bundle?: { id: string; choices?: Record<string, string>; include?: string[] };
  materials: MaterialBody[];
}

export const submitCase = (body: CaseBody, key?: string) =>
  postJson('/v1/cases', { hall: 'xiaoshan', channel: 'window', ...body }, key ? { 'Idempotency-Key': key } : {});

/** Submits a case that must be accepted. */
export const acceptCase = async (body: CaseBody, key?: string): Promise<CaseAcceptedReply> => {
  const res = await submitCase(body, key);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as CaseAcceptedReply;
};

export const getCase = async (number: string): Promise<CaseReply> => {
  const res = await call(`/v1/cases/${encodeURIComponent(number)}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as CaseReply;
};

export const inbox = async (departmentId: string, query = ''): Promise<InboxReply> => {
  const res = await call(`/v1/departments/${departmentId}/tasks${query}`);
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as InboxReply;
};

export const claim = async (taskId: string, reviewer: string): Promise<TaskReply> => {
  const res = await postJson(`/v1/tasks/${taskId}/claim`, { reviewer });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as TaskReply;
};

export const decide = async (taskId: string, reviewer: string, decision: Record<string, unknown>): Promise<DecisionReply> => {
  const res = await postJson(`/v1/tasks/${taskId}/decision`, { reviewer, decision });
  expect(res.status, await res.clone().text()).toBe(200);
  return (await res.json()) as DecisionReply;
};

/** Claims and approves a task as one reviewer. */
export const approve = async (taskId: string, reviewer = 'reviewer-1'): Promise<DecisionReply> => {
  await claim(taskId, reviewer);
  return decide(taskId, reviewer, { kind: 'approve' });
};

/** The task of a case by its key. */
export const taskOf = (tasks: readonly TaskReply[], key: string): TaskReply => {
  const task = tasks.find((t) => t.key === key);
  if (!task) throw new Error(`no task ${key} in ${tasks.map((t) => t.key).join(', ')}`);
  return task;
};
