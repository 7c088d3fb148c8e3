/**
 * What the index stores per text: char unigrams and bigrams (exact words) and syllable bigrams (every reading
 * pair of adjacent chars: typed pinyin, initials and same-sound typos all resolve to these).
 */

/** Key of a char pair (UTF-16 units) in the index's char-pair map. */
export function pairChars(a: number, b: number): number {
  return a * 65536 + b;
}
