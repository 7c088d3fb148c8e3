/** An application's member choices for a bundle (一件事): one matter per member, or a coded refusal. */
import { findMatter, type CatalogIndex } from '../catalog/catalog-index.ts';
import type { Bundle, BundleMember, Matter } from '../catalog/types.ts';
import { err, ok, type Result } from '../result.ts';

/** Why a choice was refused, in `details.reason` of BUNDLE_CHOICE_INVALID. */
export type BundleChoiceProblem =
  /** A key in `choices` or `include` names no member of the bundle. */
  | 'unknown-member'
  /** The member offers several matters and `choices` picks none. */
  | 'choice-required'
  /** The chosen code names no matter of the catalog. */
  | 'unknown-matter'
  /** The chosen matter exists but is not one of the member's alternatives. */
  | 'not-an-alternative'
  /** A 基本编码 matches several of the member's alternatives: the 实施编码 is needed. */
  | 'ambiguous-choice';

const refuse = (member: string, reason: BundleChoiceProblem, more?: Record<string, unknown>): Result<never> =>
  err('BUNDLE_CHOICE_INVALID', { member, reason, ...more });

const hasMember = (bundle: Bundle, key: string): boolean => bundle.members.some((m) => m.key === key);

/**
 * One matter per member, keyed by member key in the bundle's member order. Required members are always
 * taken; an optional one only when named in `include` or given a choice. A member with one alternative
 * needs no choice; with several, `choices[key]` names one of them by 实施编码 or 基本编码.
 * The first problem found is returned (unknown keys first, then members in bundle order).
 */
export const selectBundleMatters = (
  bundle: Bundle,
  index: CatalogIndex,
  choices: Readonly<Record<string, string>>,
  include: readonly string[] = [],
): Result<ReadonlyMap<string, Matter>> => {
  for (const key of Object.keys(choices)) if (!hasMember(bundle, key)) return refuse(key, 'unknown-member');
  for (const key of include) if (!hasMember(bundle, key)) return refuse(key, 'unknown-member');
  const selected = new Map<string, Matter>();
  for (const member of bundle.members) {
    // Object.hasOwn: a member keyed `constructor` must not pick up Object.prototype's.
    const choice = Object.hasOwn(choices, member.key) ? choices[member.key] : undefined;
    if (member.optional && choice === undefined && !include.includes(member.key)) continue;
    const picked = pickAlternative(member, index, choice);
    if (!picked.ok) return picked;
    selected.set(member.key, picked.value);
  }
  return ok(selected);
};

const pickAlternative = (member: BundleMember, index: CatalogIndex, choice: string | undefined): Result<Matter> => {
  const alternatives = member.matterCodes;
  if (choice === undefined) {
    if (alternatives.length !== 1) return refuse(member.key, 'choice-required', { alternatives });
    return resolveAlternative(member, index, alternatives[0]!);
  }
  const wanted = findMatter(index, choice);
  if (!wanted.ok) return refuse(member.key, 'unknown-matter', { choice });
  // findMatter resolves a 基本编码 to the first variant in catalog order, which need not be the member's
  // alternative (新办/变更 variants share one): match a basic code against the alternatives' basic codes.
  const byBasicCode = wanted.value.code !== choice && wanted.value.code !== choice.trim().toUpperCase();
  let match: Matter | undefined;
  for (const code of alternatives) {
    const alternative = resolveAlternative(member, index, code);
    if (!alternative.ok) return alternative;
    const same = byBasicCode ? alternative.value.basicCode === wanted.value.basicCode : alternative.value === wanted.value;
    if (!same) continue;
    if (match) return refuse(member.key, 'ambiguous-choice', { choice, alternatives });
    match = alternative.value;
  }
  return match ? ok(match) : refuse(member.key, 'not-an-alternative', { choice, alternatives });
};

/** validateCatalog guarantees every alternative exists; a hand-built bundle may not. */
const resolveAlternative = (member: BundleMember, index: CatalogIndex, code: string): Result<Matter> => {
  const found = findMatter(index, code);
  return found.ok ? found : err('MATTER_NOT_FOUND', { code, member: member.key });
};
