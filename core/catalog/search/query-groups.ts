/**
 * The groups a query is scored by. A text matching a group earns its weight once: the group's kind weight
 * times the IDF of the group (how many texts match it at all). Groups say what they match, so the index and
 * the oracle can each decide it their own way (postings there, a scan of the text's chars here).
 */

/** An exact char anywhere in the text. */
export interface CharGroup {
  readonly kind: 'char';
  readonly code: number;
}

/** Two exact chars side by side. */
export interface CharPairGroup {
  readonly kind: 'char-pair';
  readonly first: number;
  readonly second: number;
}

/** Two adjacent chars, the first reading one of `first`, the second one of `second` (syllable ids). */
export interface SoundPairGroup {
  readonly kind: 'sound-pair';
  readonly first: readonly number[];
  readonly second: readonly number[];
  /**
   * When both sides are typed initials (every syllable of a letter): first letter × 26 + second (0 = `a`);
   * else -1. The index keeps such a pair's texts once gathered (26 × 26 at most): hundreds of syllable pairs.
   */
  readonly initials: number;
}

/** A char reading one of `syllables`, next to another char that has a reading (a lone syllable typed). */
export interface SoundGroup {
  readonly kind: 'sound';
  readonly syllables: readonly number[];
}

export type QueryGroup = (CharGroup | CharPairGroup | SoundPairGroup | SoundGroup) & {
  /** Kind weight before IDF: exact words count most, sounds less, initials and lone chars least. */
  readonly weight: number;
  /** Every contiguous match of the whole query matches this group: texts missing it need no verification. */
  readonly chain: boolean;
};

export const CHAR_WEIGHT = 0.2;
export const CHAR_PAIR_WEIGHT = 1;
export const SOUND_PAIR_WEIGHT = 0.6;
export const INITIALS_PAIR_WEIGHT = 0.5;
export const SOUND_WEIGHT = 0.5;

/** A group's weight for a text that matches it, given how many of the `textCount` texts match it. */
export function weighGroup(group: QueryGroup, matchingTexts: number, textCount: number): number {
  return group.weight * Math.log(1 + textCount / matchingTexts);
}

/** Identity of a group, to count a repeated word once: a number, or a string for sound pairs. */
export function identifyGroup(group: QueryGroup): number | string {
  switch (group.kind) {
    case 'char':
      return group.code;
    case 'char-pair':
      return 2 ** 16 * (1 + group.first) + group.second;
    case 'sound':
      return 2 ** 33 + identifyList(group.syllables);
    case 'sound-pair':
      return `${group.weight}:${identifyList(group.first)}:${identifyList(group.second)}`;
  }
}

/**
 * Identity of a sorted syllable list, below 2 ** 31: up to three ids packed (a hanzi's readings, a typed
 * syllable, a short initial); a longer list is a typed initial's, known by its first syllable.
 */
function identifyList(syllables: readonly number[]): number {
  if (syllables.length > 3) return 2 ** 30 + (syllables[0] as number);
  let key = 0;
  for (let i = syllables.length - 1; i >= 0; i--) key = key * 1024 + (syllables[i] as number) + 1;
  return key;
}
