/**
 * 证照 produced inside a bundle (一件事内证照复用): a member whose result is a certificate another member asks
 * for. The applicant cannot hand in what the case is about to issue, so the hall does not ask for it; the
 * dependent back office receives it from the approved predecessor.
 */
import type { Matter } from '../catalog/types.ts';
import type { Checklist, ChecklistItem } from '../review/types.ts';

/** The plan's graph as planBundle holds it: members by index, predecessor lists, a topological order. */
export interface BundleGraph {
  readonly keys: readonly string[];
  readonly matters: readonly Matter[];
  readonly preds: readonly (readonly number[])[];
  readonly order: readonly number[];
}

/**
 * Marks the checklist items the bundle itself produces with `producedBy` (the producing task's key).
 * An item is produced by task T when T's matter results in a certificate (审批结果类型 10) whose name is the
 * material's name (exact, after trimming; 来源渠道 20 materials only), and every member asking for the item
 * is a transitive successor of T: each is released only after T is approved, by when the document exists.
 * When some asker is not a successor (it runs in parallel with T, or is T itself), the item is still
 * requested: that asker needs it before T can issue it. Library reuse (`reusedFrom`) wins: the applicant
 * already holds a valid one. Among several producers, the first in plan order that qualifies is named.
 * Returns the checklist itself when nothing is produced (the usual case), else a copy with the items replaced.
 */
export const markProducedMaterials = (checklist: Checklist, graph: BundleGraph): Checklist => {
  const { matters, order } = graph;
  // Producers in plan order, with their certificate's name; bundles have a handful, so arrays beat maps.
  const producers: number[] = [];
  const names: string[] = [];
  for (const i of order) {
    const result = matters[i]!.result;
    if (result.type !== '10') continue;
    producers.push(i);
    names.push(result.name.trim());
  }
  if (producers.length === 0) return checklist;

  let items: ChecklistItem[] | undefined;
  let ancestors: number[] | undefined;
  const { items: lines } = checklist;
  for (let l = 0; l < lines.length; l++) {
    const item = lines[l]!;
    if (item.material.source !== '20' || item.reusedFrom !== undefined) continue;
    const name = item.material.name.trim();
    for (let p = 0; p < producers.length; p++) {
      if (names[p] !== name) continue;
      ancestors ??= findAncestors(graph);
      if (!precedesEveryAsker(graph, ancestors, producers[p]!, item.matterCodes)) continue;
      items ??= lines.slice();
      items[l] = withProducer(item, graph.keys[producers[p]!]!);
      break;
    }
  }
  return items === undefined ? checklist : { items, requestedBeforeDedup: checklist.requestedBeforeDedup };
};

/**
 * The item with its producer, field by field: spreading a checklist line (built up property by property in
 * buildChecklist) costs more than the rest of this pass. `reusedFrom` is absent on every item marked here.
 */
const withProducer = (item: ChecklistItem, producedBy: string): ChecklistItem => ({
  material: item.material,
  matterCodes: item.matterCodes,
  necessity: item.necessity,
  form: item.form,
  originals: item.originals,
  copies: item.copies,
  producedBy,
});

/** Words per node in the ancestor bitsets. */
const wordsFor = (n: number): number => (n + 31) >>> 5;

/**
 * Every node's transitive predecessors as a bitset (row i, bit p: p must be approved before i), built in
 * topological order: a node's ancestors are its predecessors and theirs. On a cycle validation should have
 * refused, a predecessor not yet built contributes only itself, so this still ends.
 */
const findAncestors = ({ preds, order }: BundleGraph): number[] => {
  const w = wordsFor(preds.length);
  // A plain array: allocating a typed array costs more than this whole pass on a dozen members.
  const bits = new Array<number>(preds.length * w).fill(0);
  for (const i of order) {
    const row = i * w;
    for (const p of preds[i]!) {
      bits[row + (p >>> 5)]! |= 1 << (p & 31);
      for (let k = 0; k < w; k++) bits[row + k]! |= bits[p * w + k]!;
    }
  }
  return bits;
};

/**
 * Whether every member asking for the item comes after `producer`. Askers are found by matter code, so a
 * matter chosen for two members counts at both; a plan has no asker only for a malformed item (then false).
 */
const precedesEveryAsker = (
  { matters, preds }: BundleGraph,
  ancestors: readonly number[],
  producer: number,
  matterCodes: readonly string[],
): boolean => {
  const w = wordsFor(preds.length);
  const word = producer >>> 5;
  const bit = 1 << (producer & 31);
  let askers = 0;
  for (let j = 0; j < matters.length; j++) {
    if (!matterCodes.includes(matters[j]!.code)) continue;
    askers++;
    if ((ancestors[j * w + word]! & bit) === 0) return false;
  }
  return askers > 0;
};
