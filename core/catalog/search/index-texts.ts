/**
 * The per-char half of the index build, in one pass over the catalog texts: each text's positions (folded
 * code, readings) and its features, char unigrams and syllable bigrams (every reading pair of adjacent
 * positions), each text once per feature. It runs cold at isolate start, where V8 runs it as baseline code
 * (optimized code arrives after the build is over) and every bytecode costs, so it does the least per char:
 * folding and table lookups inline, and each feature's texts threaded as a linked list as they come (two
 * stores per link, no second pass). Laying a list out (posting-lists.ts) waits for the first query that
 * asks for its feature; char pairs and initials wait for the queries that need them.
 */
import type { PinyinTable } from './pinyin-table.ts';
import type { PositionStore } from './text-positions.ts';

export interface TextIndex {
  readonly store: PositionStore;
  /** Positions of text t are [textStart[t], textStart[t + 1]). */
  readonly textStart: Int32Array;
  /** Char code → feature id (0: none). */
  readonly charUnigrams: Int32Array;
  /** (a * syllableCount + b) → feature id (0: none). */
  readonly syllableBigrams: Int32Array;
  readonly featureCount: number;
  /**
   * Per feature: 1 + its newest link (0: none). Link k is text linkTexts[k], and continues at links[k]
   * (1 + the next older link, 0 at the end).
   */
  readonly heads: Int32Array;
  readonly links: Int32Array;
  readonly linkTexts: Int32Array;
}

/** At most one char and 3 × 3 syllable pairs start at a position. */
const MAX_FEATURES_PER_POSITION = 10;

/** The arrays while they fill; the per-text function reads them from here into locals. */
class TextIndexBuilder {
  readonly firstCode: number;
  readonly units: string;
  readonly packedByUnit: Uint32Array;
  readonly codes: Uint16Array;
  readonly readings: Uint32Array;
  readonly charUnigrams = new Int32Array(65536);
  readonly syllableBigrams: Int32Array;
  heads: Int32Array;
  links: Int32Array;
  linkTexts: Int32Array;
  featureCount = 0;
  linkCount = 0;

  constructor(
    table: PinyinTable,
    readonly syllableCount: number,
    capacity: number,
  ) {
    this.firstCode = table.firstCode;
    this.units = table.units;
    this.packedByUnit = table.packedByUnit;
    this.codes = new Uint16Array(capacity);
    this.readings = new Uint32Array(capacity);
    this.syllableBigrams = new Int32Array(syllableCount * syllableCount);
    this.heads = new Int32Array(capacity + 64);
    this.links = new Int32Array(capacity * 3 + 64);
    this.linkTexts = new Int32Array(this.links.length);
  }
}

export function indexTexts(table: PinyinTable, texts: readonly string[]): TextIndex {
  const textCount = texts.length;
  let capacity = 0;
  for (let t = 0; t < textCount; t++) capacity += (texts[t] as string).length;
  const b = new TextIndexBuilder(table, table.syllables.length, capacity);
  const textStart = new Int32Array(textCount + 1);
  for (let t = 0; t < textCount; t++) {
    const text = texts[t] as string;
    // Room for every feature and link the text could add, so the loop below never checks.
    const room = text.length * MAX_FEATURES_PER_POSITION + 1;
    if (b.featureCount + room > b.heads.length) b.heads = grow(b.heads, room);
    if (b.linkCount + room > b.links.length) {
      b.links = grow(b.links, room);
      b.linkTexts = grow(b.linkTexts, room);
    }
    textStart[t + 1] = indexText(b, text, t, textStart[t] as number);
  }
  const positionCount = textStart[textCount] as number;
  return {
    store: {
      codes: b.codes.subarray(0, positionCount),
      readings: b.readings.subarray(0, positionCount),
      // Only initials queries read these: filled text by text as they check texts (posting-lists.ts).
      initials: new Uint32Array(positionCount),
    },
    textStart,
    charUnigrams: b.charUnigrams,
    syllableBigrams: b.syllableBigrams,
    featureCount: b.featureCount,
    heads: b.heads.subarray(0, b.featureCount + 1),
    links: b.links.subarray(0, b.linkCount),
    linkTexts: b.linkTexts.subarray(0, b.linkCount),
  };
}

/** Writes text t's positions from `at` and links its features; returns where its positions end. */
function indexText(b: TextIndexBuilder, text: string, t: number, at: number): number {
  const { firstCode, units, packedByUnit, codes, readings, charUnigrams, syllableBigrams, heads, links } = b;
  const linkTexts = b.linkTexts;
  const unitCount = units.length;
  const syllableCount = b.syllableCount;
  let featureCount = b.featureCount;
  let linkCount = b.linkCount;
  // A feature whose newest link is past this is already linked to this text.
  const textLinks = linkCount;
  let n = at;
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    let code = text.charCodeAt(i);
    let r = 0;
    const index = code - firstCode;
    if (index >= 0 && index < unitCount) {
      // A hanzi the table covers, most chars: nothing to fold, readings from the table (lookupPackedReadings).
      r = packedByUnit[units.charCodeAt(index)] as number;
    } else {
      // foldCode and isSpaceCode (fold-text.ts), inline.
      if (code >= 0xff01 && code <= 0xff5e) code -= 0xfee0;
      else if (code === 0x3000) code = 0x20;
      if (code >= 0x41 && code <= 0x5a) code += 0x20;
      if (code <= 0x20 || code === 0xa0) continue;
    }
    codes[n] = code;
    readings[n] = r;
    n++;
    let f = charUnigrams[code] as number;
    if (f === 0) charUnigrams[code] = f = ++featureCount;
    let head = heads[f] as number;
    if (head <= textLinks) {
      links[linkCount] = head;
      linkTexts[linkCount] = t;
      heads[f] = ++linkCount;
    }
    if (r !== 0 && previous !== 0) {
      // Every reading of the position before with every reading of this one: one each for most pairs.
      // Packed readings fill their slots from the lowest, so shifting a slot out at a time visits each.
      for (let x = previous; x !== 0; x >>>= 10) {
        const row = ((x & 0x3ff) - 1) * syllableCount - 1;
        for (let y = r; y !== 0; y >>>= 10) {
          const slot = row + (y & 0x3ff);
          f = syllableBigrams[slot] as number;
          if (f === 0) syllableBigrams[slot] = f = ++featureCount;
          head = heads[f] as number;
          if (head <= textLinks) {
            links[linkCount] = head;
            linkTexts[linkCount] = t;
            heads[f] = ++linkCount;
          }
        }
      }
    }
    previous = r;
  }
  b.featureCount = featureCount;
  b.linkCount = linkCount;
  return n;
}

function grow(a: Int32Array, room: number): Int32Array {
  const grown = new Int32Array(a.length * 2 + room);
  grown.set(a);
  return grown;
}
