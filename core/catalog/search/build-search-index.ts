/**
 * Builds the fast index: every distinct text's positions in flat typed arrays, and an inverted index from
 * features (char unigrams, syllable bigrams) to the texts holding them. Built once per catalog at cold start,
 * so it does only what every query needs; what only some queries need is finished on first use
 * (posting-lists.ts: postings laid out, char pairs, initials; department-order.ts: department filters).
 */
import type { CatalogDocument, Matter } from '../types.ts';
import { scaleByLength } from './align-query.ts';
import { collectSearchTexts } from './collect-search-texts.ts';
import type { DepartmentOrder } from './department-order.ts';
import { indexTexts } from './index-texts.ts';
import { MAX_READINGS, loadPinyinTable, type PinyinTable } from './pinyin-table.ts';
import type { PositionStore } from './text-positions.ts';
import { MAX_LIMIT, type SearchIndex } from './types.ts';

/** Per-query working arrays, allocated once per index and reset through the touched list. */
export interface SearchScratch {
  readonly base: Float64Array;
  readonly chainHits: Uint16Array;
  readonly groupStamp: Int32Array;
  readonly seenStamp: Int32Array;
  readonly best: Float64Array;
  readonly bestReading: Uint8Array;
  readonly touched: Int32Array;
  /** The texts of the group being scored: groupTexts from groupFrom (postings, or gathered when merged). */
  groupTexts: Int32Array;
  groupFrom: number;
  readonly gathered: Int32Array;
  /** The features of the group being scored (a lone syllable pairs with every syllable, both ways). */
  readonly features: Int32Array;
  /** A text's score without bonus, and the most a bonus could make it, while verification is pending. */
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  /** Texts to verify, as a max-heap by upper bound. */
  readonly candidates: Int32Array;
  /** The best scores of names, without bonus and exact (min-heaps of at most MAX_LIMIT): the floors. */
  readonly floorHeap: Float64Array;
  readonly verifiedHeap: Float64Array;
  /** The top texts while picking hits (select-top-hits.ts). */
  readonly top: Int32Array;
  readonly matterStamp: Int32Array;
  /** Where a matter sits in the picks of the current expansion. */
  readonly matterPick: Int32Array;
  stamp: number;
}

export interface BuiltSearchIndex extends SearchIndex {
  readonly table: PinyinTable;
  readonly matters: readonly Matter[];
  readonly texts: readonly string[];
  readonly nameCount: number;
  readonly store: PositionStore;
  /** Positions of text t are [textStart[t], textStart[t + 1]). */
  readonly textStart: Int32Array;
  readonly lengthScale: Float64Array;
  /** Char code → feature id (0: none). */
  readonly charUnigrams: Int32Array;
  readonly syllableCount: number;
  /** (a * syllableCount + b) → feature id (0: none). */
  readonly syllableBigrams: Int32Array;
  /** The postings as the build threads them (index-texts.ts): laid out on first use (posting-lists.ts). */
  readonly heads: Int32Array;
  readonly links: Int32Array;
  readonly linkTexts: Int32Array;
  /** Texts holding feature f, ascending: postingLength[f] of them from postings[postingStart[f]] (-1: not yet). */
  readonly postingStart: Int32Array;
  readonly postingLength: Int32Array;
  readonly postings: Int32Array;
  postingsUsed: number;
  /** Texts holding an exact char pair, by pairChars key, found on first use. */
  readonly charPairs: Map<number, Int32Array>;
  /**
   * Texts of each pair of typed initials (first × 26 + second), gathered on first use: at most 676 lists,
   * together no longer than the syllable-pair postings they come from.
   */
  readonly initialPairs: (Int32Array | undefined)[];
  /** Per text: 1 once its part of store.initials is filled (by a query that checks it for initials). */
  readonly initialsDone: Uint8Array;
  /** Matters of text t are textMatters[matterStart[t] .. matterStart[t + 1]), best first. */
  readonly matterStart: Int32Array;
  readonly textMatters: Int32Array;
  /** Per entry of textMatters: the score factor of the matter's rank in its alias (1 for names). */
  readonly matterFactors: Float64Array;
  readonly scratch: SearchScratch;
  /** Built by the first search with a department filter. */
  departmentOrder?: DepartmentOrder;
}

export function buildSearchIndex(catalog: CatalogDocument): SearchIndex {
  return buildFastIndex(catalog);
}

/** Room for one group's features: a lone syllable's pairs, or two initials' syllables paired. */
function countGroupFeaturesAtMost(table: PinyinTable): number {
  let widest = 0;
  for (const list of table.syllablesByInitial) widest = Math.max(widest, list.length);
  return Math.max(2 * MAX_READINGS * table.syllables.length, widest * widest);
}

function buildFastIndex(catalog: CatalogDocument): BuiltSearchIndex {
  const table = loadPinyinTable();
  const { texts, nameCount, matterStart, textMatters, matterFactors } = collectSearchTexts(catalog);
  const textCount = texts.length;
  const indexed = indexTexts(table, texts);
  const { textStart, featureCount } = indexed;
  const lengthScale = new Float64Array(textCount);
  for (let t = 0; t < textCount; t++) {
    lengthScale[t] = scaleByLength((textStart[t + 1] as number) - (textStart[t] as number));
  }
  const matterCount = catalog.matters.length;
  return {
    matterCount,
    textCount,
    table,
    matters: catalog.matters,
    texts,
    nameCount,
    store: indexed.store,
    textStart,
    lengthScale,
    charUnigrams: indexed.charUnigrams,
    syllableCount: table.syllables.length,
    syllableBigrams: indexed.syllableBigrams,
    heads: indexed.heads,
    links: indexed.links,
    linkTexts: indexed.linkTexts,
    postingStart: new Int32Array(featureCount + 1).fill(-1),
    postingLength: new Int32Array(featureCount + 1),
    postings: new Int32Array(indexed.links.length),
    postingsUsed: 0,
    charPairs: new Map(),
    initialPairs: new Array<Int32Array | undefined>(26 * 26).fill(undefined),
    initialsDone: new Uint8Array(textCount),
    matterStart,
    textMatters,
    matterFactors,
    scratch: {
      base: new Float64Array(textCount),
      chainHits: new Uint16Array(textCount),
      groupStamp: new Int32Array(textCount),
      seenStamp: new Int32Array(textCount),
      best: new Float64Array(textCount),
      bestReading: new Uint8Array(textCount),
      touched: new Int32Array(textCount),
      groupTexts: new Int32Array(0),
      groupFrom: 0,
      gathered: new Int32Array(textCount),
      features: new Int32Array(countGroupFeaturesAtMost(table)),
      lower: new Float64Array(textCount),
      upper: new Float64Array(textCount),
      candidates: new Int32Array(textCount),
      floorHeap: new Float64Array(MAX_LIMIT),
      verifiedHeap: new Float64Array(MAX_LIMIT),
      top: new Int32Array(textCount),
      matterStamp: new Int32Array(matterCount),
      matterPick: new Int32Array(matterCount),
      stamp: 0,
    },
  };
}
