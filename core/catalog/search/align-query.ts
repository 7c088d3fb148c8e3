/**
 * Where a query's units sit in a text: the whole query as one contiguous run (which earns the contiguity
 * bonus), or else the longest run (only for highlighting). Each unit matches a position at a level:
 * exact char > same-sound char > typed syllable > typed initial.
 */
import { hasReading, shareReading } from './pinyin-table.ts';
import type { QueryUnit } from './plan-query.ts';
import type { PositionStore } from './text-positions.ts';

export type MatchVia = 'text' | 'pinyin' | 'initials' | 'homophone';

export interface Alignment {
  /** First matched position (store index). */
  readonly from: number;
  readonly length: number;
  readonly via: MatchVia;
}

const EXACT = 4;
const HOMOPHONE = 3;
const SYLLABLE = 2;
const INITIAL = 1;

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

/**
 * The best place where units [u, u+len) match positions [p, p+len): highest level sum, then earliest.
 * With `whole`, only runs of the whole query count; otherwise the longest run of any part of it.
 */
export function alignQuery(
  units: readonly QueryUnit[],
  store: PositionStore,
  from: number,
  to: number,
  whole: boolean,
): Alignment | undefined {
  const n = units.length;
  let bestFrom = -1;
  let bestLength = 0;
  let bestSum = 0;
  let bestUnit = 0;
  for (let p = from; p < to; p++) {
    for (let u = 0; u < (whole ? 1 : n); u++) {
      let length = 0;
      let sum = 0;
      while (u + length < n && p + length < to) {
        const level = matchUnit(units[u + length] as QueryUnit, store, p + length);
        if (level === 0) break;
        sum += level;
        length++;
      }
      if (whole && length < n) continue;
      if (length > bestLength || (length === bestLength && sum > bestSum)) {
        bestFrom = p;
        bestLength = length;
        bestSum = sum;
        bestUnit = u;
      }
    }
  }
  if (bestLength === 0) return undefined;
  return { from: bestFrom, length: bestLength, via: describeVia(units, store, bestFrom, bestUnit, bestLength) };
}

function describeVia(
  units: readonly QueryUnit[],
  store: PositionStore,
  p: number,
  u: number,
  length: number,
): MatchVia {
  let via: MatchVia = 'text';
  for (let k = 0; k < length; k++) {
    const unit = units[u + k] as QueryUnit;
    if (unit.kind === 'initial') return 'initials';
    if (unit.kind === 'syllable') via = 'pinyin';
    else if (via === 'text' && matchUnit(unit, store, p + k) === HOMOPHONE) via = 'homophone';
  }
  return via;
}

/** Texts are ranked shorter-first among equal matches: a short name is the more specific answer. */
export function scaleByLength(positionCount: number): number {
  return 1 / (1 + 0.02 * positionCount);
}

/** The contiguity bonus: the whole query found in one run, more so when it covers the text or starts it. */
export function scaleByContiguity(whole: Alignment | undefined, textFrom: number, textLength: number): number {
  if (whole === undefined) return 1;
  const coverage = whole.length / textLength;
  const base = whole.via === 'text' || whole.via === 'pinyin' ? 1.5 : 1.3;
  return base + coverage + (whole.from === textFrom ? 0.1 : 0);
}
