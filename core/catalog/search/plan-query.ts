/**
 * Turns what someone typed into readings of it (units) and, per reading, the groups to score texts by
 * (query-groups.ts): each char and each adjacent pair, exactly and by sound.
 */
import { foldCode, isLetterCode, isSpaceCode } from './fold-text.ts';
import { lookupPackedReadings, maskInitials, unpackReadings, type PinyinTable } from './pinyin-table.ts';
import {
  CHAR_PAIR_WEIGHT,
  CHAR_WEIGHT,
  INITIALS_PAIR_WEIGHT,
  SOUND_PAIR_WEIGHT,
  SOUND_WEIGHT,
  identifyGroup,
  type QueryGroup,
} from './query-groups.ts';
import { readAsInitials, segmentPinyin } from './segment-pinyin.ts';
import { flattenUnits, type QueryUnit, type UnitArrays } from './unit-levels.ts';

export type { QueryGroup } from './query-groups.ts';

export type { QueryUnit } from './unit-levels.ts';

/** One way to read the query; a text scores its best reading. */
export interface QueryReading {
  readonly units: readonly QueryUnit[];
  readonly groups: readonly QueryGroup[];
  readonly chainCount: number;
  /** The units as the alignment reads them (align-query.ts). */
  readonly unitArrays: UnitArrays;
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
  const units = expandTokens(table, tokens, 'pinyin');
  if (units.length === 0) return [];
  const readings = [readUnits(table, units)];
  if (letterCount > 0 && letterCount <= MAX_INITIALS_READING && units.some((u) => u.kind === 'syllable')) {
    readings.push(readUnits(table, expandTokens(table, tokens, 'initials')));
  }
  // Letters may also be meant as themselves (KTV, IC卡) where a name spells them so.
  if (letterCount > 0) readings.push(readUnits(table, expandTokens(table, tokens, 'literal')));
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

type LetterReading = 'pinyin' | 'initials' | 'literal';

function expandTokens(table: PinyinTable, tokens: (string | number)[], letters: LetterReading): QueryUnit[] {
  const units: QueryUnit[] = [];
  for (const token of tokens) {
    if (typeof token === 'string') {
      if (letters === 'pinyin') units.push(...segmentPinyin(table, token));
      else if (letters === 'initials') units.push(...readAsInitials(token));
      else for (const ch of token) units.push({ kind: 'char', code: ch.charCodeAt(0) });
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

function readUnits(table: PinyinTable, units: readonly QueryUnit[]): QueryReading {
  const groups = new Map<number | string, QueryGroup>();
  const add = (group: QueryGroup): void => {
    const id = identifyGroup(group);
    const existing = groups.get(id);
    if (existing === undefined || !existing.chain) groups.set(id, group);
  };
  // Each unit's syllables once: a unit is the second of one pair and the first of the next.
  const syllables = units.map((u) => listSyllables(table, u));
  for (const unit of units) {
    if (unit.kind === 'hanzi' || unit.kind === 'char') {
      add({ kind: 'char', code: unit.code, weight: CHAR_WEIGHT, chain: false });
    }
  }
  const lone = units.length === 1 ? (units[0] as QueryUnit) : undefined;
  if (lone !== undefined && lone.kind !== 'initial' && lone.kind !== 'char') {
    // A lone unit is also sought by its sound, next to another char. No chain: a lone char may sit between
    // punctuation, where no sound pair holds it, so every matching text gets verified.
    add({ kind: 'sound', syllables: syllables[0] as readonly number[], weight: SOUND_WEIGHT, chain: false });
  }
  for (let i = 0; i + 1 < units.length; i++) {
    const a = units[i] as QueryUnit;
    const b = units[i + 1] as QueryUnit;
    const charA = a.kind === 'hanzi' || a.kind === 'char';
    const charB = b.kind === 'hanzi' || b.kind === 'char';
    // A chain group must hold wherever the pair matches; a hanzi can match by sound, so only a pair of
    // two reading-less chars is chained by its exact chars.
    if (charA && charB) {
      const chain = a.kind === 'char' && b.kind === 'char';
      add({ kind: 'char-pair', first: a.code, second: b.code, weight: CHAR_PAIR_WEIGHT, chain });
    }
    const first = syllables[i] as readonly number[];
    const second = syllables[i + 1] as readonly number[];
    if (first.length === 0 || second.length === 0) continue;
    const weight = a.kind === 'initial' || b.kind === 'initial' ? INITIALS_PAIR_WEIGHT : SOUND_PAIR_WEIGHT;
    const initials = a.kind === 'initial' && b.kind === 'initial' ? a.letter * 26 + b.letter : -1;
    add({ kind: 'sound-pair', first, second, initials, weight, chain: true });
  }
  const list = [...groups.values()];
  return { units, groups: list, chainCount: list.filter((g) => g.chain).length, unitArrays: flattenUnits(units) };
}

/** The syllables a unit may stand for: a hanzi's readings, a typed syllable, every syllable of an initial. */
function listSyllables(table: PinyinTable, u: QueryUnit): readonly number[] {
  if (u.kind === 'hanzi') return unpackReadings(u.readings).sort((x, y) => x - y);
  if (u.kind === 'syllable') return [u.syllable];
  if (u.kind === 'initial') return table.syllablesByInitial[u.letter] ?? NO_SYLLABLES;
  return NO_SYLLABLES;
}

const NO_SYLLABLES: readonly number[] = [];
