import type { Access } from '../access.ts';

/**
 * Who may handle a 差评 (contact, reply, close, appeal) and decide appeals, and who reads the hall report. The
 * intent is `back-office` (the rated department) and `hall-manager` (appeal decisions, the 整改台账 and the
 * statistics), but no credentials exist yet (issue 6) and a role-gated route answers 401 to everyone. As for
 * the case and window routes (cases-access.ts, halls-access.ts) they are public until keys and staff tokens
 * arrive, and the document says so; the acting staff member names themself in the body (`by`).
 * The citizen's routes (rating a case or a ticket, the follow-up) stay public: they carry the citizen's code.
 * TODO(issue 6): `['back-office', 'hall-manager']` and `['hall-manager']` once an authentication middleware sets the actor.
 */
export const RECTIFICATION_STAFF_ACCESS: Access = 'public';
export const HALL_MANAGER_ACCESS: Access = 'public';

/** Appended to the description of every staff route of evaluations and reports. */
export const EVALUATION_STAFF_NOTE =
  ' 工作人员操作；暂未鉴权（issue 6 引入凭证后仅限部门后台/大厅管理角色，届时经办人取自凭证）。' +
  ' Staff action: open to any caller until credentials exist (issue 6); then back-office / hall-manager roles only,' +
  ' and the acting staff member comes from the token instead of the body.';
