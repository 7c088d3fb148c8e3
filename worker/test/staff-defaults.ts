import { env } from 'cloudflare:workers';
import { getCatalogStore } from '../catalog-store.ts';
import { findHallTenant } from '../tenants/tenant-registry.ts';
import { staffHeaders, type StaffOptions } from './credentials.ts';

/**
 * The credential a test request carries when it names none: the staff member whose job the route is (the front
 * desk takes in a case, the department's back office claims and decides its tasks, the issuing window hands out
 * results, the hall manager reads the report and the audit …), of the tenant that owns the resource. Tests of the
 * domain rules then read as before, and every request still goes through authentication and the tenant checks;
 * the access rules themselves are tested with explicit credentials (tenancy-*.test.ts). A request that already
 * has an `Authorization` header is sent as is; public routes get none.
 */

type Body = Record<string, unknown> | undefined;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value.trim() || undefined : undefined);

const tenantOfHall = (hall: string): string => {
  const tenant = findHallTenant(hall);
  return tenant.ok ? tenant.value.id : 'xiaoshan';
};

const tenantOfCase = async (number: string): Promise<string> => {
  const row = await env.DB.prepare('SELECT tenant_id FROM cases WHERE number = ?1').bind(number).first<{ tenant_id: string }>();
  return row?.tenant_id ?? 'xiaoshan';
};

/** A task's department and owner: its reviewer must be of both. Unknown task: the default department. */
const taskOwner = async (taskId: string): Promise<{ tenant: string; department: string }> => {
  const row = await env.DB.prepare('SELECT t.department_id AS d, c.tenant_id AS t FROM tasks t JOIN cases c ON c.number = t.case_number WHERE t.id = ?1')
    .bind(taskId)
    .first<{ d: string; t: string }>();
  return { tenant: row?.t ?? 'xiaoshan', department: row?.d ?? 'scjg' };
};

/** A rectification's rated department (none for a ticket without a matter: the hall manager acts then). */
const rectificationOwner = async (evaluationId: string): Promise<{ tenant: string; department: string | null }> => {
  const row = await env.DB.prepare('SELECT r.department_id AS d, e.tenant_id AS t FROM rectifications r JOIN evaluations e ON e.id = r.evaluation_id WHERE r.evaluation_id = ?1')
    .bind(evaluationId)
    .first<{ d: string | null; t: string }>();
  return { tenant: row?.t ?? 'xiaoshan', department: row?.d ?? null };
};

/** The department of a certificate's matter: its back office revokes, cancels and reissues it. */
const certificateDepartment = async (identifier: string): Promise<string | undefined> => {
  const row = await env.DB.prepare('SELECT matter_code AS m FROM certificates WHERE identifier = ?1').bind(identifier).first<{ m: string }>();
  const matter = row === null ? undefined : getCatalogStore().index.byCode.get(row.m);
  return matter?.departmentId;
};

const actingAs = (id: string | undefined) => (id === undefined ? {} : { id });

/** Who calls `method path` by default; null for a public route. */
export const defaultStaffFor = async (method: string, path: string, body: Body): Promise<StaffOptions | null> => {
  const segments = path.split('?')[0]!.split('/').slice(1).map(decodeURIComponent);
  const [v1, area, id, action, sub, subAction] = segments;
  if (v1 !== 'v1') return null;
  const post = method === 'POST';
  if (area === 'cases' && id === undefined && post) return { role: 'front-desk', tenant: tenantOfHall(text(body?.hall) ?? 'xiaoshan') };
  if (area === 'cases' && id !== undefined) {
    const tenant = await tenantOfCase(id);
    if (action === undefined || action === 'corrections') return { role: 'front-desk', tenant };
    if (action === 'audit') return { role: 'hall-manager', tenant };
    if (action === 'pickup' || action === 'mail' || action === 'delivered' || action === 'certificates') {
      return { role: 'issuing-window', tenant, ...actingAs(text(body?.officer)) };
    }
    return null;
  }
  if (area === 'applicants') return { role: 'front-desk' };
  if (area === 'departments' && action === 'tasks') return { role: 'back-office', department: id! };
  if (area === 'tasks' && id !== undefined) return { role: 'back-office', ...(await taskOwner(id)), ...actingAs(text(body?.reviewer)) };
  if (area === 'certificates' && (action === 'revoke' || action === 'cancel' || action === 'reissue')) {
    const department = await certificateDepartment(id!);
    return { role: 'back-office', ...(department === undefined ? {} : { department }), ...actingAs(text(body?.officer)) };
  }
  if (area === 'halls' && id !== undefined) {
    const tenant = tenantOfHall(id);
    if (action === 'windows') return { role: 'front-desk', tenant };
    if (action === 'report') return { role: 'hall-manager', tenant };
    if (action === 'tickets' && sub !== undefined && subAction !== undefined && subAction !== 'evaluation') return { role: 'front-desk', tenant };
    return null;
  }
  if (area === 'evaluations' || (area === 'rectifications' && id === undefined)) return { role: 'hall-manager' };
  if (area === 'rectifications' && action !== undefined && action !== 'follow-up') {
    const owner = await rectificationOwner(id!);
    const by = actingAs(text(body?.by));
    if (action === 'appeal-decision' || owner.department === null) return { role: 'hall-manager', tenant: owner.tenant, ...by };
    return { role: 'back-office', tenant: owner.tenant, department: owner.department, ...by };
  }
  return null;
};

const headerCache = new Map<string, Promise<Record<string, string>>>();

/** Tokens are minted once per staff member per test file (they live 30 minutes; a file runs in seconds). */
const cachedHeaders = (staff: StaffOptions) => {
  const key = JSON.stringify(staff);
  let headers = headerCache.get(key);
  if (!headers) headerCache.set(key, (headers = staffHeaders(staff)));
  return headers;
};

/** The request with its route's default staff credential added, unless it carries one or the route is public. */
export const withDefaultCredentials = async (request: Request): Promise<Request> => {
  if (request.headers.has('authorization')) return request;
  let body: Body;
  if (request.method === 'POST') {
    try {
      body = (await request.clone().json()) as Body;
    } catch {
      body = undefined;
    }
  }
  const url = new URL(request.url);
  const staff = await defaultStaffFor(request.method, url.pathname + url.search, body);
  if (staff === null) return request;
  const headers = new Headers(request.headers);
  for (const [name, value] of Object.entries(await cachedHeaders(staff))) headers.set(name, value);
  return new Request(request, { headers });
};
