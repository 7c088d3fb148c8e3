import { flexSearchEngine } from './flexsearch-engine.ts';
import { fuseEngine } from './fuse-engine.ts';
import { miniSearchEngine } from './minisearch-engine.ts';
import { naiveEngine } from './naive-engine.ts';
import { onewindowEngine } from './onewindow-engine.ts';
import type { EngineFactory } from './search-engine.ts';

/** Ours first, then our naive baseline (the oracle), then the libraries, in the order the tables show them. */
export const allEngines: readonly EngineFactory[] = [
  onewindowEngine,
  naiveEngine,
  flexSearchEngine,
  miniSearchEngine,
  fuseEngine,
];

export const findEngine = (name: string): EngineFactory => {
  const engine = allEngines.find((e) => e.name === name);
  if (!engine) throw new Error(`unknown engine ${name}`);
  return engine;
};
