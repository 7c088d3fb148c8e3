import { createExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { app } from '../app.ts';
import { readDocument, type Operation } from './openapi-helpers.ts';

/**
 * The operations of the served OpenAPI document, as the authorization matrix and the fuzzer walk them: the
 * document is the list of routes (openapi.test checks it covers every registered one), so a new route is
 * walked without anyone adding it here.
 */

/** The JSON Schema subset zod-openapi emits, as far as the walkers read it. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  nullable?: boolean;
  default?: unknown;
  example?: unknown;
}

export interface ParameterDoc {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: JsonSchema;
  example?: unknown;
}

export interface MediaDoc {
  schema?: JsonSchema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}

export type OperationDoc = Omit<Operation, 'parameters'> & {
  parameters?: ParameterDoc[];
  requestBody?: { required?: boolean; content: Record<string, MediaDoc> };
};

export interface DocumentedOperation {
  /** `POST /v1/cases`, as reports name it. */
  readonly id: string;
  readonly method: string;
  /** The OpenAPI path template, `{name}` for parameters. */
  readonly path: string;
  readonly operation: OperationDoc;
}

export interface ApiDocument {
  paths: Record<string, Record<string, OperationDoc>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

const METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'head', 'options']);

export const readApiDocument = async (): Promise<ApiDocument> => (await readDocument()) as unknown as ApiDocument;

/** Every operation of the document, in document order. */
export const listOperations = (doc: ApiDocument): DocumentedOperation[] =>
  Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.has(method))
      .map(([method, operation]) => ({ id: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, operation })),
  );

/** The document's own example for a parameter, else a harmless placeholder. */
export const parameterExample = (param: ParameterDoc): string => {
  const example = param.example ?? param.schema?.example ?? param.schema?.enum?.[0];
  return example === undefined ? 'x' : String(example);
};

/** The path with each `{name}` replaced: from `values`, else the parameter's example. */
export const fillPath = (op: DocumentedOperation, values: Readonly<Record<string, string>> = {}): string =>
  op.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const given = values[name];
    if (given !== undefined) return encodeURIComponent(given);
    const param = op.operation.parameters?.find((p) => p.in === 'path' && p.name === name);
    return encodeURIComponent(param ? parameterExample(param) : 'x');
  });

/** The JSON media type of the operation's body, if it takes one. */
export const jsonBodyOf = (op: DocumentedOperation): MediaDoc | undefined => op.operation.requestBody?.content['application/json'];

export interface SendOptions {
  path: string;
  headers?: Readonly<Record<string, string>>;
  /** Raw body text (sent as is, so invalid JSON can be sent too). */
  body?: string;
  contentType?: string;
}

/**
 * A request exactly as given: no default credentials added (the case and hall helpers add their route's staff
 * member to a bare request, which would turn an anonymous caller into a signed-in one). app.fetch, not the
 * default export: flat under many calls (see hall-helpers.ts).
 */
export const callAsIs = (path: string, init?: RequestInit): Promise<Response> =>
  Promise.resolve(app.fetch(new Request(`http://hall.test${path}`, init), env, createExecutionContext()));

/** Sends one request to the app, as is. */
export const sendOperation = (op: DocumentedOperation, options: SendOptions): Promise<Response> => {
  const headers: Record<string, string> = { ...options.headers };
  if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
  return callAsIs(options.path, { method: op.method, headers, ...(options.body !== undefined ? { body: options.body } : {}) });
};
