/**
 * The first pass of the index build: gives every distinct feature of the texts an id (from 1) and lists each
 * text's features once, counting how many texts hold each. It runs cold at isolate start, so it is written for
 * the interpreter: one call per text (V8 tiers the function up after a few texts), flat loops, no per-feature
 * callback, a direct table for syllable pairs and one integer hash map for char pairs.
 */
import { pairChars } from './features.ts';
import { IntHashMap } from './int-hash-map.ts';
import type { PinyinTable } from './pinyin-table.ts';
import type { PositionStore } from './text-positions.ts';

/** At most one char, one char pair and 3 × 3 syllable pairs start at a position. */
const MAX_FEATURES_PER_POSITION = 11;

/** The feature dictionary while it is being built. */
export class FeatureInterner {
  /** Char code → feature id (0: none). */
  readonly charUnigrams = new Int32Array(65536);
  /** pairChars(a, b) | 0 → feature id - 1. */
  readonly charBigrams: IntHashMap;
  /** (a * syllableCount + b) → feature id. */
  readonly syllableBigrams: Int32Array;
  /** Per feature: how many texts hold it, and the last text counted (+1). */
  frequency: Int32Array<ArrayBuffer>;
  lastText: Int32Array<ArrayBuffer>;
  /** Each text's feature ids, text after text. */
  textFeatures: Int32Array<ArrayBuffer>;
  featureCount = 0;
  used = 0;

  constructor(
    readonly syllableCount: number,
    positionCount: number,
  ) {
    this.charBigrams = new IntHashMap(positionCount);
    this.syllableBigrams = new Int32Array(syllableCount * syllableCount);
    this.frequency = new Int32Array(positionCount * 3 + 64);
    this.lastText = new Int32Array(this.frequency.length);
    this.textFeatures = new Int32Array(positionCount * 4 + 64);
  }
}

/** Interns the features of every text; featureStart[t] .. featureStart[t + 1] index the text's features. */
export function internFeatures(table: PinyinTable, store: PositionStore, textStart: Int32Array) {
  const textCount = textStart.length - 1;
  const interner = new FeatureInterner(table.syllables.length, textStart[textCount]!);
  const featureStart = new Int32Array(textCount + 1);
  for (let t = 0; t < textCount; t++) {
    const from = textStart[t]!;
    const to = textStart[t + 1]!;
    // Room for the text's features and for as many new feature ids, before the flat loop below.
    const room = (to - from) * MAX_FEATURES_PER_POSITION;
    if (interner.used + room > interner.textFeatures.length) interner.textFeatures = grow(interner.textFeatures, room);
    if (interner.featureCount + room >= interner.frequency.length) {
      interner.frequency = grow(interner.frequency, room);
      interner.lastText = grow(interner.lastText, room);
    }
    internText(interner, store, t, from, to);
    featureStart[t + 1] = interner.used;
  }
  return { interner, featureStart };
}

function internText(state: FeatureInterner, store: PositionStore, t: number, from: number, to: number): void {
  const { codes, readings } = store;
  const { charUnigrams, charBigrams, syllableBigrams, syllableCount, frequency, lastText, textFeatures } = state;
  const mark = t + 1;
  let used = state.used;
  let featureCount = state.featureCount;
  for (let p = from; p < to; p++) {
    const code = codes[p]!;
    let id = charUnigrams[code]!;
    if (id === 0) charUnigrams[code] = id = ++featureCount;
    if (lastText[id] !== mark) {
      lastText[id] = mark;
      frequency[id]!++;
      textFeatures[used++] = id;
    }
    if (p + 1 === to) break;
    const pair = pairChars(code, codes[p + 1]!) | 0;
    id = charBigrams.get(pair) + 1;
    if (id === 0) charBigrams.getOrSet(pair, (id = ++featureCount) - 1);
    if (lastText[id] !== mark) {
      lastText[id] = mark;
      frequency[id]!++;
      textFeatures[used++] = id;
    }
    const r = readings[p]!;
    const rn = readings[p + 1]!;
    if (r === 0 || rn === 0) continue;
    for (let shift = 0; shift < 30; shift += 10) {
      const a = ((r >>> shift) & 0x3ff) - 1;
      if (a < 0) break;
      for (let shiftB = 0; shiftB < 30; shiftB += 10) {
        const b = ((rn >>> shiftB) & 0x3ff) - 1;
        if (b < 0) break;
        const slot = a * syllableCount + b;
        id = syllableBigrams[slot]!;
        if (id === 0) syllableBigrams[slot] = id = ++featureCount;
        if (lastText[id] !== mark) {
          lastText[id] = mark;
          frequency[id]!++;
          textFeatures[used++] = id;
        }
      }
    }
  }
  state.used = used;
  state.featureCount = featureCount;
}

function grow(a: Int32Array<ArrayBuffer>, room: number): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(a.length * 2 + room);
  grown.set(a);
  return grown;
}
