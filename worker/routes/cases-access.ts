import type { Access } from '../access.ts';

/**
 * Who may act on cases as staff: intake at a window, the staff view of a case, back-office inboxes, claims and
 * decisions, the audit, the applicant library. The intent is `front-desk` / `back-office` roles, but no
 * credentials exist yet (issue 6) and a role-gated route answers 401 to everyone: no case could be accepted.
 * As for the hall's window routes (halls-access.ts), these routes are public until keys and staff tokens arrive,
 * and the document says so. Meanwhile the reviewer names themself in the body, and staff replies mask the
 * applicant's numbers (a case number is guessable). The online channel of intake stays public after issue 6.
 * TODO(issue 6): `['front-desk', 'back-office']` (per route) once an authentication middleware sets the actor.
 */
export const CASE_STAFF_ACCESS: Access = 'public';

/** Appended to the description of every staff route of cases. */
export const CASE_STAFF_NOTE =
  ' 工作人员操作；暂未鉴权（issue 6 引入凭证后仅限前台/后台角色，届时审批人取自凭证）。' +
  ' Staff action: open to any caller until credentials exist (issue 6); then front-desk / back-office roles only,' +
  ' and the reviewer comes from the token instead of the body.';
