/**
 * The distinct texts a catalog is searched by: each matter name once (a national catalog repeats a name in
 * every region that implements it) and each alias phrase once, each with the matters it leads to.
 */
import type { CatalogDocument } from '../types.ts';

export interface SearchTexts {
  /** Distinct matter names in catalog order, then distinct alias phrases in alias order. */
  readonly texts: readonly string[];
  /** Texts below this index are matter names; the rest are alias phrases. */
  readonly nameCount: number;
  /**
   * Matter indices each text leads to, best first: by the alias's own order of its matter names (an alias
   * lists the matter it most likely means first), then catalog order. A name's matters are all rank 0.
   */
  readonly textMatters: readonly (readonly number[])[];
  /** Parallel to textMatters: the rank of the matter's name in the alias (0 for names). */
  readonly textRanks: readonly (readonly number[])[];
}

/** An alias's later matters score a little lower, so its listed order decides ties between them. */
export function scaleByAliasRank(rank: number): number {
  return 1 - 0.001 * rank;
}

export function collectSearchTexts(catalog: CatalogDocument): SearchTexts {
  const texts: string[] = [];
  const textMatters: number[][] = [];
  const textRanks: number[][] = [];
  const nameText = new Map<string, number>();
  catalog.matters.forEach((matter, m) => {
    let t = nameText.get(matter.name);
    if (t === undefined) {
      t = texts.length;
      nameText.set(matter.name, t);
      texts.push(matter.name);
      textMatters.push([]);
      textRanks.push([]);
    }
    textMatters[t]?.push(m);
    textRanks[t]?.push(0);
  });
  const nameCount = texts.length;
  const aliasTargets = new Map<string, Set<number>>();
  for (const alias of catalog.aliases) {
    const phrase = alias.phrase.trim();
    if (phrase === '') continue;
    const targets = aliasTargets.get(phrase) ?? new Set<number>();
    for (const name of alias.matterNames) {
      const t = nameText.get(name);
      if (t !== undefined) targets.add(t);
    }
    aliasTargets.set(phrase, targets);
  }
  for (const [phrase, targets] of aliasTargets) {
    // An alias whose matters this catalog does not implement leads nowhere: leave it out.
    if (targets.size === 0) continue;
    const matters: number[] = [];
    const ranks: number[] = [];
    let rank = 0;
    for (const t of targets) {
      for (const m of textMatters[t] ?? []) {
        matters.push(m);
        ranks.push(rank);
      }
      rank++;
    }
    texts.push(phrase);
    textMatters.push(matters);
    textRanks.push(ranks);
  }
  return { texts, nameCount, textMatters, textRanks };
}
