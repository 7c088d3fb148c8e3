/**
 * The distinct texts a catalog is searched by: each matter name once (a national catalog repeats a name in
 * every region that implements it) and each alias phrase once, each with the matters it leads to. The lists
 * come out flat (one offsets array, one matters array), built with plain loops: this runs at cold start.
 */
import type { CatalogDocument } from '../types.ts';

export interface SearchTexts {
  /** Distinct matter names in catalog order, then distinct alias phrases in alias order. */
  readonly texts: readonly string[];
  /** Texts below this index are matter names; the rest are alias phrases. */
  readonly nameCount: number;
  /**
   * Matters of text t are textMatters[matterStart[t] .. matterStart[t + 1]), best first: by the alias's own
   * order of its matter names (an alias lists the matter it most likely means first), then catalog order.
   */
  readonly matterStart: Int32Array;
  readonly textMatters: Int32Array;
  /** Per entry of textMatters: the score factor of the matter's rank in its alias (1 for names). */
  readonly matterFactors: Float64Array;
}

/** An alias's later matters score a little lower, so its listed order decides ties between them. */
export function scaleByAliasRank(rank: number): number {
  return 1 - 0.001 * rank;
}

export function collectSearchTexts(catalog: CatalogDocument): SearchTexts {
  const { matters, aliases } = catalog;
  const matterCount = matters.length;
  const texts: string[] = [];
  const nameText = new Map<string, number>();
  const matterText = new Int32Array(matterCount);
  for (let m = 0; m < matterCount; m++) {
    const name = (matters[m] as CatalogDocument['matters'][number]).name;
    let t = nameText.get(name);
    if (t === undefined) {
      t = texts.length;
      nameText.set(name, t);
      texts.push(name);
    }
    matterText[m] = t;
  }
  const nameCount = texts.length;

  // Each alias phrase once, with the names it targets in its own order (a name listed twice counts once).
  const aliasPhrases: string[] = [];
  const aliasTargets: number[][] = [];
  const aliasText = new Map<string, number>();
  for (const alias of aliases) {
    const phrase = alias.phrase.trim();
    if (phrase === '') continue;
    let a = aliasText.get(phrase);
    if (a === undefined) {
      a = aliasTargets.length;
      aliasText.set(phrase, a);
      aliasPhrases.push(phrase);
      aliasTargets.push([]);
    }
    const targets = aliasTargets[a] as number[];
    for (const name of alias.matterNames) {
      const t = nameText.get(name);
      if (t !== undefined && !targets.includes(t)) targets.push(t);
    }
  }

  // A name's matters in catalog order: count per name, then place (a counting sort by name).
  const nameStart = new Int32Array(nameCount + 1);
  for (let m = 0; m < matterCount; m++) nameStart[matterText[m]! + 1]!++;
  for (let t = 0; t < nameCount; t++) nameStart[t + 1]! += nameStart[t]!;
  const fill = nameStart.slice(0, nameCount);

  let aliasEntries = 0;
  for (const targets of aliasTargets) {
    for (const t of targets) aliasEntries += (nameStart[t + 1] as number) - (nameStart[t] as number);
  }
  const textMatters = new Int32Array(matterCount + aliasEntries);
  for (let m = 0; m < matterCount; m++) textMatters[fill[matterText[m]!]!++] = m;
  const matterFactors = new Float64Array(textMatters.length).fill(1);
  const matterStart = new Int32Array(nameCount + aliasTargets.length + 1);
  matterStart.set(nameStart);

  let at = matterCount;
  for (let a = 0; a < aliasTargets.length; a++) {
    const targets = aliasTargets[a] as number[];
    // An alias whose matters this catalog does not implement leads nowhere: leave it out.
    if (targets.length === 0) continue;
    for (let rank = 0; rank < targets.length; rank++) {
      const t = targets[rank] as number;
      const from = nameStart[t] as number;
      const to = nameStart[t + 1] as number;
      textMatters.set(textMatters.subarray(from, to), at);
      matterFactors.fill(scaleByAliasRank(rank), at, at + to - from);
      at += to - from;
    }
    texts.push(aliasPhrases[a] as string);
    matterStart[texts.length] = at;
  }
  return { texts, nameCount, matterStart: matterStart.slice(0, texts.length + 1), textMatters, matterFactors };
}
