import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_KEY_RANDOM_BYTES, apiKeyFromBytes, formatApiKey, parseApiKey } from './api-key-text.ts';

const bytes = fc.uint8Array({ minLength: API_KEY_RANDOM_BYTES, maxLength: API_KEY_RANDOM_BYTES });

describe('API key text', () => {
  it('parses what it formats, for any random bytes', () => {
    fc.assert(
      fc.property(bytes, (random) => {
        const parts = apiKeyFromBytes(random);
        const text = formatApiKey(parts);
        expect(text).toMatch(/^ow_[a-z2-7]{12}_[a-z2-7]{32}$/);
        expect(parseApiKey(text)).toEqual({ ok: true, value: parts });
      }),
    );
  });

  it('uses every base32 character', () => {
    const parts = apiKeyFromBytes(Uint8Array.from({ length: API_KEY_RANDOM_BYTES }, (_, i) => i));
    expect(new Set(parts.id + parts.secret).size).toBe(32);
  });

  it.each([
    [''],
    ['ow_'],
    ['ow_abcdefghijkl'],
    ['ow_abcdefghijkl_' + 'a'.repeat(31)],
    ['ow_abcdefghijkl_' + 'a'.repeat(33)],
    ['ow_ABCDEFGHIJKL_' + 'a'.repeat(32)],
    ['ow_abcdefghijk1_' + 'a'.repeat(32)],
    ['xx_abcdefghijkl_' + 'a'.repeat(32)],
    [' ow_abcdefghijkl_' + 'a'.repeat(32)],
    ['ow_abcdefghijkl_' + 'a'.repeat(32) + '\n'],
  ])('refuses %j as key-malformed', (text) => {
    expect(parseApiKey(text)).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', details: { reason: 'key-malformed' } } });
  });

  it('refuses any text that is not of the form', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!/^ow_[a-z2-7]{12}_[a-z2-7]{32}$/.test(text));
        expect(parseApiKey(text).ok).toBe(false);
      }),
    );
  });
});
