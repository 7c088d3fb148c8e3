import type { Access } from '../access.ts';

/**
 * Who may call the staff and partner routes (issue 6's route table), by name, so that every route declares its
 * access in one word and the table reads in one place. `defineRoute` enforces the role or scope and publishes it
 * as `x-access`; the handler then checks the resource's tenant (a foreign one is a 404, so ids are not probed)
 * and, for back-office members, the department (another department of the same tenant is a 403).
 * Public routes say `'public'` where they are declared: the citizen's and the board's routes carry no credential.
 */

/** 综合受理: intake and corrections at a front desk, or a partner system's online declarations (cases:submit). */
export const CASE_INTAKE_ACCESS: Access = { roles: ['front-desk'], scopes: ['cases:submit'] };

/** The staff view of a case and its certificates: every hall role that handles it, and a submitting system. */
export const CASE_READ_ACCESS: Access = { roles: ['front-desk', 'back-office', 'issuing-window', 'hall-manager'], scopes: ['cases:submit'] };

/** 留痕核验: the hall's supervision and the tenant's administrator; no key (an audit is a person's act). */
export const CASE_AUDIT_ACCESS: Access = { roles: ['hall-manager', 'admin'], scopes: [] };

/** 申请人材料库: the front desk that reuses it at intake, and a submitting system. */
export const APPLICANT_LIBRARY_ACCESS: Access = { roles: ['front-desk'], scopes: ['cases:submit'] };

/** A department's inbox: its back office, and the hall manager who watches every deadline. */
export const INBOX_ACCESS: Access = { roles: ['back-office', 'hall-manager'], scopes: [] };

/** Claims and decisions: a back-office reviewer in person (a decision is signed by its reviewer, never a key). */
export const REVIEW_ACCESS: Access = { roles: ['back-office'], scopes: [] };

/** 统一出证: pickup, mail and delivery at the issuing window. */
export const ISSUING_WINDOW_ACCESS: Access = { roles: ['issuing-window'], scopes: [] };

/** Issuing a case's pending certificates: the issuing window that hands them out or the approving back office. */
export const ISSUE_PENDING_ACCESS: Access = { roles: ['back-office', 'issuing-window'], scopes: [] };

/** Revoking or cancelling a certificate: the issuing department's back office. */
export const CERTIFICATE_STATUS_ACCESS: Access = { roles: ['back-office'], scopes: [] };

/** 变更换发: the issuing window (which hands the new version out) or the back office. */
export const CERTIFICATE_REISSUE_ACCESS: Access = { roles: ['issuing-window', 'back-office'], scopes: [] };

/** A window's terminal: calls, window state and ticket actions; staff at the window or a hall:run system. */
export const WINDOW_ACCESS: Access = { roles: ['front-desk', 'hall-manager'], scopes: ['hall:run'] };

/** 大厅运行报表: the hall manager, or a hall:run system (a dashboard). */
export const HALL_REPORT_ACCESS: Access = { roles: ['hall-manager'], scopes: ['hall:run'] };

/** 差评整改: the rated department's back office and the hall manager (who keeps the 台账). */
export const RECTIFICATION_ACCESS: Access = { roles: ['back-office', 'hall-manager'], scopes: [] };

/** 申诉裁定: the hall manager only, never the department that appealed. */
export const APPEAL_DECISION_ACCESS: Access = { roles: ['hall-manager'], scopes: [] };

/** Appended to the description of every staff route whose body names the acting staff member. */
export const ACTING_STAFF_NOTE =
  ' 经办人取自凭证；请求体中的经办人字段可省略，填写时须与凭证一致，否则 403。' +
  ' The acting staff member is the token’s: the body’s staff field may be left out, and when given it must be the' +
  ' token’s staff id (else 403 FORBIDDEN with `details.expected` / `given`).';

/** Appended to the description of every staff route of a tenant's resources. */
export const TENANT_NOTE =
  ' 仅限本租户（跨区域通办的办件，受理方与办理方均可查看）；他租户的资源返回 404。' +
  ' Own tenant only (a 跨区域通办 case is seen by its owner and its submitter); another tenant’s resource answers 404.';
