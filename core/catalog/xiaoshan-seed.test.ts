import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildSeed } from '../../scripts/build-catalog/build-seed.ts';
import { computeCreditCheckChar } from '../../scripts/build-catalog/credit-code.ts';
import { readRequiredMatters, readTsv, REFERENCE_DIR } from '../../scripts/build-catalog/read-reference.ts';
import { formatSeed } from '../../scripts/build-catalog/write-seed.ts';

const SEED = fileURLToPath(new URL('./data/xiaoshan-seed.json', import.meta.url));
// The generator reads ../shared/reference, which exists in the workspace but not in every checkout.
const haveReference = existsSync(REFERENCE_DIR);

describe('the seed generator', () => {
  it('computes the GB 32100 check character of the worked example', () => {
    expect(computeCreditCheckChar('91370200264574251')).toBe('E');
  });

  it.skipIf(!haveReference)('is deterministic: two runs, one output', () => {
    const once = formatSeed(buildSeed(readTsv(), readRequiredMatters()));
    const twice = formatSeed(buildSeed(readTsv(), readRequiredMatters()));
    expect(twice).toBe(once);
  });

  it.skipIf(!haveReference)('produced the committed seed (rerun scripts/build-catalog/main.ts after changing it)', () => {
    expect(readFileSync(SEED, 'utf8')).toBe(formatSeed(buildSeed(readTsv(), readRequiredMatters())));
  });

  it('stores one matter per line, so a review diff shows which matters changed', () => {
    const lines = readFileSync(SEED, 'utf8').split('\n');
    const seed = JSON.parse(lines.join('\n')) as { matters: unknown[] };
    expect(lines.filter((l) => l.startsWith('    {"name":')).length).toBe(seed.matters.length);
  });
});
