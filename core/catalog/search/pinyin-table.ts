/**
 * The char → toneless pinyin table, read straight from the generated strings in pinyin-table-data.ts: a
 * char's readings are one string unit looked up by code point, so nothing is decoded per char at isolate
 * start. Readings are syllable ids (0..syllableCount-1); each char has up to three, its default reading first.
 * Packed readings: three 10-bit slots of (syllable id + 1), 0 meaning "no reading".
 */
import { FIRST_CODE, POLYPHONIC, POLYPHONIC_BASE, READINGS, SYLLABLES, UNIT_OFFSET } from './pinyin-table-data.ts';

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
  /** Code point of the first unit of `units`: every char the table covers is a hanzi from here on. */
  readonly firstCode: number;
  /** One unit per code point from firstCode (see pinyin-table-data.ts). */
  readonly units: string;
  /** Packed readings by unit: a char's readings are packedByUnit[units.charCodeAt(code - firstCode)]. */
  readonly packedByUnit: Uint32Array;
}

let table: PinyinTable | undefined;

/** Builds the table on first use (module scope, so once per isolate): only the syllables and polyphonic chars. */
export function loadPinyinTable(): PinyinTable {
  table ??= decodePinyinTable();
  return table;
}

function decodePinyinTable(): PinyinTable {
  const syllables = SYLLABLES.split(' ');
  const syllableIds = new Map<string, number>();
  const initials = new Uint8Array(syllables.length);
  const syllablesByInitial: number[][] = Array.from({ length: 26 }, () => []);
  syllables.forEach((spelling, id) => {
    syllableIds.set(spelling, id);
    initials[id] = spelling.charCodeAt(0) - 0x61;
    syllablesByInitial[initials[id]]?.push(id);
  });
  // A unit of one reading stands for its packed readings; a polyphonic char's unit, for an entry of POLYPHONIC.
  const base = UNIT_OFFSET + POLYPHONIC_BASE;
  const packedByUnit = new Uint32Array(base + POLYPHONIC.length / MAX_READINGS);
  for (let slot = 1; slot < POLYPHONIC_BASE; slot++) packedByUnit[UNIT_OFFSET + slot] = slot;
  for (let k = 0; k < POLYPHONIC.length; k += MAX_READINGS) {
    let packed = 0;
    for (let i = 0; i < MAX_READINGS; i++) packed |= (POLYPHONIC.charCodeAt(k + i) - UNIT_OFFSET) << (SLOT_BITS * i);
    packedByUnit[base + k / MAX_READINGS] = packed;
  }
  return { syllables, syllableIds, initials, syllablesByInitial, firstCode: FIRST_CODE, units: READINGS, packedByUnit };
}

/** Packed readings of a UTF-16 code unit (0 when it is not a hanzi the table knows). */
export function lookupPackedReadings(t: PinyinTable, code: number): number {
  const index = code - t.firstCode;
  if (index < 0 || index >= t.units.length) return 0;
  return t.packedByUnit[t.units.charCodeAt(index)] ?? 0;
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
