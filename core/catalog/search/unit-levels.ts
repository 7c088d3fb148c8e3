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

/** Level at which a unit matches the position, 0 when it does not. */
export function matchUnit(unit: QueryUnit, store: PositionStore, p: number): number {
  switch (unit.kind) {
    case 'hanzi':
      if (store.codes[p] === unit.code) return EXACT;
      return shareReading(unit.readings, store.readings[p] ?? 0) ? HOMOPHONE : 0;
    case 'char':
      return store.codes[p] === unit.code ? EXACT : 0;
    case 'syllable':
      return hasReading(store.readings[p] ?? 0, unit.syllable) ? SYLLABLE : 0;
    case 'initial':
      return (((store.initials[p] ?? 0) >>> unit.letter) & 1) !== 0 ? INITIAL : 0;
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
