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
} as const satisfies Record<string, readonly [zh: string, en: string]>;

export type ErrorCode = keyof typeof ERROR_MESSAGES;

export const isErrorCode = (code: string): code is ErrorCode => Object.hasOwn(ERROR_MESSAGES, code);

/** The Chinese and English messages for a code. */
export const describeError = (code: ErrorCode): { message: string; messageEn: string } => {
  const [message, messageEn] = ERROR_MESSAGES[code];
  return { message, messageEn };
};
