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
  /** Syllable ids by first letter: what a typed initial stands for. */
  readonly syllablesByInitial: readonly (readonly number[])[];
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
  // Runs of letters name a syllable; every hanzi after it reads it. Written for a cold start: one pass,
  // one charCodeAt per char, one slice per syllable run.
  const decode = (source: string, primary: boolean): void => {
    const n = source.length;
    let slot = 0;
    for (let i = 0; i < n; i++) {
      const code = source.charCodeAt(i);
      if (code <= 0x7a) {
        let j = i + 1;
        while (j < n && source.charCodeAt(j) <= 0x7a) j++;
        const spelling = source.slice(i, j);
        let id = syllableIds.get(spelling);
        if (id === undefined) {
          id = syllables.length;
          syllables.push(spelling);
          syllableIds.set(spelling, id);
        }
        slot = id + 1;
        i = j - 1;
        continue;
      }
      const index = code - FIRST_CODE;
      if (index < 0 || index >= packed.length) continue;
      if (primary) {
        packed[index] = slot;
        continue;
      }
      // The first free 10-bit slot; a fourth reading is dropped.
      const value = packed[index]!;
      if ((value & SLOT_MASK) === 0) packed[index] = slot;
      else if (((value >>> SLOT_BITS) & SLOT_MASK) === 0) packed[index] = value | (slot << SLOT_BITS);
      else if (value >>> (2 * SLOT_BITS) === 0) packed[index] = value | (slot << (2 * SLOT_BITS));
    }
  };
  decode(PRIMARY_READINGS, true);
  decode(ALTERNATE_READINGS, false);
  const initials = new Uint8Array(syllables.length);
  const syllablesByInitial: number[][] = Array.from({ length: 26 }, () => []);
  syllables.forEach((spelling, id) => {
    initials[id] = spelling.charCodeAt(0) - 0x61;
    syllablesByInitial[initials[id]]?.push(id);
  });
  return { syllables, syllableIds, initials, syllablesByInitial, packed };
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

/** Whether two packed reading sets share a syllable (unrolled: it runs for every verified position). */
export function shareReading(a: number, b: number): boolean {
  if (a === 0 || b === 0) return false;
  const b0 = b & SLOT_MASK;
  const b1 = (b >>> SLOT_BITS) & SLOT_MASK;
  const b2 = b >>> (2 * SLOT_BITS);
  let x = a & SLOT_MASK;
  if (x === b0 || x === b1 || x === b2) return true;
  x = (a >>> SLOT_BITS) & SLOT_MASK;
  if (x !== 0 && (x === b0 || x === b1 || x === b2)) return true;
  x = a >>> (2 * SLOT_BITS);
  return x !== 0 && (x === b0 || x === b1 || x === b2);
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
