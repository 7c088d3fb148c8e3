/**
 * The parts of the index a query reads that the build leaves unfinished, finished on first use and kept:
 * - a feature's postings, threaded at build time as a linked list (newest text first), laid out once as an
 *   ascending run of the postings pool the first time a query asks for that feature;
 * - the texts holding an exact char pair, found among the texts holding its rarer char (char pairs are most
 *   of the features and few are ever asked for);
 * - the initials of a text's positions, which only initials queries read, and only of texts they check.
 */
import type { BuiltSearchIndex } from './build-search-index.ts';
import { pairChars } from './features.ts';

/**
 * Char pairs remembered at most. Pairs no text holds are remembered too (empty), so any typing stays bounded;
 * the others hold no more texts together than an index of every char pair would.
 */
const MAX_CHAR_PAIRS = 1 << 14;
const NO_TEXTS = new Int32Array(0);

/** Where feature f's texts start in ix.postings (ix.postingLength[f] of them), laying them out if need be. */
export function findPostings(ix: BuiltSearchIndex, f: number): number {
  const start = ix.postingStart[f] as number;
  return start >= 0 ? start : layOutPostings(ix, f);
}

function layOutPostings(ix: BuiltSearchIndex, f: number): number {
  const { links, linkTexts, postings } = ix;
  const start = ix.postingsUsed;
  let end = start;
  for (let link = ix.heads[f] as number; link !== 0; link = links[link - 1] as number) {
    postings[end++] = linkTexts[link - 1] as number;
  }
  // The list runs newest link first: texts descending.
  postings.subarray(start, end).reverse();
  ix.postingStart[f] = start;
  ix.postingLength[f] = end - start;
  ix.postingsUsed = end;
  return start;
}

/** Texts (ascending) where `first` is followed by `second`: two adjacent positions, spaces not counted. */
export function findCharPairTexts(ix: BuiltSearchIndex, first: number, second: number): Int32Array {
  const key = pairChars(first, second);
  const known = ix.charPairs.get(key);
  if (known !== undefined) return known;
  const texts = scanCharPair(ix, first, second);
  if (ix.charPairs.size < MAX_CHAR_PAIRS) ix.charPairs.set(key, texts);
  return texts;
}

function scanCharPair(ix: BuiltSearchIndex, first: number, second: number): Int32Array {
  const a = ix.charUnigrams[first] as number;
  const b = ix.charUnigrams[second] as number;
  if (a === 0 || b === 0) return NO_TEXTS;
  const startA = findPostings(ix, a);
  const startB = findPostings(ix, b);
  // Scan the texts of whichever char is rarer.
  const rarer = (ix.postingLength[a] as number) <= (ix.postingLength[b] as number);
  const from = rarer ? startA : startB;
  const to = from + (ix.postingLength[rarer ? a : b] as number);
  const { codes } = ix.store;
  const found: number[] = [];
  for (let i = from; i < to; i++) {
    const t = ix.postings[i] as number;
    const last = (ix.textStart[t + 1] as number) - 1;
    for (let p = ix.textStart[t] as number; p < last; p++) {
      if (codes[p] === first && codes[p + 1] === second) {
        found.push(t);
        break;
      }
    }
  }
  return found.length === 0 ? NO_TEXTS : Int32Array.from(found);
}

/** Fills text t's part of store.initials (the first letters of each position's readings) once. */
export function ensureInitials(ix: BuiltSearchIndex, t: number): void {
  if (ix.initialsDone[t] === 1) return;
  const { readings, initials } = ix.store;
  const letterOf = ix.table.initials;
  const end = ix.textStart[t + 1] as number;
  for (let p = ix.textStart[t] as number; p < end; p++) {
    const r = readings[p] as number;
    if (r === 0) continue;
    let mask = 1 << (letterOf[(r & 0x3ff) - 1] as number);
    if (r >>> 10 !== 0) mask |= 1 << (letterOf[((r >>> 10) & 0x3ff) - 1] as number);
    if (r >>> 20 !== 0) mask |= 1 << (letterOf[(r >>> 20) - 1] as number);
    initials[p] = mask;
  }
  ix.initialsDone[t] = 1;
}
