/**
 * Picks the best `limit` matters from scored texts without sorting them all: take the top texts (a text may
 * stand for 120 matters in a national catalog, so a few texts usually suffice), expand them to matters, and
 * widen the cut until no text left out could still place. Order: score, then catalog order.
 */
import type { BuiltSearchIndex } from './build-search-index.ts';
import { findDepartmentRange, obtainDepartmentOrder } from './department-order.ts';

export interface Pick {
  readonly matter: number;
  readonly text: number;
  readonly score: number;
}

/** Where a text's matters are: a range of `matters` with their alias-rank `factors`. */
interface MatterRange {
  readonly matters: Int32Array;
  readonly factors: Float64Array;
  readonly from: number;
  readonly to: number;
}

/** `department` is an interned department index, or -1 for all. */
export function selectTopHits(ix: BuiltSearchIndex, touchedCount: number, limit: number, department: number): Pick[] {
  const s = ix.scratch;
  const rangeOf = listMatterRanges(ix, department);
  const candidates: number[] = [];
  for (let i = 0; i < touchedCount; i++) {
    const t = s.touched[i] ?? 0;
    if ((s.best[t] ?? 0) <= 0) continue;
    // Under a filter, drop texts with no matter in the department before ranking.
    if (department >= 0) {
      const range = rangeOf(t);
      if (range.from === range.to) continue;
    }
    candidates.push(t);
  }
  const before = (a: number, b: number): boolean => {
    const sa = s.best[a] ?? 0;
    const sb = s.best[b] ?? 0;
    return sa > sb || (sa === sb && a < b);
  };
  for (let cut = limit; ; cut *= 4) {
    const { top, restBest } = takeTopTexts(candidates, cut, before, s.best);
    const picks = expandTexts(ix, top, rangeOf, limit);
    // A matter's score never exceeds its text's: once the last place beats every text left out, it is final.
    const last = picks[limit - 1];
    if (restBest === 0 || (last !== undefined && last.score > restBest)) return picks.slice(0, limit);
  }
}

function listMatterRanges(ix: BuiltSearchIndex, department: number): (t: number) => MatterRange {
  if (department < 0) {
    const { textMatters: matters, matterFactors: factors } = ix;
    return (t) => ({ matters, factors, from: ix.matterStart[t] ?? 0, to: ix.matterStart[t + 1] ?? 0 });
  }
  const order = obtainDepartmentOrder(ix);
  return (t) => {
    const [from, to] = findDepartmentRange(ix, order, t, department);
    return { matters: order.matters, factors: order.factors, from, to };
  };
}

/**
 * The first `cut` texts in ranking order, plus any tied with the last of them (they may hold earlier
 * matters), and the best score among the texts left out (0 if none).
 */
function takeTopTexts(
  candidates: readonly number[],
  cut: number,
  before: (a: number, b: number) => boolean,
  best: Float64Array,
): { top: number[]; restBest: number } {
  const top: number[] = [];
  for (const t of candidates) {
    if (top.length === cut && !before(t, top[cut - 1] ?? 0)) continue;
    let i = top.length === cut ? cut - 1 : top.length;
    while (i > 0 && before(t, top[i - 1] ?? 0)) {
      top[i] = top[i - 1] ?? 0;
      i--;
    }
    top[i] = t;
  }
  if (top.length < cut) return { top, restBest: 0 };
  // Texts left out rank after the last one taken: a tie with it has a higher text number.
  const lastText = top[cut - 1] ?? 0;
  const last = best[lastText] ?? 0;
  let restBest = 0;
  for (const t of candidates) {
    const score = best[t] ?? 0;
    if (score > last || (score === last && t <= lastText)) continue;
    if (score === last) top.push(t);
    else if (score > restBest) restBest = score;
  }
  return { top, restBest };
}

/** Each text's first `limit` matters; a matter met twice keeps its better score. */
function expandTexts(
  ix: BuiltSearchIndex,
  texts: readonly number[],
  rangeOf: (t: number) => MatterRange,
  limit: number,
): Pick[] {
  const s = ix.scratch;
  const stamp = ++s.stamp;
  const picks: Pick[] = [];
  for (const t of texts) {
    const textScore = s.best[t] ?? 0;
    const range = rangeOf(t);
    const end = Math.min(range.to, range.from + limit);
    for (let i = range.from; i < end; i++) {
      const m = range.matters[i] ?? 0;
      const pick = { matter: m, text: t, score: textScore * (range.factors[i] ?? 1) };
      if (s.matterStamp[m] !== stamp) {
        s.matterStamp[m] = stamp;
        s.matterPick[m] = picks.length;
        picks.push(pick);
        continue;
      }
      // Met before: keep the higher score, and on a tie the lower text (names before aliases).
      const at = s.matterPick[m] ?? 0;
      const previous = picks[at];
      if (previous && (pick.score > previous.score || (pick.score === previous.score && t < previous.text))) {
        picks[at] = pick;
      }
    }
  }
  return picks.sort((a, b) => b.score - a.score || a.matter - b.matter);
}
