import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OnlineDepth } from '../catalog/types.ts';
import { checkCrossRegion, isCrossRegionMatter, type CrossRegionPolicy } from './cross-region-eligibility.ts';

const DEPTHS: OnlineDepth[] = ['I', 'II', 'III', 'IV'];
const policy: CrossRegionPolicy = { partners: ['binjiang'], minOnlineDepth: 'III', matterCodes: ['LISTED-1'] };
const owner = { id: 'xiaoshan', crossRegion: policy };

describe('cross-region eligibility (跨区域通办)', () => {
  it('lets a tenant file its own matters whatever their depth', () => {
    expect(checkCrossRegion(owner, 'xiaoshan', [{ code: 'A', onlineDepth: 'I' }]).ok).toBe(true);
  });

  it('lets a partner file matters at least as deep online as the minimum', () => {
    expect(checkCrossRegion(owner, 'binjiang', [{ code: 'A', onlineDepth: 'III' }, { code: 'B', onlineDepth: 'IV' }]).ok).toBe(true);
  });

  it('lets a partner file a listed matter by its code or basic code whatever its depth', () => {
    expect(isCrossRegionMatter(policy, { code: 'LISTED-1', onlineDepth: 'I' })).toBe(true);
    expect(isCrossRegionMatter(policy, { code: 'X-2', basicCode: 'LISTED-1', onlineDepth: 'I' })).toBe(true);
  });

  it('refuses a tenant that is not a partner', () => {
    const refused = checkCrossRegion(owner, 'fuyang', [{ code: 'A', onlineDepth: 'IV' }]);
    expect(refused).toEqual({
      ok: false,
      error: { code: 'CROSS_REGION_NOT_ALLOWED', details: { ownerTenant: 'xiaoshan', submittedBy: 'fuyang', reason: 'not-a-partner' } },
    });
  });

  it('refuses a bundle whole when one matter does not qualify, naming it', () => {
    const refused = checkCrossRegion(owner, 'binjiang', [
      { code: 'A', onlineDepth: 'IV' },
      { code: 'B', onlineDepth: 'II' },
    ]);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error.details).toMatchObject({ reason: 'matter-not-open', matterCodes: ['B'] });
  });

  it('accepts exactly when every matter is deep enough or listed (property)', () => {
    const matter = fc.record({ code: fc.constantFrom('A', 'B', 'LISTED-1'), onlineDepth: fc.constantFrom(...DEPTHS) });
    fc.assert(
      fc.property(fc.constantFrom(...DEPTHS), fc.array(matter, { maxLength: 6 }), (minOnlineDepth, matters) => {
        const rule = { ...policy, minOnlineDepth };
        const expected = matters.every((m) => m.code === 'LISTED-1' || DEPTHS.indexOf(m.onlineDepth) >= DEPTHS.indexOf(minOnlineDepth));
        expect(checkCrossRegion({ id: 'xiaoshan', crossRegion: rule }, 'binjiang', matters).ok).toBe(expected);
      }),
    );
  });
});
