import fc from 'fast-check';
import type { ApiDocument, JsonSchema } from './authorization-operations.ts';
import { hostileNumber, hostileString, hostileValue } from './fuzz-hostile.ts';

/**
 * Values from an operation's JSON Schema (as zod-openapi emits it): `validShaped` follows the schema's types,
 * enums, bounds and required keys (refinements it cannot see, such as check digits, are left to chance), and
 * `mutated` breaks one place of a good value in one way. Together with the hostile values they cover the
 * shapes a validator must refuse and the ones it must let through to the handler.
 */

/** Deeper than any request schema we publish; past it a generator stops with null rather than recurse forever. */
const MAX_DEPTH = 8;

const resolve = (schema: JsonSchema, doc: ApiDocument): JsonSchema => {
  let current = schema;
  for (let hops = 0; current.$ref && hops < 10; hops++) {
    const name = current.$ref.replace('#/components/schemas/', '');
    current = doc.components?.schemas?.[name] ?? {};
  }
  return current;
};

const typesOf = (schema: JsonSchema): string[] => (Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : []);

const isoDate = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true });

const stringFor = (schema: JsonSchema): fc.Arbitrary<string> => {
  if (schema.format === 'date') return isoDate.map((d) => d.toISOString().slice(0, 10));
  if (schema.format === 'date-time') return isoDate.map((d) => d.toISOString());
  if (schema.format === 'uri' || schema.format === 'url') return fc.webUrl();
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 200));
    } catch {
      // A pattern fast-check cannot invert: plain strings within the bounds.
    }
  }
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.max(minLength, Math.min(schema.maxLength ?? 24, 24));
  return fc.oneof(fc.string({ minLength, maxLength }), fc.string({ unit: 'grapheme', minLength, maxLength }));
};

const numberFor = (schema: JsonSchema, integer: boolean): fc.Arbitrary<number> => {
  const min = typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + (integer ? 1 : 1e-9) : schema.minimum;
  const max = typeof schema.exclusiveMaximum === 'number' ? schema.exclusiveMaximum - (integer ? 1 : 1e-9) : schema.maximum;
  if (integer) return fc.integer({ min: Math.ceil(min ?? -1_000), max: Math.floor(max ?? 100_000) });
  return fc.double({ min: min ?? -1_000, max: max ?? 100_000, noNaN: true, noDefaultInfinity: true });
};

/** A value of the schema's shape (best effort: unknown keywords are ignored). */
export const validShaped = (schema: JsonSchema, doc: ApiDocument, depth = 0): fc.Arbitrary<unknown> => {
  const s = resolve(schema, doc);
  if (depth > MAX_DEPTH) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum?.length) return fc.constantFrom(...s.enum);
  const union = s.anyOf ?? s.oneOf;
  if (union?.length) return fc.oneof(...union.map((member) => validShaped(member, doc, depth + 1)));
  if (s.allOf?.length) {
    const merged: JsonSchema = { type: 'object', properties: {}, required: [] };
    for (const part of s.allOf.map((p) => resolve(p, doc))) {
      Object.assign(merged.properties!, part.properties);
      merged.required!.push(...(part.required ?? []));
    }
    return validShaped(merged, doc, depth + 1);
  }
  const types = typesOf(s);
  const kinds: fc.Arbitrary<unknown>[] = [];
  if (types.includes('null') || s.nullable) kinds.push(fc.constant(null));
  if (types.includes('string')) kinds.push(stringFor(s));
  if (types.includes('integer')) kinds.push(numberFor(s, true));
  else if (types.includes('number')) kinds.push(numberFor(s, false));
  if (types.includes('boolean')) kinds.push(fc.boolean());
  if (types.includes('array')) {
    const minLength = s.minItems ?? 0;
    kinds.push(fc.array(validShaped(s.items ?? {}, doc, depth + 1), { minLength, maxLength: Math.max(minLength, Math.min(s.maxItems ?? 3, 3)) }));
  }
  if (types.includes('object') || (types.length === 0 && s.properties)) {
    const properties = s.properties ?? {};
    const required = (s.required ?? []).filter((key) => key in properties);
    const record = Object.fromEntries(Object.entries(properties).map(([key, child]) => [key, validShaped(child, doc, depth + 1)]));
    kinds.push(fc.record(record, { requiredKeys: required }));
  }
  return kinds.length > 0 ? fc.oneof(...kinds) : fc.jsonValue({ maxDepth: 2 });
};

type Path = readonly (string | number)[];

/** Every place in a JSON value where a mutation can land (the root included). */
const placesIn = (value: unknown, path: Path = [], out: Path[] = []): Path[] => {
  out.push(path);
  if (out.length > 200) return out;
  if (Array.isArray(value)) value.forEach((item, i) => placesIn(item, [...path, i], out));
  else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) placesIn(child, [...path, key], out);
  return out;
};

type Mutation =
  | { kind: 'delete' }
  | { kind: 'replace'; value: unknown }
  | { kind: 'extra'; key: string; value: unknown }
  | { kind: 'wrap' }
  | { kind: 'repeat'; times: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ kind: 'delete' as const }) },
  { weight: 5, arbitrary: hostileValue.map((value) => ({ kind: 'replace' as const, value })) },
  { weight: 1, arbitrary: fc.tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'tenant', 'tenantId', 'role', 'roles'), hostileString), hostileValue).map(([key, value]) => ({ kind: 'extra' as const, key, value })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'wrap' as const }) },
  { weight: 1, arbitrary: fc.constantFrom(100, 3_000).map((times) => ({ kind: 'repeat' as const, times })) },
);

const applyMutation = (current: unknown, m: Mutation): unknown => {
  switch (m.kind) {
    case 'replace':
      return m.value;
    case 'wrap':
      return [current];
    case 'repeat':
      return typeof current === 'string' ? current.repeat(Math.min(m.times, 70_000 / Math.max(1, current.length))) : Array.from({ length: m.times }, () => current);
    case 'extra':
      return current && typeof current === 'object' && !Array.isArray(current) ? { ...current, [m.key]: m.value } : current;
    case 'delete':
      return undefined;
  }
};

/** A deep copy of `value` with the value at `path` changed (`undefined` deletes it). */
const changeAt = (value: unknown, path: Path, change: (current: unknown) => unknown): unknown => {
  if (path.length === 0) return change(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = [...value];
    const next = changeAt(copy[head as number], rest, change);
    if (next === undefined) copy.splice(head as number, 1);
    else copy[head as number] = next;
    return copy;
  }
  const copy = { ...(value as Record<string, unknown>) };
  const next = changeAt(copy[head as string], rest, change);
  if (next === undefined) delete copy[head as string];
  else copy[head as string] = next;
  return copy;
};

/** `good` broken in one place, one way: a key dropped, a value replaced by a hostile one, an extra key, a repeat. */
export const mutated = (good: unknown): fc.Arbitrary<unknown> =>
  fc.tuple(fc.constantFrom(...placesIn(good)), mutation).map(([path, m]) => changeAt(good, path, (current) => applyMutation(current, m)) ?? null);

/** Numbers and strings for a query or path parameter: schema-shaped or hostile, as text. */
export const parameterText = (schema: JsonSchema | undefined, doc: ApiDocument): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 2, arbitrary: validShaped(schema ?? { type: 'string' }, doc).map((v) => (typeof v === 'string' ? v : JSON.stringify(v) ?? '')) },
    { weight: 2, arbitrary: hostileString },
    { weight: 1, arbitrary: hostileNumber.map(String) },
  );
