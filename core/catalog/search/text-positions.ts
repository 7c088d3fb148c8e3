/**
 * A catalog text as the search sees it: one position per non-space UTF-16 unit, with its folded code, its
 * readings (packed syllable ids) and the mask of their first letters. Stored column-wise in typed arrays so the
 * index keeps every text in three flat arrays.
 */
import { foldCode, isSpaceCode } from './fold-text.ts';
import { lookupPackedReadings, maskInitials, type PinyinTable } from './pinyin-table.ts';

export interface PositionStore {
  readonly codes: Uint16Array;
  readonly readings: Uint32Array;
  readonly initials: Uint32Array;
}

export function allocatePositionStore(capacity: number): PositionStore {
  return {
    codes: new Uint16Array(capacity),
    readings: new Uint32Array(capacity),
    initials: new Uint32Array(capacity),
  };
}

/**
 * Writes a text's positions at `at` (capacity: text.length) and returns how many it wrote: the plain way, for
 * the oracle. The fast index writes the same positions in index-texts.ts, tuned for a cold start.
 */
export function writeTextPositions(table: PinyinTable, text: string, store: PositionStore, at: number): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = foldCode(text.charCodeAt(i));
    if (isSpaceCode(code)) continue;
    const readings = lookupPackedReadings(table, code);
    store.codes[at + n] = code;
    store.readings[at + n] = readings;
    store.initials[at + n] = maskInitials(table, readings);
    n++;
  }
  return n;
}

/** UTF-16 index in `text` of its position k (its k-th char that is not a space once folded). */
export function locatePosition(text: string, k: number): number {
  let left = k;
  for (let i = 0; i < text.length; i++) {
    if (isSpaceCode(foldCode(text.charCodeAt(i)))) continue;
    if (left-- === 0) return i;
  }
  return text.length;
}
