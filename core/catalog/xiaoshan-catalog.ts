/**
 * The Xiaoshan demo catalog, expanded from its compact seed on first use and kept for the life of the
 * module (a Worker isolate, a CLI run). Aliases live in their own file, kept by the search work.
 */
import aliases from './data/xiaoshan-aliases.json';
import seed from './data/xiaoshan-seed.json';
import { expandSeed, type CatalogSeed } from './expand-seed.ts';
import type { Alias, CatalogDocument } from './types.ts';

let catalog: CatalogDocument | undefined;

/** Expands once (a few milliseconds); later calls return the same object. */
export const loadXiaoshanCatalog = (): CatalogDocument =>
  // JSON's inferred literal types say nothing the seed types do not; the validator guards the content.
  (catalog ??= expandSeed(seed as unknown as CatalogSeed, aliases as readonly Alias[]));
