import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.ts';
import { replyError } from './http-errors.ts';

/** One failed check of a request field: where it was, which field, and what was wrong (zod's English text). */
export interface InputIssue {
  location: string;
  path: (string | number)[];
  message: string;
}

/** The app-wide zod hook: any failed request validation becomes 400 INVALID_INPUT listing every issue at once. */
export const reportInvalidInput: Hook<unknown, AppEnv, string, Response | undefined> = (result, c) => {
  if (result.success) return undefined;
  const issues: InputIssue[] = result.error.issues.map((issue) => ({
    location: result.target,
    path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
    message: issue.message,
  }));
  return replyError(c, 'INVALID_INPUT', { issues });
};
