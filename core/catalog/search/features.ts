/**
 * What the index stores per text: char unigrams and bigrams (exact words) and syllable bigrams (every reading
 * pair of adjacent chars: typed pinyin, initials and same-sound typos all resolve to these). A feature is a
 * kind and an integer key.
 */
export const CHAR_UNIGRAM = 0;
export const CHAR_BIGRAM = 1;
export const SYLLABLE_BIGRAM = 2;
export type FeatureKind = 0 | 1 | 2;

/** Key of a char pair (UTF-16 units). */
export function pairChars(a: number, b: number): number {
  return a * 65536 + b;
}
