/** The search API's shapes: what the kiosk, the window and the CLI code against. */

export interface SearchOptions {
  /** How many hits to return: default 10, at most 50; 0 or less returns none. */
  readonly limit?: number;
  /** Only matters this department implements. */
  readonly departmentId?: string;
}

/** What the query matched, for highlighting: `text.slice(start, end)` is the matched part (UTF-16 indices). */
export interface MatchedSpan {
  readonly field: 'name' | 'alias';
  /** The full matter name, or the full alias phrase that led to the matter. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** How it matched: the chars themselves, typed pinyin, typed initials, a same-sound char, or an alias. */
  readonly via: 'text' | 'pinyin' | 'initials' | 'homophone' | 'alias';
}

export interface SearchHit {
  /** 实施编码 of the matter. */
  readonly code: string;
  readonly name: string;
  readonly departmentId: string;
  /** Higher is better; only comparable within one result list. */
  readonly score: number;
  readonly matched: MatchedSpan;
}

/** A built index; its insides are private to the search. */
export interface SearchIndex {
  readonly matterCount: number;
  /** Distinct names and alias phrases indexed. */
  readonly textCount: number;
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;

/** The limit to use: default when absent or not a number, clamped to [0, MAX_LIMIT]. */
export function clampLimit(limit: number | undefined): number {
  if (limit === undefined || Number.isNaN(limit)) return DEFAULT_LIMIT;
  return Math.max(0, Math.min(MAX_LIMIT, Math.floor(limit)));
}
