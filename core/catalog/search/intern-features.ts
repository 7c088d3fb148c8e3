/**
 * The first pass of the index build: gives every distinct feature of the texts an id (from 1) and lists each
 * text's features once, counting how many texts hold each. It runs cold at isolate start, so it is written for
 * the interpreter: one call per text (V8 tiers the function up after a few texts), flat loops, no per-feature
 * callback, direct tables for syllable and initial features and one integer hash map for char pairs.
 */
import {
  CHAR_BIGRAM,
  CHAR_UNIGRAM,
  INITIAL_BIGRAM,
  SYLLABLE_BIGRAM,
  SYLLABLE_UNIGRAM,
  pairChars,
  pairLetters,
} from './features.ts';
import { IntHashMap } from './int-hash-map.ts';
import type { PinyinTable } from './pinyin-table.ts';
import type { PositionStore } from './text-positions.ts';

/** The feature dictionary while it is being built. */
export class FeatureInterner {
  readonly charUnigrams = new Int32Array(65536);
  readonly charBigrams: IntHashMap;
  readonly syllableUnigrams: Int32Array;
  readonly syllableBigrams: Int32Array;
  readonly initialBigrams = new Int32Array(32 * 32);
  featureKinds: Uint8Array<ArrayBuffer>;
  frequency: Int32Array<ArrayBuffer>;
  lastText: Int32Array<ArrayBuffer>;
  textFeatures: Int32Array<ArrayBuffer>;
  readonly found = new Int32Array(32);
  featureCount = 0;
  used = 0;

  constructor(
    readonly syllableCount: number,
    positionCount: number,
  ) {
    this.charBigrams = new IntHashMap(positionCount);
    this.syllableUnigrams = new Int32Array(syllableCount);
    this.syllableBigrams = new Int32Array(syllableCount * syllableCount);
    this.featureKinds = new Uint8Array(positionCount * 2 + 64);
    this.frequency = new Int32Array(this.featureKinds.length);
    this.lastText = new Int32Array(this.featureKinds.length);
    this.textFeatures = new Int32Array(positionCount * 6 + 64);
  }
}

/** Interns the features of every text; featureStart[t] .. featureStart[t + 1] index the text's features. */
export function internFeatures(table: PinyinTable, store: PositionStore, textStart: Int32Array) {
  const textCount = textStart.length - 1;
  const interner = new FeatureInterner(table.syllables.length, textStart[textCount]!);
  const featureStart = new Int32Array(textCount + 1);
  for (let t = 0; t < textCount; t++) {
    internText(interner, store, t, textStart[t]!, textStart[t + 1]!);
    featureStart[t + 1] = interner.used;
  }
  return { interner, featureStart };
}

function internText(state: FeatureInterner, store: PositionStore, t: number, from: number, to: number): void {
  const { codes, readings, initials } = store;
  const { charUnigrams, charBigrams, syllableUnigrams, syllableBigrams, initialBigrams, found, syllableCount } =
    state;
  for (let p = from; p < to; p++) {
    // Collect the position's feature ids (negative placeholders for new ones), then count each once per text.
    let n = 0;
    const code = codes[p]!;
    const r = readings[p]!;
    let id = charUnigrams[code]!;
    found[n++] = id === 0 ? -1 - CHAR_UNIGRAM : id;
    for (let shift = 0; shift < 30; shift += 10) {
      const a = ((r >>> shift) & 0x3ff) - 1;
      if (a < 0) break;
      id = syllableUnigrams[a]!;
      found[n++] = id === 0 ? -1 - SYLLABLE_UNIGRAM - 8 * a : id;
    }
    if (p + 1 < to) {
      id = charBigrams.get(pairChars(code, codes[p + 1]!) | 0) + 1;
      found[n++] = id === 0 ? -1 - CHAR_BIGRAM : id;
      const rn = readings[p + 1]!;
      for (let shift = 0; shift < 30 && rn !== 0; shift += 10) {
        const a = ((r >>> shift) & 0x3ff) - 1;
        if (a < 0) break;
        for (let shiftB = 0; shiftB < 30; shiftB += 10) {
          const b = ((rn >>> shiftB) & 0x3ff) - 1;
          if (b < 0) break;
          const slot = a * syllableCount + b;
          id = syllableBigrams[slot]!;
          found[n++] = id === 0 ? -1 - SYLLABLE_BIGRAM - 8 * slot : id;
        }
      }
      const maskB = initials[p + 1]!;
      for (let ma = initials[p]!; ma !== 0; ma &= ma - 1) {
        const a = 31 - Math.clz32(ma & -ma);
        for (let mb = maskB; mb !== 0; mb &= mb - 1) {
          const slot = pairLetters(a, 31 - Math.clz32(mb & -mb));
          id = initialBigrams[slot]!;
          found[n++] = id === 0 ? -1 - INITIAL_BIGRAM - 8 * slot : id;
        }
      }
    }
    for (let k = 0; k < n; k++) {
      id = found[k]!;
      if (id < 0) id = createFeature(state, -1 - id, code, codes[p + 1] ?? 0);
      if (state.lastText[id] === t + 1) continue;
      state.lastText[id] = t + 1;
      state.frequency[id]!++;
      if (state.used === state.textFeatures.length) state.textFeatures = growInts(state.textFeatures);
      state.textFeatures[state.used++] = id;
    }
  }
}

/** Registers a new feature from its placeholder (kind in the low 3 bits, table slot above) and returns its id. */
function createFeature(state: FeatureInterner, placeholder: number, code: number, nextCode: number): number {
  const kind = placeholder & 7;
  const slot = placeholder >> 3;
  const id = ++state.featureCount;
  if (id === state.featureKinds.length) {
    state.featureKinds = growBytes(state.featureKinds);
    state.frequency = growInts(state.frequency);
    state.lastText = growInts(state.lastText);
  }
  state.featureKinds[id] = kind;
  if (kind === CHAR_UNIGRAM) state.charUnigrams[code] = id;
  else if (kind === SYLLABLE_UNIGRAM) state.syllableUnigrams[slot] = id;
  else if (kind === CHAR_BIGRAM) state.charBigrams.getOrSet(pairChars(code, nextCode) | 0, id - 1);
  else if (kind === SYLLABLE_BIGRAM) state.syllableBigrams[slot] = id;
  else state.initialBigrams[slot] = id;
  return id;
}

function growInts(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(a.length * 2);
  grown.set(a);
  return grown;
}

function growBytes(a: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const grown = new Uint8Array(a.length * 2);
  grown.set(a);
  return grown;
}
