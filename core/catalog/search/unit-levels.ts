/**
 * How well one query unit matches one text position: exact char > same-sound char > typed syllable >
 * typed initial (0: no match). Alignment and contiguity scoring are built on these levels.
 */
import { hasReading, shareReading } from './pinyin-table.ts';
import type { LatinUnit } from './segment-pinyin.ts';
import type { PositionStore } from './text-positions.ts';

/** One typed unit: a hanzi (with its readings), any other char, or a typed syllable or initial. */
export type QueryUnit =
  | { readonly kind: 'hanzi'; readonly code: number; readonly readings: number; readonly initials: number }
  | { readonly kind: 'char'; readonly code: number }
  | LatinUnit;

export const EXACT = 4;
export const HOMOPHONE = 3;
export const SYLLABLE = 2;
export const INITIAL = 1;

/** A reading's units as flat arrays, which the alignment loops read without a property lookup per kind. */
export interface UnitArrays {
  readonly count: number;
  /** HANZI, CHAR, SYLLABLE_UNIT or INITIAL_UNIT. */
  readonly kinds: Uint8Array;
  /** A hanzi's or char's code; a syllable's id; an initial's letter (0 = `a`). */
  readonly values: Int32Array;
  /** A hanzi's packed readings. */
  readonly readings: Int32Array;
  /** The level sum of a run where every unit matches as well as it can. */
  readonly topLevelSum: number;
  /** Whether a unit is a typed initial: matching reads the positions' initials. */
  readonly hasInitial: boolean;
}

export const HANZI_UNIT = 0;
export const CHAR_UNIT = 1;
export const SYLLABLE_UNIT = 2;
export const INITIAL_UNIT = 3;

export function flattenUnits(units: readonly QueryUnit[]): UnitArrays {
  const count = units.length;
  const kinds = new Uint8Array(count);
  const values = new Int32Array(count);
  const readings = new Int32Array(count);
  units.forEach((unit, u) => {
    if (unit.kind === 'hanzi') {
      kinds[u] = HANZI_UNIT;
      values[u] = unit.code;
      readings[u] = unit.readings;
    } else if (unit.kind === 'char') {
      kinds[u] = CHAR_UNIT;
      values[u] = unit.code;
    } else if (unit.kind === 'syllable') {
      kinds[u] = SYLLABLE_UNIT;
      values[u] = unit.syllable;
    } else {
      kinds[u] = INITIAL_UNIT;
      values[u] = unit.letter;
    }
  });
  const hasInitial = units.some((unit) => unit.kind === 'initial');
  return { count, kinds, values, readings, topLevelSum: sumTopLevels(units), hasInitial };
}

/** Level at which unit u matches position p, 0 when it does not. */
export function matchUnit(units: UnitArrays, u: number, store: PositionStore, p: number): number {
  switch (units.kinds[u]) {
    case HANZI_UNIT:
      if (store.codes[p] === units.values[u]) return EXACT;
      return shareReading(units.readings[u] as number, store.readings[p] as number) ? HOMOPHONE : 0;
    case CHAR_UNIT:
      return store.codes[p] === units.values[u] ? EXACT : 0;
    case SYLLABLE_UNIT:
      return hasReading(store.readings[p] as number, units.values[u] as number) ? SYLLABLE : 0;
    default:
      return (((store.initials[p] as number) >>> (units.values[u] as number)) & 1) !== 0 ? INITIAL : 0;
  }
}

/** The level sum of a run where every unit matches as well as it can. */
export function sumTopLevels(units: readonly QueryUnit[]): number {
  let sum = 0;
  for (const unit of units) {
    sum += unit.kind === 'hanzi' || unit.kind === 'char' ? EXACT : unit.kind === 'syllable' ? SYLLABLE : INITIAL;
  }
  return sum;
}
