/**
 * Splits typed letters into pinyin syllables, falling back to single letters read as initials, so that
 * `shenfenzheng`, `sfz` and `shenfz` all become unit sequences the index understands.
 */
import type { PinyinTable } from './pinyin-table.ts';

export type LatinUnit =
  | { readonly kind: 'syllable'; readonly syllable: number; /** first letter, 0 = `a` */ readonly letter: number }
  | { readonly kind: 'initial'; readonly letter: number };

/** A letter read as an initial costs more than a whole syllable: prefer syllables wherever they fit. */
const SYLLABLE_COST = 1;
const INITIAL_COST = 4;
const LONGEST_SYLLABLE = 6;
/** Spellings people type for ü-syllables besides the table's `v`. */
const SPELLING_VARIANTS: Readonly<Record<string, string>> = { lue: 'lve', nue: 'nve' };

/** Syllable id of a spelling, or -1. */
export function lookupSyllable(table: PinyinTable, spelling: string): number {
  return table.syllableIds.get(spelling) ?? table.syllableIds.get(SPELLING_VARIANTS[spelling] ?? '') ?? -1;
}

/**
 * Cheapest segmentation of lowercase letters; among equals, the longest syllable first
 * (`fangan` → fang an, `xian` → xian): the usual reading, and deterministic.
 */
export function segmentPinyin(table: PinyinTable, letters: string): LatinUnit[] {
  const n = letters.length;
  const suffixCost = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let best = INITIAL_COST + (suffixCost[i + 1] ?? 0);
    for (let len = 1; len <= LONGEST_SYLLABLE && i + len <= n; len++) {
      if (lookupSyllable(table, letters.slice(i, i + len)) < 0) continue;
      best = Math.min(best, SYLLABLE_COST + (suffixCost[i + len] ?? 0));
    }
    suffixCost[i] = best;
  }
  const units: LatinUnit[] = [];
  let i = 0;
  while (i < n) {
    const target = suffixCost[i] ?? 0;
    let step = 0;
    for (let len = Math.min(LONGEST_SYLLABLE, n - i); len >= 1; len--) {
      const syllable = lookupSyllable(table, letters.slice(i, i + len));
      if (syllable >= 0 && SYLLABLE_COST + (suffixCost[i + len] ?? 0) === target) {
        units.push({ kind: 'syllable', syllable, letter: table.initials[syllable] ?? 0 });
        step = len;
        break;
      }
    }
    if (step === 0) {
      units.push({ kind: 'initial', letter: letters.charCodeAt(i) - 0x61 });
      step = 1;
    }
    i += step;
  }
  return units;
}

/** Every letter as an initial: the other reading of short inputs (`ba` may be 办案, not the syllable ba). */
export function readAsInitials(letters: string): LatinUnit[] {
  return [...letters].map((ch) => ({ kind: 'initial', letter: ch.charCodeAt(0) - 0x61 }) as const);
}
