import { ROLES, SCOPES, type Access } from '../../core/index.ts';

/**
 * Who may call each route, as issue 6 agreed it (/tmp/issue6/CONTRACT.md "Route access"): the reviewed list the
 * served document is held to, so a route cannot widen (or lose) its access without this table changing in the
 * same commit. Keys are `METHOD /path` as the document spells them.
 */

const STAFF_WHO_SEE_CASES = ['front-desk', 'back-office', 'issuing-window', 'hall-manager'] as const;
const RUN_HALL: Access = { roles: ['front-desk', 'hall-manager'], scopes: ['hall:run'] };
const RECTIFY: Access = { roles: ['back-office', 'hall-manager'], scopes: [] };
const ADMIN: Access = { roles: ['admin'], scopes: ['admin'] };
const ANYONE_SIGNED_IN: Access = { roles: [...ROLES], scopes: [...SCOPES] };

const PUBLIC_ROUTES = [
  'GET /v1/matters',
  'GET /v1/matters/{code}',
  'GET /v1/departments',
  'GET /v1/bundles',
  'GET /v1/bundles/{id}',
  'GET /v1/health',
  'GET /v1/openapi.json',
  'GET /docs',
  'GET /v1/certificates/public-key',
  'GET /v1/certificates/verify-qr',
  'POST /v1/certificates/verify-qr',
  'GET /v1/certificates/{identifier}/verify',
  'GET /v1/certificates/{identifier}',
  'GET /v1/certificates/{identifier}/pdf',
  'GET /v1/track/{number}',
  'POST /v1/cases/{number}/evaluation',
  'POST /v1/halls/{hall}/tickets/{id}/evaluation',
  'POST /v1/rectifications/{evaluationId}/follow-up',
  'POST /v1/halls/{hall}/tickets',
  'GET /v1/halls/{hall}/tickets/{id}',
  'GET /v1/halls/{hall}/queue',
  'GET /v1/halls/{hall}/stats',
  'GET /v1/halls/{hall}/live',
  'POST /v1/auth/token',
];

export const CONTRACT_ACCESS: Readonly<Record<string, Access>> = {
  ...Object.fromEntries(PUBLIC_ROUTES.map((route) => [route, 'public' as const])),
  'POST /v1/cases': { roles: ['front-desk'], scopes: ['cases:submit'] },
  'GET /v1/cases/{number}': { roles: [...STAFF_WHO_SEE_CASES], scopes: ['cases:submit'] },
  'POST /v1/cases/{number}/corrections': { roles: ['front-desk'], scopes: ['cases:submit'] },
  'GET /v1/cases/{number}/audit': { roles: ['hall-manager', 'admin'], scopes: [] },
  'GET /v1/applicants/{id}/materials': { roles: ['front-desk'], scopes: ['cases:submit'] },
  'GET /v1/departments/{id}/tasks': { roles: ['back-office', 'hall-manager'], scopes: [] },
  'POST /v1/tasks/{id}/claim': { roles: ['back-office'], scopes: [] },
  'POST /v1/tasks/{id}/decision': { roles: ['back-office'], scopes: [] },
  'POST /v1/cases/{number}/pickup': { roles: ['issuing-window'], scopes: [] },
  'POST /v1/cases/{number}/mail': { roles: ['issuing-window'], scopes: [] },
  'POST /v1/cases/{number}/delivered': { roles: ['issuing-window'], scopes: [] },
  // The contract lists a GET here; the app has only the POST (issue the certificates a decision left pending).
  'POST /v1/cases/{number}/certificates': { roles: ['back-office', 'issuing-window'], scopes: [] },
  'POST /v1/certificates/{identifier}/revoke': { roles: ['back-office'], scopes: [] },
  'POST /v1/certificates/{identifier}/cancel': { roles: ['back-office'], scopes: [] },
  'POST /v1/certificates/{identifier}/reissue': { roles: ['issuing-window', 'back-office'], scopes: [] },
  ...Object.fromEntries(
    [
      ...['call', 'open', 'pause', 'resume', 'close'].map((action) => `POST /v1/halls/{hall}/windows/{window}/${action}`),
      ...['recall', 'start', 'complete', 'no-show', 'transfer', 'cancel'].map((action) => `POST /v1/halls/{hall}/tickets/{id}/${action}`),
    ].map((route) => [route, RUN_HALL]),
  ),
  'GET /v1/halls/{hall}/report': { roles: ['hall-manager'], scopes: ['hall:run'] },
  'GET /v1/evaluations/{id}': RECTIFY,
  'GET /v1/rectifications': RECTIFY,
  'POST /v1/rectifications/{evaluationId}/contact': RECTIFY,
  'POST /v1/rectifications/{evaluationId}/reply': RECTIFY,
  'POST /v1/rectifications/{evaluationId}/close': RECTIFY,
  'POST /v1/rectifications/{evaluationId}/appeal': RECTIFY,
  'POST /v1/rectifications/{evaluationId}/appeal-decision': { roles: ['hall-manager'], scopes: [] },
  'GET /v1/auth/me': ANYONE_SIGNED_IN,
  'GET /v1/tenants/{tenant}': ANYONE_SIGNED_IN,
  'GET /v1/tenants/{tenant}/cross-region-matters': { roles: [...ROLES], scopes: ['catalog:read', 'cases:submit'] },
  'GET /v1/tenants/{tenant}/keys': ADMIN,
  'POST /v1/tenants/{tenant}/keys': ADMIN,
  'DELETE /v1/tenants/{tenant}/keys/{id}': ADMIN,
  'GET /v1/tenants/{tenant}/staff': ADMIN,
  'POST /v1/tenants/{tenant}/staff': ADMIN,
  'GET /v1/tenants/{tenant}/webhook': ADMIN,
  'PUT /v1/tenants/{tenant}/webhook': ADMIN,
  'DELETE /v1/tenants/{tenant}/webhook': ADMIN,
  'GET /v1/tenants/{tenant}/webhook/deliveries': ADMIN,
  // Not in the contract's list; the webhook helper added it with the other webhook routes' access.
  'POST /v1/tenants/{tenant}/webhook/deliveries/{id}/retry': ADMIN,
};

/** Access in one spelling: roles and scopes sorted, so order in a declaration does not count. */
export const normaliseAccess = (access: unknown): string => {
  if (access === 'public' || typeof access !== 'object' || access === null) return JSON.stringify(access);
  const { roles = [], scopes = [] } = access as { roles?: string[]; scopes?: string[] };
  return JSON.stringify({ roles: [...roles].sort(), scopes: [...scopes].sort() });
};
