/**
 * Picks the best `limit` matters from scored texts without sorting them all: take the top texts (a text may
 * stand for 120 matters in a national catalog, so a few texts usually suffice), expand them to matters, and
 * widen the cut until no text left out could still place. Order: score, then catalog order. Texts are ranked
 * in a scratch array with the comparison written out: this runs over every scored text of every query.
 */
import type { BuiltSearchIndex } from './build-search-index.ts';
import { findDepartmentRange, obtainDepartmentOrder } from './department-order.ts';

export interface Pick {
  readonly matter: number;
  readonly text: number;
  readonly score: number;
}

/** `department` is an interned department index, or -1 for all. */
export function selectTopHits(ix: BuiltSearchIndex, touchedCount: number, limit: number, department: number): Pick[] {
  for (let cut = limit; ; cut *= 4) {
    const { count, restBest } = takeTopTexts(ix, touchedCount, cut);
    const picks = expandTexts(ix, count, limit, department);
    // A matter's score never exceeds its text's: once the last place beats every text left out, it is final.
    const last = picks[limit - 1];
    if (restBest === 0 || (last !== undefined && last.score > restBest)) return picks.slice(0, limit);
  }
}

/**
 * The first `cut` scored texts in ranking order (score, then text) into scratch.top, plus any tied with the
 * last of them (they may hold earlier matters); returns how many, and the best score among the texts left
 * out (0 if none). Texts the department filter hides were never scored (score-texts.ts).
 */
function takeTopTexts(ix: BuiltSearchIndex, touchedCount: number, cut: number): { count: number; restBest: number } {
  const { touched, best, top } = ix.scratch;
  let count = 0;
  for (let i = 0; i < touchedCount; i++) {
    const t = touched[i] as number;
    const score = best[t] as number;
    if (score <= 0) continue;
    if (count === cut) {
      const lastText = top[cut - 1] as number;
      const last = best[lastText] as number;
      if (score < last || (score === last && t > lastText)) continue;
    }
    // Insertion into the ranked list, dropping its last when full.
    let k = count === cut ? cut - 1 : count++;
    while (k > 0) {
      const other = top[k - 1] as number;
      const otherScore = best[other] as number;
      if (score < otherScore || (score === otherScore && t > other)) break;
      top[k] = other;
      k--;
    }
    top[k] = t;
  }
  if (count < cut) return { count, restBest: 0 };
  // Texts left out rank after the last one taken: a tie with it has a higher text number.
  const lastText = top[cut - 1] as number;
  const last = best[lastText] as number;
  let restBest = 0;
  for (let i = 0; i < touchedCount; i++) {
    const t = touched[i] as number;
    const score = best[t] as number;
    if (score <= 0 || score > last || (score === last && t <= lastText)) continue;
    if (score === last) top[count++] = t;
    else if (score > restBest) restBest = score;
  }
  return { count, restBest };
}

/** Each top text's first `limit` matters (of the department); a matter met twice keeps its better score. */
function expandTexts(ix: BuiltSearchIndex, textCount: number, limit: number, department: number): Pick[] {
  const s = ix.scratch;
  const stamp = ++s.stamp;
  const order = department < 0 ? undefined : obtainDepartmentOrder(ix);
  const matters = order === undefined ? ix.textMatters : order.matters;
  const factors = order === undefined ? ix.matterFactors : order.factors;
  const picks: Pick[] = [];
  for (let k = 0; k < textCount; k++) {
    const t = s.top[k] as number;
    const textScore = s.best[t] as number;
    let from = ix.matterStart[t] as number;
    let to = ix.matterStart[t + 1] as number;
    if (order !== undefined) [from, to] = findDepartmentRange(ix, order, t, department);
    const end = Math.min(to, from + limit);
    for (let i = from; i < end; i++) {
      const m = matters[i] as number;
      const pick = { matter: m, text: t, score: textScore * (factors[i] as number) };
      if (s.matterStamp[m] !== stamp) {
        s.matterStamp[m] = stamp;
        s.matterPick[m] = picks.length;
        picks.push(pick);
        continue;
      }
      // Met before: keep the higher score, and on a tie the lower text (names before aliases).
      const at = s.matterPick[m] as number;
      const previous = picks[at] as Pick;
      if (pick.score > previous.score || (pick.score === previous.score && t < previous.text)) picks[at] = pick;
    }
  }
  return picks.sort((a, b) => b.score - a.score || a.matter - b.matter);
}
