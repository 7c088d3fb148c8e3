import fc from 'fast-check';
import { jsonBodyOf, type ApiDocument, type DocumentedOperation, type MediaDoc } from './authorization-operations.ts';
import { encodeSegment, headerSafe, hostileString, hostileValue, rawBody, type RawBody } from './fuzz-hostile.ts';
import { mutated, parameterText, validShaped } from './fuzz-schema-values.ts';

/**
 * One fuzzed request for an operation: path values (real fixtures, examples or hostile text), query values,
 * an Idempotency-Key when the route reads one, and a body (schema-shaped, a mutated example, a hostile value,
 * or raw text that is not the JSON the route reads).
 */
export interface FuzzRequest {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: RawBody;
}

/** Real values by parameter name (a case number, a task id, a query code …), so fuzzed requests reach past the lookups. */
export type FixturePool = Readonly<Record<string, readonly string[]>>;

const examplesOf = (media: MediaDoc | undefined): unknown[] => [
  ...(media?.example !== undefined ? [media.example] : []),
  ...Object.values(media?.examples ?? {}).flatMap((e) => (e.value !== undefined ? [e.value] : [])),
  ...(media?.schema?.example !== undefined ? [media.schema.example] : []),
];

const bodyFor = (op: DocumentedOperation, doc: ApiDocument): fc.Arbitrary<RawBody | undefined> => {
  const media = jsonBodyOf(op);
  // The platform refuses a GET with a body before the worker sees it.
  if (op.method === 'GET' || op.method === 'HEAD') return fc.constant(undefined);
  if (!media) {
    // A body where none is read: harmless unless something reads it anyway.
    return fc.option(rawBody({}), { freq: 4, nil: undefined });
  }
  const schema = media.schema ?? {};
  const componentExample = schema.$ref ? doc.components?.schemas?.[schema.$ref.replace('#/components/schemas/', '')]?.example : undefined;
  const examples = [...examplesOf(media), ...(componentExample !== undefined ? [componentExample] : [])];
  const json = (value: unknown): RawBody => ({ text: JSON.stringify(value) ?? 'null', contentType: 'application/json' });
  const fromExamples =
    examples.length > 0
      ? [
          { weight: 4, arbitrary: fc.constantFrom(...examples).chain(mutated).map(json) },
          { weight: 1, arbitrary: fc.constantFrom(...examples).map(json) },
        ]
      : [];
  return fc.oneof(
    { weight: 3, arbitrary: validShaped(schema, doc).map(json) },
    ...fromExamples,
    { weight: 1, arbitrary: hostileValue.map(json) },
    { weight: 2, arbitrary: rawBody(examples[0] ?? {}) },
  );
};

const pathValueFor = (name: string, pool: FixturePool, example: string | undefined, schemaText: fc.Arbitrary<string>): fc.Arbitrary<string> => {
  const known = [...(pool[name] ?? []), ...(example !== undefined ? [example] : [])];
  return known.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...known) }, { weight: 2, arbitrary: schemaText }) : schemaText;
};

/** The request arbitrary for one operation, sent with `credentials` (a caller its access admits). */
export const fuzzRequest = (op: DocumentedOperation, doc: ApiDocument, pool: FixturePool, credentials: Record<string, string>): fc.Arbitrary<FuzzRequest> => {
  const params = op.operation.parameters ?? [];
  const pathParams = params.filter((p) => p.in === 'path');
  const queryParams = params.filter((p) => p.in === 'query');
  const pathValues = fc.tuple(
    ...pathParams.map((p) => pathValueFor(p.name, pool, p.schema?.example === undefined ? undefined : String(p.schema.example), parameterText(p.schema, doc))),
  );
  const queryValues = fc.tuple(
    ...queryParams.map((p) =>
      fc.option(
        fc.oneof(
          ...[...(pool[p.name] ?? []), ...(p.schema?.example !== undefined ? [String(p.schema.example)] : [])].map((known) => fc.constant(known)),
          parameterText(p.schema, doc),
        ),
        { freq: p.required ? 8 : 2, nil: undefined },
      ),
    ),
  );
  const extraQuery = fc.option(fc.tuple(hostileString, hostileString), { freq: 5, nil: undefined });
  const readsIdempotencyKey = params.some((p) => p.in === 'header' && p.name.toLowerCase() === 'idempotency-key');
  const idempotencyKey = readsIdempotencyKey ? fc.option(fc.oneof(fc.uuid(), hostileString.map(headerSafe)), { freq: 2, nil: undefined }) : fc.constant(undefined);

  return fc.record({ pathValues, queryValues, extraQuery, idempotencyKey, body: bodyFor(op, doc) }).map(({ pathValues, queryValues, extraQuery, idempotencyKey, body }) => {
    let i = 0;
    const path = op.path.replace(/\{[^}]+\}/g, () => encodeSegment(pathValues[i++] ?? 'x'));
    const query = new URLSearchParams();
    queryParams.forEach((p, j) => {
      const value = queryValues[j];
      if (value !== undefined) query.append(p.name, value.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
    });
    if (extraQuery) query.append(extraQuery[0].replace(/[\uD800-\uDFFF]/g, '\uFFFD'), extraQuery[1].replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
    const search = query.toString();
    const headers: Record<string, string> = { ...credentials };
    if (idempotencyKey !== undefined) headers['idempotency-key'] = idempotencyKey;
    return { path: search ? `${path}?${search}` : path, headers, ...(body ? { body } : {}) };
  });
};
