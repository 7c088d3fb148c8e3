import { ROLES, SCOPES } from '../../core/index.ts';
import type { App } from '../app.ts';
import { signIn } from '../auth/sign-in.ts';
import { defineRoute } from '../define-route.ts';
import { replyError } from '../http-errors.ts';
import { principalSchema, signInBodySchema, tokenReplySchema } from '../schemas/auth.ts';

const signInRoute = defineRoute({
  method: 'post',
  path: '/v1/auth/token',
  access: 'public',
  tags: ['auth'],
  summary: '工作人员登录 Staff sign-in',
  description:
    '以账号和口令换取30分钟有效的令牌（`Authorization: Bearer <token>`）。账号不存在、口令错误或账号停用均答复同一 401。' +
    ' Exchanges a user name and password for a staff token valid 30 minutes. Unknown user, wrong password and a' +
    ' disabled account answer the same 401 INVALID_CREDENTIALS. After 10 wrong passwords for one user name within a' +
    ' minute, sign-in for it answers 429 (Retry-After) until the allowance refills. 503 AUTH_UNAVAILABLE: the' +
    ' server has no token secret configured.',
  request: { body: { content: { 'application/json': { schema: signInBodySchema } }, required: true } },
  errors: ['INVALID_CREDENTIALS', 'RATE_LIMITED', 'AUTH_UNAVAILABLE'],
  responses: {
    200: { description: '令牌 The token', content: { 'application/json': { schema: tokenReplySchema } } },
  },
});

const readMeRoute = defineRoute({
  method: 'get',
  path: '/v1/auth/me',
  access: { roles: [...ROLES], scopes: [...SCOPES] },
  tags: ['auth'],
  summary: '当前调用方 The caller',
  description: '令牌或密钥所代表的调用方：工作人员（角色、部门）或接口密钥（权限）。 Who the credential names: a staff member (roles, department) or an API key (scopes).',
  responses: {
    200: { description: '调用方 The caller', content: { 'application/json': { schema: principalSchema } } },
  },
});

export const registerAuthRoutes = (app: App) => {
  app.openapi(signInRoute, async (c) => {
    const { username, password } = c.req.valid('json');
    const result = await signIn(c.env, username, password);
    c.header('Cache-Control', 'no-store');
    // A 429 gets its Retry-After from replyError.
    if (!result.ok) return replyError(c, result.error);
    return c.json(result.value, 200);
  });

  app.openapi(readMeRoute, (c) => {
    const actor = c.get('actor')!;
    return c.json(
      {
        kind: actor.kind,
        id: actor.id,
        tenant: actor.tenant,
        roles: [...actor.roles],
        scopes: [...actor.scopes],
        department: actor.department ?? null,
        name: actor.name ?? null,
      },
      200,
    );
  });
};
