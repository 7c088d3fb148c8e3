import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Role, Scope } from '../../core/index.ts';

// ---------------------------------------------------------------------------------------------------------------
// Access and partners (issue 6): API keys (stored hashed), staff accounts (passwords as PBKDF2 hashes), each
// tenant's webhook endpoint, and the webhook outbox. Tenants themselves and their halls are deployment
// configuration (worker/tenants/tenant-registry.ts), like the halls' windows. Times are epoch milliseconds.
// ---------------------------------------------------------------------------------------------------------------

/**
 * 接口密钥 of a partner system. The key text is `ow_<id>_<secret>`; only SHA-256(secret) is stored, so a leaked
 * table cannot be replayed. Revocation sets `revoked_at` (and tells the key's KeyGate at once).
 */
export const apiKeys = sqliteTable(
  'api_keys',
  {
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    label: text('label').notNull(),
    /** Lowercase hex SHA-256 of the secret part of the key text. */
    secretHash: text('secret_hash').notNull(),
    scopes: text('scopes', { mode: 'json' }).$type<Scope[]>().notNull(),
    /** Requests per minute this key may make (token bucket, burst = the same number). */
    rateLimitPerMinute: integer('rate_limit_per_minute').notNull(),
    createdAt: integer('created_at').notNull(),
    /** The staff account or key that created it. */
    createdBy: text('created_by').notNull(),
    revokedAt: integer('revoked_at'),
  },
  (table) => [index('api_keys_tenant').on(table.tenantId)],
);

/** 工作人员账号: signs in with id + password, gets a short-lived signed token with its roles. */
export const staffAccounts = sqliteTable(
  'staff_accounts',
  {
    /** The user name, unique across tenants; also the acting staff id on records (`scjg-wang`). */
    id: text('id').primaryKey(),
    tenantId: text('tenant_id').notNull(),
    displayName: text('display_name').notNull(),
    roles: text('roles', { mode: 'json' }).$type<Role[]>().notNull(),
    /** A back-office member's department (catalog department id). */
    departmentId: text('department_id'),
    /** `pbkdf2-sha256$<iterations>$<salt b64>$<hash b64>`. */
    passwordHash: text('password_hash').notNull(),
    createdAt: integer('created_at').notNull(),
    disabledAt: integer('disabled_at'),
  },
  (table) => [index('staff_accounts_tenant').on(table.tenantId)],
);

/** A tenant's webhook: where its status changes are pushed, and the shared secret that signs them. */
export const webhookEndpoints = sqliteTable('webhook_endpoints', {
  tenantId: text('tenant_id').primaryKey(),
  url: text('url').notNull(),
  /** The HMAC-SHA256 signing secret (Standard Webhooks `whsec_` form); returned once, when set. */
  secret: text('secret').notNull(),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/**
 * 推送发件箱: one row per message, written in the same D1 batch as the change it reports (never lost). `id` is
 * deterministic from the event (case number, event seq, recipient), and `body` is fixed at write time, so a
 * retry resends the very same bytes under the same id (never twice with different content).
 */
export const webhookOutbox = sqliteTable(
  'webhook_outbox',
  {
    id: text('id').primaryKey(),
    /** The recipient tenant. */
    tenantId: text('tenant_id').notNull(),
    eventType: text('event_type').notNull(),
    caseNumber: text('case_number'),
    body: text('body').notNull(),
    status: text('status', { enum: ['pending', 'delivered', 'failed'] }).notNull(),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: integer('next_attempt_at').notNull(),
    lastAttemptAt: integer('last_attempt_at'),
    /** The last failure: HTTP status or network error text. */
    lastError: text('last_error'),
    deliveredAt: integer('delivered_at'),
    createdAt: integer('created_at').notNull(),
  },
  (table) => [
    index('webhook_outbox_due').on(table.status, table.nextAttemptAt),
    index('webhook_outbox_tenant').on(table.tenantId, table.createdAt),
  ],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
export type StaffAccountRow = typeof staffAccounts.$inferSelect;
export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookOutboxRow = typeof webhookOutbox.$inferSelect;
