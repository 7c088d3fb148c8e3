import type { Hook } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
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

/** A zod schema as the request validators use it. */
interface RequestSchema {
  safeParse(value: unknown): { success: boolean; data?: unknown; error?: unknown };
  safeParseAsync(value: unknown): Promise<{ success: boolean; data?: unknown; error?: unknown }>;
  shape?: Record<string, unknown>;
}

/** A route's zod hook (the app's reportInvalidInput unless the route gives its own), as the validators call it. */
export type RouteHook = (
  result: { success: boolean; data?: unknown; error?: unknown; target: string },
  c: Context<AppEnv>,
) => unknown;

/** What `OpenAPIHono.openapi` validates; the fused validator takes over only routes whose body (if any) is JSON alone. */
export interface ValidatedRequest {
  query?: unknown;
  params?: unknown;
  headers?: unknown;
  cookies?: unknown;
  body?: { required?: boolean; content?: Record<string, { schema?: unknown } | undefined> };
}

const JSON_MEDIA_TYPE = /^application\/([a-z-.]+\+)?json/i;
const JSON_REQUEST = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;
const JSON_ESSENCE = /^application\/([\w.-]+\+)?json$/i;

const isZodSchema = (schema: unknown): schema is RequestSchema =>
  typeof schema === 'object' && schema !== null && ('_zod' in schema || '_def' in schema);

/** Whether a request without Content-Type carries bytes (then it is 415, as @hono/zod-openapi answers). */
const hasRequestBody = async (c: Context<AppEnv>): Promise<boolean> => {
  const raw = c.req.raw;
  if (raw.body === null) return false;
  if (raw.bodyUsed) return (await c.req.arrayBuffer()).byteLength > 0;
  const body = raw.clone().body;
  if (body === null) return false;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      if (value.byteLength > 0) return true;
    }
  } finally {
    reader.cancel().catch(() => {});
  }
};

/**
 * All of a route's request validation in one middleware, with the same order, hooks, statuses and messages as the
 * chain @hono/zod-openapi builds (query, param, header, cookie, 415 gate, JSON body): one hop instead of up to
 * five, and zod's synchronous parse (the async one only for schemas that need it). Undefined when the route's
 * shape is one it leaves to the library (a form or non-JSON body).
 */
export const fuseRequestValidation = (
  request: ValidatedRequest | undefined,
  hook: RouteHook,
): MiddlewareHandler<AppEnv> | undefined => {
  if (!request) return undefined;
  const content = request.body?.content;
  const mediaTypes = content ? Object.keys(content) : [];
  if (mediaTypes.some((type) => !JSON_MEDIA_TYPE.test(type) || !isZodSchema(content?.[type]?.schema))) return undefined;
  const jsonSchemas = mediaTypes.map((type) => content?.[type]?.schema as RequestSchema);
  if (jsonSchemas.length > 1 || (request.cookies && isZodSchema(request.cookies))) return undefined;
  const bodySchema = jsonSchemas[0];
  const bodyRequired = request.body?.required === true;

  const checks: { target: 'query' | 'param' | 'header'; schema: RequestSchema; keys?: Record<string, string> }[] = [];
  if (isZodSchema(request.query)) checks.push({ target: 'query', schema: request.query });
  if (isZodSchema(request.params)) checks.push({ target: 'param', schema: request.params });
  if (isZodSchema(request.headers)) {
    const shape = request.headers.shape ?? {};
    checks.push({
      target: 'header',
      schema: request.headers,
      keys: Object.fromEntries(Object.keys(shape).map((key) => [key.toLowerCase(), key])),
    });
  }
  if (checks.length === 0 && !bodySchema) return undefined;

  const parse = async (schema: RequestSchema, value: unknown) => {
    try {
      return schema.safeParse(value);
    } catch {
      // A schema with async refinements or transforms cannot be parsed synchronously.
      return schema.safeParseAsync(value);
    }
  };

  /** The library's zod-validator, step for step: hook first, its Response wins; a bare failure is 400 with zod's result. */
  const validate = async (c: Context<AppEnv>, target: string, schema: RequestSchema, value: unknown) => {
    const result = await parse(schema, value);
    const hookResult = (await hook({ data: value, ...result, target }, c)) as unknown;
    if (hookResult) {
      if (hookResult instanceof Response) return hookResult;
      if (typeof hookResult === 'object' && 'response' in hookResult) return (hookResult as { response: Response }).response;
    }
    if (!result.success) return c.json(result, 400);
    c.req.addValidatedData(target as 'json', result.data as object);
    return undefined;
  };

  return async (c, next) => {
    for (const check of checks) {
      let value: unknown;
      if (check.target === 'query') {
        value = Object.fromEntries(Object.entries(c.req.queries()).map(([k, v]) => (v.length === 1 ? [k, v[0]] : [k, v])));
      } else if (check.target === 'param') {
        value = c.req.param();
      } else {
        const keys = check.keys!;
        const headers: Record<string, string> = {};
        c.req.raw.headers.forEach((v, k) => {
          headers[keys[k] ?? k] = v;
        });
        value = headers;
      }
      const failed = await validate(c, check.target, check.schema, value);
      if (failed) return failed;
    }
    if (bodySchema) {
      const contentType = c.req.header('content-type');
      if (contentType) {
        if (!JSON_REQUEST.test(contentType)) throw new HTTPException(415, { message: 'Unsupported Media Type' });
      } else if (await hasRequestBody(c)) {
        throw new HTTPException(415, { message: 'Unsupported Media Type' });
      }
      if (bodyRequired || (contentType && JSON_MEDIA_TYPE.test(contentType))) {
        let value: unknown = {};
        if (contentType && JSON_ESSENCE.test(contentType.split(';')[0]!.trim().toLowerCase())) {
          try {
            value = await c.req.json();
          } catch {
            throw new HTTPException(400, { message: 'Malformed JSON in request body' });
          }
        }
        const failed = await validate(c, 'json', bodySchema, value);
        if (failed) return failed;
      } else {
        c.req.addValidatedData('json', {});
      }
    }
    await next();
  };
};
