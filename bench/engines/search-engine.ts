import type { CatalogDocument } from '../../core/index.ts';
import type { SearchDocument } from './search-documents.ts';

/** A hit reduced to what accuracy and the filter check need. */
export interface EngineHit {
  readonly name: string;
  readonly departmentId: string;
}

/** A built index behind one search call, so every engine is timed through the same path. */
export interface SearchEngine {
  search(query: string, departmentId: string | undefined, limit: number): readonly EngineHit[];
}

/** How one engine is built from the same catalog and the same documents. */
export interface EngineFactory {
  readonly name: string;
  /** Ours, our naive oracle, or a third-party library: decides the timing plan and the targets. */
  readonly role: 'ours' | 'naive' | 'library';
  /** The configuration in a line, printed beside the figures so readers can judge its fairness. */
  readonly config: string;
  build(catalog: CatalogDocument, documents: readonly SearchDocument[]): SearchEngine;
}
