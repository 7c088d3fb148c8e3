/**
 * Every domain error code, with its message in Chinese (first) and English.
 * Codes are a stable contract: partner systems branch on them. Add, never rename.
 * HTTP statuses live in worker/http-errors.ts, not here.
 */
export const ERROR_MESSAGES = {
  /** A request field is missing, malformed or out of range. */
  INVALID_INPUT: ['请求参数有误', 'The request is invalid'],
  /** No route matches the path. */
  ROUTE_NOT_FOUND: ['请求的接口不存在', 'No such endpoint'],
  /** The HTTP method is not allowed on this path. */
  METHOD_NOT_ALLOWED: ['该接口不支持此请求方法', 'Method not allowed on this endpoint'],
  /** No matter (事项) has this 实施编码 or 基本编码. */
  MATTER_NOT_FOUND: ['未找到该事项', 'No matter has this code'],
  /** No department has this id. */
  DEPARTMENT_NOT_FOUND: ['未找到该部门', 'No department has this id'],
  /** No bundle (一件事) has this id. */
  BUNDLE_NOT_FOUND: ['未找到该“一件事”', 'No bundle has this id'],
  /** The search text is empty after trimming. */
  EMPTY_QUERY: ['请输入要查找的事项', 'The search text is empty'],
  /** The request body exceeds the size limit. */
  PAYLOAD_TOO_LARGE: ['请求内容过大', 'The request body is too large'],
  /** The request body's Content-Type is not one the route accepts. */
  UNSUPPORTED_MEDIA_TYPE: ['不支持该请求内容类型', 'Unsupported content type'],
  /** The caller is not identified (missing or bad credentials). */
  UNAUTHENTICATED: ['未登录或凭证无效', 'Missing or invalid credentials'],
  /** The caller is identified but its role may not call this route. */
  FORBIDDEN: ['无权执行此操作', 'Not allowed for this caller'],
  /** An unexpected failure; the request id lets operators find it in the logs. */
  INTERNAL: ['系统繁忙，请稍后再试', 'Internal error; please retry later'],
  /** A ticket was asked for outside the hall's ticket-issuing hours (取号时间). */
  HALL_NOT_OPEN: ['当前不在取号时间', 'Tickets are not issued at this time'],
  /** No window of this hall has this id. */
  UNKNOWN_WINDOW: ['该窗口不存在', 'No window has this id'],
  /** The window is closed: it cannot call, pause or receive transfers until opened. */
  WINDOW_CLOSED: ['该窗口未开放', 'The window is closed'],
  /** The window is paused (暂停服务): it cannot call until resumed. */
  WINDOW_PAUSED: ['该窗口暂停服务', 'The window is paused'],
  /** The window already holds a ticket: finish, transfer or mark it before calling the next or closing. */
  WINDOW_BUSY: ['该窗口正在办理其他号票', 'The window is holding another ticket'],
  /** Nothing this window can call: no transfer to it, no due appointment, no ticket waiting. */
  QUEUE_EMPTY: ['当前没有等候的号票', 'No ticket is waiting'],
  /** No ticket (号票) has this id in this hall (today or the previous day). */
  TICKET_NOT_FOUND: ['未找到该号票', 'No ticket has this id'],
  /** The ticket id was already used for a ticket with different details. */
  TICKET_ID_CONFLICT: ['号票编号重复', 'The ticket id is already used for another ticket'],
  /** The ticket is from an earlier day and was closed out at the day's rollover (过期). */
  TICKET_EXPIRED: ['号票已过期，请重新取号', 'The ticket has expired; please take a new one'],
  /** The ticket already ended (completed, cancelled or no-show); it cannot change again. */
  TICKET_ALREADY_DONE: ['该号票已办结', 'The ticket has already ended'],
  /** The operation needs a ticket held by a window (called or being served), but it is waiting. */
  TICKET_NOT_CALLED: ['该号票尚未被叫号', 'The ticket has not been called'],
  /** The ticket is being served: it can no longer be recalled, cancelled or marked a no-show. */
  TICKET_ALREADY_SERVING: ['该号票正在办理中', 'The ticket is already being served'],
  /** The ticket is held by another window than the one asking. */
  TICKET_NOT_AT_WINDOW: ['该号票不在本窗口办理', 'The ticket is held by another window'],
  /** An appointment ticket was taken for a slot that is not on the hall's current day. */
  APPOINTMENT_NOT_TODAY: ['预约时段不是今天', 'The appointment slot is not today'],
  /** No hall (服务大厅) has this id. */
  HALL_NOT_FOUND: ['未找到该服务大厅', 'No hall has this id'],
  /** The Idempotency-Key was already used for a request with a different body (a retry must resend the same body). */
  IDEMPOTENCY_KEY_REUSED: ['该幂等键已用于内容不同的请求', 'The Idempotency-Key was used for a different request'],
  /** The endpoint is a WebSocket: the request must ask to upgrade (Upgrade: websocket). */
  UPGRADE_REQUIRED: ['该接口需要 WebSocket 连接', 'This endpoint requires a WebSocket upgrade'],
  /** A date is not a real calendar date in the form YYYY-MM-DD. */
  INVALID_DATE: ['日期格式有误', 'The date is not a valid YYYY-MM-DD date'],
  /** The working-day calendar has no official schedule for that year yet: no due date is guessed. */
  CALENDAR_YEAR_UNKNOWN: ['尚无该年度的法定节假日安排，无法计算工作日', 'No official holiday schedule for that year yet'],
  /** No case (办件) has this number. Also answered for a wrong query code, so numbers cannot be probed. */
  CASE_NOT_FOUND: ['未找到该办件', 'No case has this number'],
  /** The submitted materials are incomplete or defective: the reply carries the one-time notice (一次性告知). */
  MATERIALS_INCOMPLETE: ['申请材料不齐全或不符合法定形式，请按一次性告知书补正', 'The materials are incomplete; see the one-time notice'],
  /** A matter of the case is not handled by this hall, or does not serve this kind of applicant. */
  MATTER_NOT_ACCEPTED_HERE: ['该事项不在本大厅受理范围或不适用于该申请人', 'The matter is not accepted here for this applicant'],
  /** A bundle application names a member the bundle lacks, picks a matter not offered for a member, or omits a required member. */
  BUNDLE_CHOICE_INVALID: ['“一件事”事项选择有误', 'The bundle member choices are invalid'],
  /** A correction (补正) was sent for a case that is not waiting for one. */
  CASE_NOT_AWAITING_CORRECTION: ['该办件当前无需补正', 'The case is not waiting for a correction'],
  /** The case already ended (approved, rejected or withdrawn): it cannot change again. */
  CASE_ALREADY_CLOSED: ['该办件已办结', 'The case has already ended'],
  /** No back-office task (审批任务) has this id. */
  TASK_NOT_FOUND: ['未找到该审批任务', 'No task has this id'],
  /** Another reviewer holds the task (or it is not open for claiming). */
  TASK_ALREADY_CLAIMED: ['该审批任务已被他人领取', 'Another reviewer holds this task'],
  /** The task is not released yet: it waits for an earlier matter of the bundle to be approved. */
  TASK_NOT_RELEASED: ['前置事项尚未办结，该任务暂不能办理', 'The task waits for an earlier matter to be approved'],
  /** A decision came from a reviewer who does not hold the task (claim it first). */
  TASK_NOT_HELD: ['请先领取该审批任务', 'Claim the task before deciding it'],
  /** The task already has a final decision. */
  TASK_ALREADY_DECIDED: ['该审批任务已办结', 'The task has already been decided'],
  /** Suspend on a suspended task, or resume on a running one. */
  CLOCK_STATE_CONFLICT: ['计时状态不允许该操作', 'The legal clock is not in a state that allows this'],
  /** No applicant has this id in the material library. */
  APPLICANT_NOT_FOUND: ['未找到该申请人', 'No applicant has this id'],
  /** No electronic certificate (电子证照) has this identifier. */
  CERTIFICATE_NOT_FOUND: ['未找到该电子证照', 'No certificate has this identifier'],
  /** The text is not a GB/T 36904 certificate identifier, or its check character is wrong. */
  CERTIFICATE_IDENTIFIER_INVALID: ['电子证照标识格式或校验位有误', 'Not a valid certificate identifier'],
  /** The certificate's status does not allow this change (e.g. revoking a cancelled certificate). */
  CERTIFICATE_STATUS_CONFLICT: ['该证照当前状态不允许此操作', 'The certificate status does not allow this'],
  /** No signing key is configured (Worker secret CERT_SIGNING_KEY missing or unreadable): nothing can be signed or verified. */
  CERTIFICATE_SIGNING_UNAVAILABLE: ['电子证照签名密钥未配置，暂不能签发或核验', 'No certificate signing key is configured'],
  /** The result is not ready for pickup yet, or was already delivered. */
  PICKUP_NOT_READY: ['该办件结果尚不能领取', 'The result is not ready for pickup'],
  /** The person collecting is neither the holder nor an authorised agent with a valid authorisation. */
  PICKUP_NOT_AUTHORISED: ['领取人不是持证人或未经有效授权', 'The collector is not the holder or an authorised agent'],
  /** The case (or on-site ticket) was already evaluated: one evaluation each (一事一评). */
  EVALUATION_ALREADY_GIVEN: ['该办件已评价', 'Already evaluated'],
  /** Evaluation is only possible once the case or ticket has ended. */
  EVALUATION_NOT_OPEN: ['办结后方可评价', 'Evaluation opens when the service has ended'],
  /** No evaluation (or rectification) has this id. */
  EVALUATION_NOT_FOUND: ['未找到该评价', 'No evaluation has this id'],
  /** The rectification's state does not allow this step (e.g. a second follow-up evaluation). */
  RECTIFICATION_STATE_CONFLICT: ['整改当前状态不允许此操作', 'The rectification state does not allow this'],
  /** Too many requests from this API key (or sign-in attempts): wait `Retry-After` seconds. */
  RATE_LIMITED: ['请求过于频繁，请稍后再试', 'Too many requests; retry after the given delay'],
  /**
   * Too many wrong query codes for this case (its receipt's six digits) within the hour: every attempt, right or
   * wrong, waits `Retry-After` seconds, so the code cannot be guessed. The citizen can also ask at a hall window.
   */
  TOO_MANY_CODE_ATTEMPTS: [
    '查询码错误次数过多，请稍后再试，或携带身份证件到大厅窗口查询',
    'Too many wrong query codes for this case; retry after the given delay, or ask at a hall window with your ID',
  ],
  /** Sign-in failed: unknown user, wrong password or a disabled account (which one is not told). */
  INVALID_CREDENTIALS: ['用户名或密码错误', 'Wrong user name or password'],
  /** No tenant (municipality) has this id, or the caller may not see it. */
  TENANT_NOT_FOUND: ['未找到该租户', 'No tenant has this id'],
  /** No API key has this id in the caller's tenant. */
  API_KEY_NOT_FOUND: ['未找到该接口密钥', 'No API key has this id'],
  /** A staff account with this user name already exists. */
  STAFF_ACCOUNT_EXISTS: ['该工作人员账号已存在', 'A staff account with this user name already exists'],
  /** The matter's owning tenant does not accept it from other regions (跨区域通办), or not from this partner. */
  CROSS_REGION_NOT_ALLOWED: ['该事项不支持跨区域通办', 'This matter is not open to cross-region submission'],
  /** The webhook URL is not an https URL (http is allowed only for localhost in development). */
  WEBHOOK_URL_INVALID: ['回调地址无效，须为 https 地址', 'The webhook URL must be an https URL'],
  /** No webhook is configured for the tenant. */
  WEBHOOK_NOT_CONFIGURED: ['尚未配置回调地址', 'No webhook is configured'],
  /** No webhook delivery (outbox row) of the caller's tenant has this id. */
  WEBHOOK_DELIVERY_NOT_FOUND: ['未找到该推送记录', 'No webhook delivery has this id'],
  /** Only a failed delivery can be sent again; this one is pending or delivered (details.status). */
  WEBHOOK_DELIVERY_NOT_FAILED: ['该推送未失败，无需重发', 'Only a failed delivery can be retried'],
  /** No staff-token secret is configured (Worker secret AUTH_TOKEN_SECRET missing or shorter than 32 bytes): staff cannot sign in. */
  AUTH_UNAVAILABLE: ['登录服务未配置，暂不能登录', 'Staff sign-in is not configured'],
} as const satisfies Record<string, readonly [zh: string, en: string]>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_MESSAGES, code);

/** The Chinese and English messages for a code. */
export const describeError = (code: ErrorCode): { message: string; messageEn: string } => {
  const [message, messageEn] = ERROR_MESSAGES[code];
  return { message, messageEn };
};
