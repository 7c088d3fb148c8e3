import type { Access } from '../access.ts';

/**
 * Who may act as a window (call, recall, complete, open, pause …). The intent is the `front-desk` role, but
 * no credentials exist yet (issue 6) and a role-gated route answers 401 to everyone: the hall could not call a
 * single ticket. Until API keys arrive these routes are public, and the OpenAPI document says so (`x-access`
 * and the description), rather than declaring a protection that is not there.
 * TODO(issue 6): `['front-desk']` once an authentication middleware sets the actor.
 */
export const FRONT_DESK_ACCESS: Access = 'public';

/** Appended to the description of every window-staff route. */
export const FRONT_DESK_NOTE =
  ' 窗口人员操作；暂未鉴权（issue 6 引入凭证后仅限 front-desk 角色）。' +
  ' Window staff action: open to any caller until credentials exist (issue 6), then front-desk only.';
