/**
 * The features a text is indexed under and a query looks up: char unigrams and bigrams (exact words), syllable
 * unigrams and bigrams (typed pinyin, same-sound typos) and initial-letter bigrams (abbreviations like `sfz`).
 * Each feature is a kind and an integer key; one enumeration serves the index and the oracle alike.
 */
import type { PositionStore } from './text-positions.ts';

export const CHAR_UNIGRAM = 0;
export const CHAR_BIGRAM = 1;
export const SYLLABLE_UNIGRAM = 2;
export const SYLLABLE_BIGRAM = 3;
export const INITIAL_BIGRAM = 4;
export type FeatureKind = 0 | 1 | 2 | 3 | 4;

/**
 * Weight of each kind before IDF. An exact bigram also matches its syllable bigram, so exact text outscores a
 * same-sound typo; unigrams only nudge (they mostly say "this char occurs somewhere").
 */
export const KIND_WEIGHTS: readonly number[] = [0.2, 1, 0.5, 0.6, 0.5];

const SLOT_MASK = 0x3ff;

/** Key of a syllable pair (ids below 1024). */
export function pairSyllables(a: number, b: number): number {
  return a * 1024 + b;
}

/** Key of an initial-letter pair (letters 0..25). */
export function pairLetters(a: number, b: number): number {
  return a * 32 + b;
}

/** Key of a char pair (UTF-16 units). */
export function pairChars(a: number, b: number): number {
  return a * 65536 + b;
}

/** Kind and key as one exact number, for sets and maps. */
export function encodeFeature(kind: FeatureKind, key: number): number {
  return kind * 4294967296 + key;
}

/** Feature weight: the kind's weight times IDF over the distinct texts. */
export function weighFeature(kind: FeatureKind, documentFrequency: number, textCount: number): number {
  return (KIND_WEIGHTS[kind] ?? 0) * Math.log(1 + textCount / documentFrequency);
}

/** Calls `visit` for every feature of positions [from, to); a feature may repeat (callers deduplicate). */
export function forEachTextFeature(
  store: PositionStore,
  from: number,
  to: number,
  visit: (kind: FeatureKind, key: number) => void,
): void {
  const { codes, readings, initials } = store;
  for (let p = from; p < to; p++) {
    const code = codes[p] ?? 0;
    const r = readings[p] ?? 0;
    visit(CHAR_UNIGRAM, code);
    for (let s = 0; s < 30; s += 10) {
      const slot = (r >>> s) & SLOT_MASK;
      if (slot !== 0) visit(SYLLABLE_UNIGRAM, slot - 1);
    }
    if (p + 1 >= to) continue;
    visit(CHAR_BIGRAM, pairChars(code, codes[p + 1] ?? 0));
    const next = readings[p + 1] ?? 0;
    for (let s = 0; s < 30 && next !== 0; s += 10) {
      const a = (r >>> s) & SLOT_MASK;
      if (a === 0) break;
      for (let u = 0; u < 30; u += 10) {
        const b = (next >>> u) & SLOT_MASK;
        if (b === 0) break;
        visit(SYLLABLE_BIGRAM, pairSyllables(a - 1, b - 1));
      }
    }
    const maskB = initials[p + 1] ?? 0;
    // Walk the set bits only: a char has at most three readings, so at most nine letter pairs.
    for (let ma = initials[p] ?? 0; ma !== 0; ma &= ma - 1) {
      const a = 31 - Math.clz32(ma & -ma);
      for (let mb = maskB; mb !== 0; mb &= mb - 1) visit(INITIAL_BIGRAM, pairLetters(a, 31 - Math.clz32(mb & -mb)));
    }
  }
}
