import { ACCESS_EXTENSION } from '../access.ts';

/** The two credentials, both sent as `Authorization: Bearer …` (worker/auth/authenticate.ts tells them apart). */
export const SECURITY_SCHEMES = {
  staffToken: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
    description:
      '工作人员令牌：POST /v1/auth/token 登录获得，30 分钟有效，携带角色。 A staff token from POST /v1/auth/token' +
      ' (HS256, 30 minutes), carrying the member’s tenant, roles and department.',
  },
  apiKey: {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'ow_<id>_<secret>',
    description:
      '接口密钥：租户管理员签发，按权限范围（scopes）授权并按分钟限流。 A partner system’s API key, issued by its tenant’s' +
      ' administrator (POST /v1/tenants/{tenant}/keys): scoped, rate limited per minute, revocable.',
  },
} as const;

type Operation = { [ACCESS_EXTENSION]?: unknown; security?: Record<string, string[]>[] };

/**
 * Gives every operation the OpenAPI `security` its `x-access` implies: a staff token when roles may call it, an
 * API key when scopes may, none (`[]`) when it is public — so generated clients know what to send.
 */
export const declareSecurity = (paths: Record<string, Record<string, unknown>> | undefined): void => {
  for (const item of Object.values(paths ?? {})) {
    for (const operation of Object.values(item) as Operation[]) {
      const access = operation?.[ACCESS_EXTENSION] as 'public' | { roles: string[]; scopes: string[] } | undefined;
      if (access === undefined) continue;
      operation.security =
        access === 'public'
          ? []
          : [...(access.roles.length > 0 ? [{ staffToken: [] }] : []), ...(access.scopes.length > 0 ? [{ apiKey: [] }] : [])];
    }
  }
};
