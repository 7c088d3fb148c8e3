import { z } from '@hono/zod-openapi';
import { ROLES, SCOPES } from '../../core/index.ts';

/** Schemas of sign-in and the caller (worker/routes/auth.ts); shared pieces of keys and staff too. */

export const roleSchema = z.enum(ROLES).openapi({
  description:
    '角色: front-desk 综合受理窗口, back-office 部门后台, issuing-window 统一出件窗口, hall-manager 大厅管理, admin 租户管理员',
  example: 'front-desk',
});
export const scopeSchema = z.enum(SCOPES).openapi({
  description: '密钥权限: catalog:read, cases:submit (submit and track cases), hall:run (queue terminals), admin',
  example: 'cases:submit',
});

/** A staff user name: the acting staff id on records, so plain and short. */
export const staffIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'lowercase letters, digits, ".", "_" or "-", 2 to 64 characters')
  .openapi({ description: '工作人员账号 (user name), also the staff id on records', example: 'scjg-wang' });

export const signInBodySchema = z
  .object({
    username: z.string().min(1).max(64).openapi({ description: '账号', example: 'scjg-wang' }),
    password: z.string().min(1).max(256).openapi({ description: '口令', example: 'onewindow-demo-2026' }),
  })
  .openapi('SignInRequest', { example: { username: 'scjg-wang', password: 'onewindow-demo-2026' } });

export const staffSummarySchema = z
  .object({
    id: z.string().openapi({ example: 'scjg-wang' }),
    tenant: z.string().openapi({ example: 'xiaoshan' }),
    roles: z.array(roleSchema),
    department: z.string().nullable().openapi({ description: 'A back-office member’s department (catalog id); null otherwise', example: 'scjg' }),
    name: z.string().openapi({ example: '王审批' }),
  })
  .openapi('StaffSummary');

export const tokenReplySchema = z
  .object({
    token: z.string().openapi({ description: 'Send as `Authorization: Bearer <token>`; HS256 JWT, valid 30 minutes' }),
    tokenType: z.literal('Bearer'),
    expiresAt: z.string().openapi({ description: 'ISO 8601; sign in again after it', example: '2026-11-28T09:30:00.000Z' }),
    staff: staffSummarySchema,
  })
  .openapi('StaffToken', {
    example: {
      token: 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzY2pnLXdhbmciLCJ0ZW4iOiJ4aWFvc2hhbiJ9.c2lnbmF0dXJl',
      tokenType: 'Bearer',
      expiresAt: '2026-11-28T09:30:00.000Z',
      staff: { id: 'scjg-wang', tenant: 'xiaoshan', roles: ['back-office'], department: 'scjg', name: '王审批' },
    },
  });

export const principalSchema = z
  .object({
    kind: z.enum(['staff', 'key']).openapi({ description: 'A signed-in staff member or a partner system’s API key' }),
    id: z.string().openapi({ description: 'Staff id, or the API key id', example: 'scjg-wang' }),
    tenant: z.string().openapi({ example: 'xiaoshan' }),
    roles: z.array(roleSchema).openapi({ description: 'Staff roles; empty for a key' }),
    scopes: z.array(scopeSchema).openapi({ description: 'Key scopes; empty for staff' }),
    department: z.string().nullable().openapi({ description: 'A back-office member’s department; null otherwise', example: 'scjg' }),
    name: z.string().nullable().openapi({ description: 'Staff display name, or the key’s label', example: '王审批' }),
  })
  .openapi('Principal', {
    example: { kind: 'staff', id: 'scjg-wang', tenant: 'xiaoshan', roles: ['back-office'], scopes: [], department: 'scjg', name: '王审批' },
  });
