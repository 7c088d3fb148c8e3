/** Shapes a ranked (matter, text) pair into the hit callers see, with the span to highlight. */
import type { Matter } from '../types.ts';
import { alignQuery } from './align-query.ts';
import type { UnitArrays } from './unit-levels.ts';
import { locatePosition, type PositionStore } from './text-positions.ts';
import type { MatchedSpan, SearchHit } from './types.ts';

export interface HitSource {
  readonly matter: Matter;
  readonly score: number;
  readonly text: string;
  readonly isAlias: boolean;
  readonly units: UnitArrays;
  readonly store: PositionStore;
  readonly from: number;
  readonly to: number;
}

export function describeHit(source: HitSource): SearchHit {
  const { matter, store, from, to, units } = source;
  const alignment = alignQuery(units, store, from, to, true) ?? alignQuery(units, store, from, to, false);
  // Span ends in UTF-16 units of the text as the catalog spells it (positions skip spaces).
  const first = alignment === undefined ? -1 : alignment.from - from;
  const start = first < 0 ? 0 : locatePosition(source.text, first);
  const end = first < 0 ? 0 : locatePosition(source.text, first + (alignment?.length ?? 1) - 1) + 1;
  const matched: MatchedSpan = {
    field: source.isAlias ? 'alias' : 'name',
    text: source.text,
    start,
    end,
    via: source.isAlias ? 'alias' : (alignment?.via ?? 'text'),
  };
  return { code: matter.code, name: matter.name, departmentId: matter.departmentId, score: source.score, matched };
}
