import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Bundle, Matter } from '../catalog/types.ts';
import { findReleasableTasks } from './find-releasable-tasks.ts';
import { index, TODAY } from './fixtures/dispatch-fixtures.ts';
import { planBundle } from './plan-case.ts';
import type { TaskProgress } from './types.ts';

const realMatters = index.catalog.matters;

/**
 * A random DAG: edges only from lower to higher rank, members listed in a shuffled order, real matters
 * picked by index (kept as numbers so a counterexample stays readable).
 */
const dagShape = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    edges: fc.uniqueArray(
      fc.tuple(fc.nat(n - 1), fc.nat(n - 1)).filter(([a, b]) => a < b),
      { maxLength: (n * (n - 1)) / 2, selector: ([a, b]) => `${a}>${b}` },
    ),
    listing: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
    matters: fc.array(fc.nat(realMatters.length - 1), { minLength: n, maxLength: n }),
  }),
);

type DagShape = { n: number; edges: [number, number][]; listing: number[]; matters: number[] };

const buildDag = ({ n, edges, listing, matters }: DagShape): { bundle: Bundle; chosen: Map<string, Matter> } => {
  const key = (i: number) => `m${i}`;
  const bundle: Bundle = {
    id: 'random',
    name: 'random',
    description: '',
    members: listing.map((i) => ({ key: key(i), matterCodes: [realMatters[matters[i]!]!.code] })),
    dependencies: edges.map(([a, b]) => ({ from: key(a), to: key(b) })),
    jointInspections: [],
  };
  const chosen = new Map<string, Matter>([...Array(n).keys()].map((i) => [key(i), realMatters[matters[i]!]!]));
  return { bundle, chosen };
};

describe('planning properties', () => {
  it('puts every task in a later stage than each of its predecessors', () => {
    fc.assert(
      fc.property(dagShape, (shape) => {
        const { bundle, chosen } = buildDag(shape);
        const plan = planBundle(bundle, chosen, [], TODAY);
        const stageOf = new Map(plan.tasks.map((t) => [t.key, t.stage]));
        expect(plan.tasks).toHaveLength(bundle.members.length);
        for (const task of plan.tasks) {
          for (const pred of task.dependsOn) expect(stageOf.get(pred)!).toBeLessThan(task.stage);
          // Longest-path layering: no gap below a task.
          if (task.stage > 0) expect(task.dependsOn.some((p) => stageOf.get(p) === task.stage - 1)).toBe(true);
        }
        expect(plan.stages.flat()).toEqual(plan.tasks.map((t) => t.key));
        expect(plan.criticalPathDays).toBeLessThanOrEqual(plan.sequentialDays);
      }),
    );
  });

  it('releases every task exactly once, whatever order approvals come in', () => {
    fc.assert(
      fc.property(dagShape, fc.array(fc.nat(), { minLength: 12, maxLength: 12 }), (shape, picks) => {
        const { bundle, chosen } = buildDag(shape);
        const plan = planBundle(bundle, chosen, [], TODAY);
        const progress = new Map<string, TaskProgress>(plan.tasks.map((t) => [t.key, 'waiting']));
        const released = new Map<string, number>();
        for (let round = 0; ; round++) {
          const { release, withdraw } = findReleasableTasks(plan, progress);
          expect(withdraw).toEqual([]);
          for (const key of release) {
            released.set(key, (released.get(key) ?? 0) + 1);
            progress.set(key, 'released');
          }
          const open = [...progress].filter(([, s]) => s === 'released').map(([k]) => k);
          if (open.length === 0) break;
          // Approve one of the released tasks, chosen by the generated sequence.
          progress.set(open[picks[round % picks.length]! % open.length]!, 'approved');
        }
        expect([...progress.values()].every((s) => s === 'approved')).toBe(true);
        expect([...released.values()].every((count) => count === 1)).toBe(true);
        expect(released.size).toBe(plan.tasks.length);
      }),
    );
  });

  it('withdraws exactly the tasks downstream of a rejection', () => {
    fc.assert(
      fc.property(dagShape, fc.nat(), (shape, pick) => {
        const { bundle, chosen } = buildDag(shape);
        const plan = planBundle(bundle, chosen, [], TODAY);
        const progress = new Map<string, TaskProgress>(plan.tasks.map((t) => [t.key, 'waiting']));
        const rejected = plan.stages[0]![pick % plan.stages[0]!.length]!;
        for (const key of plan.stages[0]!) progress.set(key, key === rejected ? 'rejected' : 'approved');
        const downstream = new Set<string>([rejected]);
        for (const task of plan.tasks) if (task.dependsOn.some((p) => downstream.has(p))) downstream.add(task.key);
        downstream.delete(rejected);
        const { release, withdraw } = findReleasableTasks(plan, progress);
        expect(new Set(withdraw)).toEqual(downstream);
        for (const key of release) expect(downstream.has(key)).toBe(false);
      }),
    );
  });
});
