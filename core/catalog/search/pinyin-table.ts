/**
 * The char → toneless pinyin table, decoded once from the compact generated strings in pinyin-table-data.ts.
 * Readings are syllable ids (0..syllableCount-1); each char has up to three, its default reading first.
 */
import { ALTERNATE_READINGS, PRIMARY_READINGS } from './pinyin-table-data.ts';

/** Hanzi the table can cover: CJK Extension A and the Unified Ideographs block. */
export const PACKED_FIRST_CODE = 0x3400;
const FIRST_CODE = PACKED_FIRST_CODE;
const LAST_CODE = 0x9fff;
/** Three 10-bit slots of (syllable id + 1) per char, 0 meaning "no reading". */
const SLOT_BITS = 10;
const SLOT_MASK = (1 << SLOT_BITS) - 1;
export const MAX_READINGS = 3;

export interface PinyinTable {
  /** Syllable spellings by id, ü written `v`. */
  readonly syllables: readonly string[];
  readonly syllableIds: ReadonlyMap<string, number>;
  /** First letter of each syllable (0 = `a`). */
  readonly initials: Uint8Array;
  /** Packed readings per code point from FIRST_CODE. */
  readonly packed: Uint32Array;
}

let table: PinyinTable | undefined;

/** Decodes the table on first use (module scope, so once per isolate). */
export function loadPinyinTable(): PinyinTable {
  table ??= decodePinyinTable();
  return table;
}

function decodePinyinTable(): PinyinTable {
  const syllables: string[] = [];
  const syllableIds = new Map<string, number>();
  const packed = new Uint32Array(LAST_CODE - FIRST_CODE + 1);
  const decode = (source: string): void => {
    let spelling = '';
    let id = -1;
    for (let i = 0; i < source.length; i++) {
      const code = source.charCodeAt(i);
      if (code >= 0x61 && code <= 0x7a) {
        spelling += source[i];
        continue;
      }
      if (spelling !== '') {
        id = syllableIds.get(spelling) ?? -1;
        if (id < 0) {
          id = syllables.length;
          syllables.push(spelling);
          syllableIds.set(spelling, id);
        }
        spelling = '';
      }
      if (code < FIRST_CODE || code > LAST_CODE || id < 0) continue;
      const slotIndex = code - FIRST_CODE;
      let value = packed[slotIndex] ?? 0;
      let shift = 0;
      while (shift < SLOT_BITS * MAX_READINGS && ((value >>> shift) & SLOT_MASK) !== 0) shift += SLOT_BITS;
      if (shift < SLOT_BITS * MAX_READINGS) value |= (id + 1) << shift;
      packed[slotIndex] = value >>> 0;
    }
  };
  decode(PRIMARY_READINGS);
  decode(ALTERNATE_READINGS);
  const initials = Uint8Array.from(syllables, (s) => s.charCodeAt(0) - 0x61);
  return { syllables, syllableIds, initials, packed };
}

/** Packed readings of a UTF-16 code unit (0 when it is not a hanzi the table knows). */
export function lookupPackedReadings(t: PinyinTable, code: number): number {
  if (code < FIRST_CODE || code > LAST_CODE) return 0;
  return t.packed[code - FIRST_CODE] ?? 0;
}

/** Syllable ids of packed readings, default reading first. */
export function unpackReadings(packed: number): number[] {
  const ids: number[] = [];
  for (let shift = 0; shift < SLOT_BITS * MAX_READINGS; shift += SLOT_BITS) {
    const slot = (packed >>> shift) & SLOT_MASK;
    if (slot !== 0) ids.push(slot - 1);
  }
  return ids;
}

/** Whether two packed reading sets share a syllable. */
export function shareReading(a: number, b: number): boolean {
  for (let i = 0; i < SLOT_BITS * MAX_READINGS; i += SLOT_BITS) {
    const x = (a >>> i) & SLOT_MASK;
    if (x === 0) return false;
    for (let j = 0; j < SLOT_BITS * MAX_READINGS; j += SLOT_BITS) {
      const y = (b >>> j) & SLOT_MASK;
      if (y === 0) break;
      if (x === y) return true;
    }
  }
  return false;
}

/** Whether packed readings include a syllable id. */
export function hasReading(packed: number, syllableId: number): boolean {
  const slot = syllableId + 1;
  return (
    (packed & SLOT_MASK) === slot ||
    ((packed >>> SLOT_BITS) & SLOT_MASK) === slot ||
    ((packed >>> (2 * SLOT_BITS)) & SLOT_MASK) === slot
  );
}

/** Bit mask (bit 0 = `a`) of the first letters of the readings: what an abbreviation like `sfz` matches. */
export function maskInitials(t: PinyinTable, packed: number): number {
  let mask = 0;
  for (let shift = 0; shift < SLOT_BITS * MAX_READINGS; shift += SLOT_BITS) {
    const slot = (packed >>> shift) & SLOT_MASK;
    if (slot === 0) break;
    mask |= 1 << (t.initials[slot - 1] ?? 0);
  }
  return mask;
}
