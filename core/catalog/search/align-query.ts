/**
 * Where a query's units sit in a text: the whole query as one contiguous run (which earns the contiguity
 * bonus), or else the longest run (only for highlighting).
 */
import type { PositionStore } from './text-positions.ts';
import { HOMOPHONE, INITIAL_UNIT, SYLLABLE_UNIT, matchUnit, type UnitArrays } from './unit-levels.ts';

export type MatchVia = 'text' | 'pinyin' | 'initials' | 'homophone';

export interface Alignment {
  /** First matched position (store index). */
  readonly from: number;
  readonly length: number;
  readonly via: MatchVia;
}

/**
 * The best place where units [u, u+len) match positions [p, p+len): highest level sum, then earliest.
 * With `whole`, only runs of the whole query count; otherwise the longest run of any part of it.
 */
export function alignQuery(
  units: UnitArrays,
  store: PositionStore,
  from: number,
  to: number,
  whole: boolean,
): Alignment | undefined {
  const n = units.count;
  let bestFrom = -1;
  let bestLength = 0;
  let bestSum = 0;
  let bestUnit = 0;
  // A whole run needs n positions, and none beats the first run at every unit's top level.
  const last = whole ? to - n : to - 1;
  const enough = whole ? units.topLevelSum : Infinity;
  for (let p = from; p <= last && bestSum < enough; p++) {
    for (let u = 0; u < (whole ? 1 : n); u++) {
      let length = 0;
      let sum = 0;
      while (u + length < n && p + length < to) {
        const level = matchUnit(units, u + length, store, p + length);
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

function describeVia(units: UnitArrays, store: PositionStore, p: number, u: number, length: number): MatchVia {
  let via: MatchVia = 'text';
  for (let k = 0; k < length; k++) {
    const kind = units.kinds[u + k];
    if (kind === INITIAL_UNIT) return 'initials';
    if (kind === SYLLABLE_UNIT) via = 'pinyin';
    else if (via === 'text' && matchUnit(units, u + k, store, p + k) === HOMOPHONE) via = 'homophone';
  }
  return via;
}

/** Texts are ranked shorter-first among equal matches: a short name is the more specific answer. */
export function scaleByLength(positionCount: number): number {
  return 1 / (1 + 0.02 * positionCount);
}

/** The largest contiguity bonus `units` query units can earn in a text of `textLength` positions. */
export function boundContiguity(units: number, textLength: number): number {
  return 1.6 + Math.min(1, units / textLength);
}

/** The contiguity bonus: the whole query found in one run, more so when it covers the text or starts it. */
export function scaleByContiguity(whole: Alignment | undefined, textFrom: number, textLength: number): number {
  if (whole === undefined) return 1;
  const coverage = whole.length / textLength;
  const base = whole.via === 'text' || whole.via === 'pinyin' ? 1.5 : 1.3;
  return base + coverage + (whole.from === textFrom ? 0.1 : 0);
}
