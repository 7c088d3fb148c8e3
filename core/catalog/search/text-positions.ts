/**
 * A catalog text as the search sees it: one position per non-space UTF-16 unit, with its folded code, its
 * readings (packed syllable ids) and the mask of their first letters. Stored column-wise in typed arrays so the
 * index keeps every text in four flat arrays.
 */
import { foldCode } from './fold-text.ts';
import { PACKED_FIRST_CODE, type PinyinTable } from './pinyin-table.ts';

export interface PositionStore {
  readonly codes: Uint16Array;
  readonly readings: Uint32Array;
  readonly initials: Uint32Array;
  /** UTF-16 index of the position in the original text. */
  readonly offsets: Uint16Array;
}

export function allocatePositionStore(capacity: number): PositionStore {
  return {
    codes: new Uint16Array(capacity),
    readings: new Uint32Array(capacity),
    initials: new Uint32Array(capacity),
    offsets: new Uint16Array(capacity),
  };
}

/**
 * Writes a text's positions at `at` (capacity: text.length) and returns how many it wrote. Runs for every char
 * of the catalog at cold start, so the folding and table lookups are written out inline.
 */
export function writeTextPositions(table: PinyinTable, text: string, store: PositionStore, at: number): number {
  const { codes, readings, initials, offsets } = store;
  const { packed, initials: syllableInitials } = table;
  let n = 0;
  // Texts longer than 65,535 units would overflow the offsets; no matter name comes close.
  const length = Math.min(text.length, 0xffff);
  for (let i = 0; i < length; i++) {
    const code = foldCode(text.charCodeAt(i));
    if (code <= 0x20 || code === 0xa0) continue;
    const index = code - PACKED_FIRST_CODE;
    const r = index >= 0 && index < packed.length ? packed[index]! : 0;
    let mask = 0;
    if (r !== 0) {
      mask = 1 << syllableInitials[(r & 0x3ff) - 1]!;
      if (r >>> 10 !== 0) mask |= 1 << syllableInitials[((r >>> 10) & 0x3ff) - 1]!;
      if (r >>> 20 !== 0) mask |= 1 << syllableInitials[(r >>> 20) - 1]!;
    }
    codes[at + n] = code;
    readings[at + n] = r;
    initials[at + n] = mask;
    offsets[at + n] = i;
    n++;
  }
  return n;
}
