import type { OnlineDepth } from '../catalog/types.ts';
import { err, ok, type Result } from '../result.ts';

/** 网上办理深度 from least (I: information only) to most (IV: fully online, no visit). */
const DEPTH_RANK: Readonly<Record<OnlineDepth, number>> = { I: 1, II: 2, III: 3, IV: 4 };

/** What an owner tenant opens to its partners (跨区域通办), as its registry entry states it. */
export interface CrossRegionPolicy {
  readonly partners: readonly string[];
  readonly minOnlineDepth: OnlineDepth;
  readonly matterCodes: readonly string[];
}

/** The little of a matter the rule reads. */
export interface CrossRegionMatter {
  readonly code: string;
  readonly basicCode?: string;
  readonly onlineDepth: OnlineDepth;
}

/**
 * Whether a partner may submit this matter: deep enough online (a matter the owner can accept without the
 * applicant at its own hall can be accepted at another's), or listed by code (实施编码 or 基本编码).
 */
export const isCrossRegionMatter = (policy: CrossRegionPolicy, matter: CrossRegionMatter): boolean =>
  DEPTH_RANK[matter.onlineDepth] >= DEPTH_RANK[policy.minOnlineDepth] ||
  policy.matterCodes.includes(matter.code) ||
  (matter.basicCode !== undefined && policy.matterCodes.includes(matter.basicCode));

/**
 * 跨区域通办: may `submitter` file these matters with `owner`? Its own tenant always may. Otherwise the owner must
 * list the submitter as a partner and every matter must qualify (a bundle is refused whole: half a 一件事 filed
 * across regions would leave the applicant with two halls to visit). Refusal names the matters that failed, so
 * the front desk can tell the applicant which to file at the owner's hall.
 */
export const checkCrossRegion = (
  owner: { readonly id: string; readonly crossRegion: CrossRegionPolicy },
  submitter: string,
  matters: readonly CrossRegionMatter[],
): Result<void> => {
  if (owner.id === submitter) return ok(undefined);
  if (!owner.crossRegion.partners.includes(submitter)) {
    return err('CROSS_REGION_NOT_ALLOWED', { ownerTenant: owner.id, submittedBy: submitter, reason: 'not-a-partner' });
  }
  const refused = matters.filter((matter) => !isCrossRegionMatter(owner.crossRegion, matter)).map((matter) => matter.code);
  return refused.length === 0
    ? ok(undefined)
    : err('CROSS_REGION_NOT_ALLOWED', {
        ownerTenant: owner.id,
        submittedBy: submitter,
        reason: 'matter-not-open',
        matterCodes: refused,
        minOnlineDepth: owner.crossRegion.minOnlineDepth,
      });
};
