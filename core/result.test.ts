import { describe, expect, it } from 'vitest';
import { err, ok } from './result.ts';

describe('result', () => {
  it('carries a value or a coded error', () => {
    expect(ok(3)).toEqual({ ok: true, value: 3 });
    expect(err('MATTER_NOT_FOUND', { code: 'x' })).toEqual({ ok: false, error: { code: 'MATTER_NOT_FOUND', details: { code: 'x' } } });
  });
});
