import type { Access } from '../access.ts';

/** A tenant's webhook and deliveries: its administrators (staff role admin, or a key with the admin scope). */
export const WEBHOOK_ADMIN_ACCESS: Access = { roles: ['admin'], scopes: ['admin'] };

/** Appended to the description of every webhook route. */
export const WEBHOOK_ADMIN_NOTE =
  ' 租户管理员（admin 角色或 admin 权限的密钥），仅限本租户；其他租户答 404 TENANT_NOT_FOUND。' +
  ' Administrators of the tenant only (staff role admin, or a key with the admin scope); another tenant answers 404' +
  ' TENANT_NOT_FOUND.';

/**
 * How a receiver checks a message (Standard Webhooks, https://www.standardwebhooks.com), for the descriptions.
 */
export const WEBHOOK_SIGNING_NOTE =
  ' Each message is a POST of JSON `{ type: "case.status_changed", timestamp, data: { caseNumber, status, previousStatus,' +
  ' ownerTenant, submittedByTenant, at } }` with headers `webhook-id` (stable across retries: deduplicate on it),' +
  ' `webhook-timestamp` (unix seconds of the attempt) and `webhook-signature` = `v1,` + base64 HMAC-SHA256 of' +
  ' `${webhook-id}.${webhook-timestamp}.${body}` keyed with the base64-decoded part of the `whsec_` secret (any Standard' +
  ' Webhooks library verifies it). Any 2xx within 10 s is delivered; otherwise it is retried after 30 s, 2 min, 10 min,' +
  ' 30 min, 2 h, 6 h, 12 h, 24 h and 24 h (10 attempts), then `failed`. A case’s messages arrive in order.';
