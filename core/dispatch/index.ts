/** Dispatch: routing a case to back offices, bundle planning and the shared checklist. */
export type * from './types.ts';
export { selectBundleMatters, type BundleChoiceProblem } from './select-bundle-matters.ts';
export { buildChecklist, findReusableItem } from './build-checklist.ts';
export { markProducedMaterials, type BundleGraph } from './find-produced-materials.ts';
export { countPromisedDays, planBundle, planSingleMatter } from './plan-case.ts';
export { findReleasableTasks } from './find-releasable-tasks.ts';
