/**
 * Splits typed letters into pinyin syllables, falling back to single letters read as initials, so that
 * `shenfenzheng`, `sfz` and `shenfz` all become unit sequences the index understands.
 */
import type { PinyinTable } from './pinyin-table.ts';

export type LatinUnit =
  | { readonly kind: 'syllable'; readonly syllable: number; /** first letter, 0 = `a` */ readonly letter: number }
  | { readonly kind: 'initial'; readonly letter: number };

/** A letter read as an initial costs more than a whole syllable: prefer syllables wherever they fit. */
const SYLLABLE_COST = 1;
const INITIAL_COST = 4;
const LONGEST_SYLLABLE = 6;
/** Spellings people type for ü-syllables besides the table's `v`. */
const SPELLING_VARIANTS: Readonly<Record<string, string>> = { lue: 'lve', nue: 'nve' };

/** Spelled syllables as a letter trie, so segmenting walks letters instead of slicing and hashing strings. */
interface SyllableTrie {
  /** Child of node k by letter l (0 = `a`) at k * 26 + l; 0: none. The root is node 1. */
  readonly children: Int32Array;
  /** Syllable id a node spells, or -1. */
  readonly syllables: Int32Array;
}

const tries = new WeakMap<PinyinTable, SyllableTrie>();

function obtainTrie(table: PinyinTable): SyllableTrie {
  let trie = tries.get(table);
  if (trie !== undefined) return trie;
  const spellings: [string, number][] = table.syllables.map((spelling, id) => [spelling, id]);
  for (const [typed, spelled] of Object.entries(SPELLING_VARIANTS)) {
    const id = table.syllableIds.get(spelled);
    if (id !== undefined && !table.syllableIds.has(typed)) spellings.push([typed, id]);
  }
  let nodeCount = 2;
  for (const [spelling] of spellings) nodeCount += spelling.length;
  const children = new Int32Array(nodeCount * 26);
  const syllables = new Int32Array(nodeCount).fill(-1);
  let used = 2;
  for (const [spelling, id] of spellings) {
    let node = 1;
    for (let i = 0; i < spelling.length; i++) {
      const slot = node * 26 + spelling.charCodeAt(i) - 0x61;
      node = (children[slot] as number) || (children[slot] = used++);
    }
    syllables[node] = id;
  }
  trie = { children, syllables };
  tries.set(table, trie);
  return trie;
}

/**
 * Cheapest segmentation of lowercase letters; among equals, the longest syllable first
 * (`fangan` → fang an, `xian` → xian): the usual reading, and deterministic.
 */
export function segmentPinyin(table: PinyinTable, letters: string): LatinUnit[] {
  const { children, syllables } = obtainTrie(table);
  const n = letters.length;
  const width = LONGEST_SYLLABLE + 1;
  // spelled[i * width + len]: the syllable letters[i, i + len) spell, or -1.
  const spelled = new Int32Array(n * width).fill(-1);
  for (let i = 0; i < n; i++) {
    let node = 1;
    for (let len = 1; len <= LONGEST_SYLLABLE && i + len <= n; len++) {
      node = children[node * 26 + letters.charCodeAt(i + len - 1) - 0x61] as number;
      if (node === 0) break;
      spelled[i * width + len] = syllables[node] as number;
    }
  }
  const suffixCost = new Array<number>(n + 1).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let best = INITIAL_COST + (suffixCost[i + 1] ?? 0);
    for (let len = 1; len <= LONGEST_SYLLABLE && i + len <= n; len++) {
      if ((spelled[i * width + len] as number) < 0) continue;
      best = Math.min(best, SYLLABLE_COST + (suffixCost[i + len] ?? 0));
    }
    suffixCost[i] = best;
  }
  const units: LatinUnit[] = [];
  let i = 0;
  while (i < n) {
    const target = suffixCost[i] ?? 0;
    let step = 0;
    for (let len = Math.min(LONGEST_SYLLABLE, n - i); len >= 1; len--) {
      const syllable = spelled[i * width + len] as number;
      if (syllable >= 0 && SYLLABLE_COST + (suffixCost[i + len] ?? 0) === target) {
        units.push({ kind: 'syllable', syllable, letter: table.initials[syllable] ?? 0 });
        step = len;
        break;
      }
    }
    if (step === 0) {
      units.push({ kind: 'initial', letter: letters.charCodeAt(i) - 0x61 });
      step = 1;
    }
    i += step;
  }
  return units;
}

/** Every letter as an initial: the other reading of short inputs (`ba` may be 办案, not the syllable ba). */
export function readAsInitials(letters: string): LatinUnit[] {
  return [...letters].map((ch) => ({ kind: 'initial', letter: ch.charCodeAt(0) - 0x61 }) as const);
}
