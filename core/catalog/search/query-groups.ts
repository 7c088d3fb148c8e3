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

/** Identity of a group, to count a repeated word once. */
export function identifyGroup(group: QueryGroup): string {
  switch (group.kind) {
    case 'char':
      return `c${group.code}`;
    case 'char-pair':
      return `p${group.first},${group.second}`;
    case 'sound-pair':
      return `s${group.weight}:${group.first.join(',')}|${group.second.join(',')}`;
    case 'sound':
      return `o${group.syllables.join(',')}`;
  }
}
