/**
 * Turns what someone typed into readings of it (units) and, per reading, the feature groups to look up.
 * A group is one query position (or adjacent pair) with the alternative keys it may match, e.g. every
 * syllable pair of two polyphonic chars; a text earns a group's weight at most once.
 */
import {
  CHAR_BIGRAM,
  CHAR_UNIGRAM,
  INITIAL_BIGRAM,
  SYLLABLE_BIGRAM,
  SYLLABLE_UNIGRAM,
  pairChars,
  pairLetters,
  pairSyllables,
  type FeatureKind,
} from './features.ts';
import { foldCode, isLetterCode, isSpaceCode } from './fold-text.ts';
import { lookupPackedReadings, maskInitials, unpackReadings, type PinyinTable } from './pinyin-table.ts';
import { readAsInitials, segmentPinyin, type LatinUnit } from './segment-pinyin.ts';

export type QueryUnit =
  | { readonly kind: 'hanzi'; readonly code: number; readonly readings: number; readonly initials: number }
  | { readonly kind: 'char'; readonly code: number }
  | LatinUnit;

export interface QueryGroup {
  readonly kind: FeatureKind;
  /** Alternative keys, ascending, without duplicates. */
  readonly keys: readonly number[];
  /** Every contiguous match of the whole query matches this group: texts missing it need no verification. */
  readonly chain: boolean;
}

/** One way to read the query; a text scores its best reading. */
export interface QueryReading {
  readonly units: readonly QueryUnit[];
  readonly groups: readonly QueryGroup[];
  readonly chainCount: number;
}

/** Longer queries are cut: nobody types more at a kiosk, and it bounds the work per query. */
export const MAX_QUERY_UNITS = 48;
/** Letters up to this count are also read as initials only (`ba` as 办案 rather than the syllable ba). */
const MAX_INITIALS_READING = 8;

/** Plans a query; no readings for an empty or blank one. */
export function planQuery(table: PinyinTable, query: string): QueryReading[] {
  const tokens = tokenizeQuery(query);
  let letterCount = 0;
  for (const t of tokens) if (typeof t === 'string') letterCount += t.length;
  const units = expandTokens(table, tokens, false);
  if (units.length === 0) return [];
  const readings = [readUnits(units)];
  if (letterCount > 0 && letterCount <= MAX_INITIALS_READING && units.some((u) => u.kind === 'syllable')) {
    readings.push(readUnits(expandTokens(table, tokens, true)));
  }
  return readings.filter((r) => r.groups.length > 0);
}

/** Folded query as letter runs (strings) and single non-letter units (codes); spaces and `'` split runs. */
function tokenizeQuery(query: string): (string | number)[] {
  const tokens: (string | number)[] = [];
  let letters = '';
  let count = 0;
  for (let i = 0; i < query.length && count < MAX_QUERY_UNITS; i++) {
    const code = foldCode(query.charCodeAt(i));
    if (isLetterCode(code)) {
      letters += String.fromCharCode(code);
      count++;
      continue;
    }
    if (letters !== '') tokens.push(letters);
    letters = '';
    if (isSpaceCode(code) || code === 0x27) continue;
    tokens.push(code);
    count++;
  }
  if (letters !== '') tokens.push(letters);
  return tokens;
}

function expandTokens(table: PinyinTable, tokens: (string | number)[], initialsOnly: boolean): QueryUnit[] {
  const units: QueryUnit[] = [];
  for (const token of tokens) {
    if (typeof token === 'string') {
      units.push(...(initialsOnly ? readAsInitials(token) : segmentPinyin(table, token)));
      continue;
    }
    const readings = lookupPackedReadings(table, token);
    units.push(
      readings === 0
        ? { kind: 'char', code: token }
        : { kind: 'hanzi', code: token, readings, initials: maskInitials(table, readings) },
    );
  }
  return units;
}

function readUnits(units: readonly QueryUnit[]): QueryReading {
  const groups = new Map<string, QueryGroup>();
  const add = (kind: FeatureKind, keys: number[], chain: boolean): void => {
    if (keys.length === 0) return;
    const sorted = [...new Set(keys)].sort((a, b) => a - b);
    const id = `${kind}:${sorted.join(',')}`;
    const existing = groups.get(id);
    groups.set(id, { kind, keys: sorted, chain: chain || (existing?.chain ?? false) });
  };
  const single = units.length === 1;
  for (const unit of units) {
    if (unit.kind === 'hanzi' || unit.kind === 'char') add(CHAR_UNIGRAM, [unit.code], single && unit.kind === 'char');
    if (!single) continue;
    if (unit.kind === 'hanzi') add(SYLLABLE_UNIGRAM, unpackReadings(unit.readings), true);
    if (unit.kind === 'syllable') add(SYLLABLE_UNIGRAM, [unit.syllable], true);
  }
  for (let i = 0; i + 1 < units.length; i++) {
    const a = units[i];
    const b = units[i + 1];
    if (a === undefined || b === undefined) continue;
    if (isCharLike(a) && isCharLike(b)) {
      add(CHAR_BIGRAM, [pairChars(a.code, b.code)], a.kind === 'char' || b.kind === 'char');
    }
    if (a.kind === 'initial' || b.kind === 'initial') {
      const keys: number[] = [];
      for (const x of listInitials(a)) for (const y of listInitials(b)) keys.push(pairLetters(x, y));
      add(INITIAL_BIGRAM, keys, true);
    } else {
      const keys: number[] = [];
      for (const x of listSyllables(a)) for (const y of listSyllables(b)) keys.push(pairSyllables(x, y));
      add(SYLLABLE_BIGRAM, keys, true);
    }
  }
  const list = [...groups.values()];
  return { units, groups: list, chainCount: list.filter((g) => g.chain).length };
}

function isCharLike(u: QueryUnit): u is Extract<QueryUnit, { code: number }> {
  return u.kind === 'hanzi' || u.kind === 'char';
}

function listSyllables(u: QueryUnit): number[] {
  if (u.kind === 'hanzi') return unpackReadings(u.readings);
  if (u.kind === 'syllable') return [u.syllable];
  return [];
}

function listInitials(u: QueryUnit): number[] {
  if (u.kind === 'initial' || u.kind === 'syllable') return [u.letter];
  if (u.kind === 'hanzi') {
    const letters: number[] = [];
    for (let m = u.initials; m !== 0; m &= m - 1) letters.push(31 - Math.clz32(m & -m));
    return letters;
  }
  return [];
}
