import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOrThrow, licenceInput, signedOf } from './certificate-fixture.ts';
import {
  canonicalizeJson,
  describeCertificateForSigning,
  SIGNED_CERTIFICATE_KEYS,
  UNSIGNED_CERTIFICATE_KEYS,
} from './canonical-text.ts';
import type { CertificateFieldValue, UnsignedCertificate } from './types.ts';

const licence = signedOf(buildOrThrow(licenceInput));

/** The same value with every object's keys in a shuffled order. */
const shuffleKeys = (value: unknown, seed: number): unknown => {
  if (Array.isArray(value)) return value.map((v, i) => shuffleKeys(v, seed + i));
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value);
  const order = entries.map((_, i) => (i * 7919 + seed * 104729) % 1_000_003).map((k, i) => [k, i] as const);
  order.sort((a, b) => a[0] - b[0]);
  return Object.fromEntries(order.map(([, i]) => [entries[i]![0], shuffleKeys(entries[i]![1], seed + 1)]));
};

describe('canonicalizeJson', () => {
  it('sorts keys at every depth and writes no whitespace', () => {
    expect(canonicalizeJson({ b: [{ z: 1, a: ' x ' }], a: { d: null, c: true } })).toBe('{"a":{"c":true,"d":null},"b":[{"a":" x ","z":1}]}');
  });

  it('orders keys by UTF-16 code units, as RFC 8785 does', () => {
    expect(canonicalizeJson({ 名称: 1, a: 2, B: 3, '\u{1F600}': 4, '\uFB33': 5 })).toBe('{"B":3,"a":2,"名称":1,"\u{1F600}":4,"\uFB33":5}');
  });

  it('writes numbers in their shortest round-trip form', () => {
    expect(canonicalizeJson([1e21, 0.1, -0, 100, 1.5e-7])).toBe('[1e+21,0.1,0,100,1.5e-7]');
  });

  it('gives the same text whatever order keys were inserted in', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(), (value, seed) => {
        expect(canonicalizeJson(shuffleKeys(value, seed))).toBe(canonicalizeJson(value));
      }),
    );
  });

  it('reads back as the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(JSON.parse(canonicalizeJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('refuses what is not plain JSON rather than coercing it', () => {
    const cycle: Record<string, unknown> = {};
    cycle['self'] = cycle;
    for (const bad of [Number.NaN, Infinity, [undefined], new Date(0), new Map(), () => 1, 1n, cycle]) {
      expect(() => canonicalizeJson(bad), String(bad)).toThrow(TypeError);
    }
  });
});

describe('describeCertificateForSigning', () => {
  const text = describeCertificateForSigning(licence);

  it('covers every key of the certificate but the status, the replacement link and the signatures', () => {
    expect(Object.keys(JSON.parse(text)).sort()).toEqual([...SIGNED_CERTIFICATE_KEYS].sort());
    const allKeys = Object.keys({ ...licence, replacedBy: 'x' }).sort();
    expect([...SIGNED_CERTIFICATE_KEYS, ...UNSIGNED_CERTIFICATE_KEYS].sort()).toEqual(allKeys);
  });

  it('does not change when the status, replacement link or signatures change', () => {
    const changed = { ...licence, status: '03', replacedBy: 'elsewhere', signature: 'B'.repeat(86), sealSignature: 'C'.repeat(86) } as const;
    expect(describeCertificateForSigning(changed)).toBe(text);
  });

  it('changes when any signed field changes', () => {
    for (const key of SIGNED_CERTIFICATE_KEYS) {
      const value = licence[key];
      const other = typeof value === 'number' ? value + 1 : value === null ? '2099-12-31' : typeof value === 'string' ? `${value}x` : { ...value, extra: 1 };
      expect(describeCertificateForSigning({ ...licence, [key]: other } as UnsignedCertificate), key).not.toBe(text);
    }
    const fields = { ...licence.fields, registeredCapital: { amount: 1_000_001, currency: 'CNY' } };
    expect(describeCertificateForSigning({ ...licence, fields })).not.toBe(text);
  });

  it('does not depend on key order, top level or nested', () => {
    fc.assert(
      fc.property(fc.nat(), (seed) => {
        const shuffled = shuffleKeys(licence, seed) as UnsignedCertificate;
        expect(describeCertificateForSigning(shuffled)).toBe(text);
      }),
      { numRuns: 50 },
    );
  });

  it('ignores properties a stored row may carry beyond the certificate', () => {
    expect(describeCertificateForSigning({ ...licence, createdAt: 1, rowid: 7 } as UnsignedCertificate)).toBe(text);
  });

  it('is compact JSON with 长期 written as null', () => {
    expect(text).not.toMatch(/[\n\t]|": |, "/);
    expect(JSON.parse(text)).toMatchObject({ validTo: null, identifier: licence.identifier, algorithm: 'ECDSA-P256-SHA256' });
  });

  it('throws TypeError when a signed key is missing', () => {
    const { validTo: _, ...missing } = licence;
    expect(() => describeCertificateForSigning(missing as unknown as UnsignedCertificate)).toThrow(TypeError);
    const fields = { bad: Number.NaN as CertificateFieldValue };
    expect(() => describeCertificateForSigning({ ...licence, fields })).toThrow(TypeError);
  });
});
