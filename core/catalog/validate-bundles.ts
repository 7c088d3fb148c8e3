/** Bundle (一件事) and time-limit checks of validateCatalog. */
import { asObject, join, readArray, readBoolean, readString, readTextList, report, type Problems } from './catalog-problems.ts';
import { TIME_LIMIT_UNIT_LABELS } from './labels.ts';
import type { TimeLimit } from './types.ts';

/** A time limit's shape and values; returns it only when it is fully valid, for the comparisons. */
export const validateTimeLimit = (problems: Problems, value: unknown, path: string): TimeLimit | undefined => {
  const limit = asObject(problems, value, path);
  if (!limit) return undefined;
  const unit = limit['unit'];
  const amount = limit['value'];
  let ok = true;
  if (typeof unit !== 'string' || !Object.hasOwn(TIME_LIMIT_UNIT_LABELS, unit)) {
    report(problems, join(path, 'unit'), 'LIMIT_INVALID_UNIT', JSON.stringify(unit ?? null));
    ok = false;
  }
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0) {
    report(problems, join(path, 'value'), 'LIMIT_INVALID_VALUE', JSON.stringify(amount ?? null));
    ok = false;
  } else if (unit === 'on_the_spot' && amount !== 0) {
    report(problems, join(path, 'value'), 'LIMIT_ON_THE_SPOT_NONZERO', String(amount));
    ok = false;
  }
  readString(problems, limit, 'note', path, true);
  return ok ? (limit as unknown as TimeLimit) : undefined;
};

/**
 * The cycles closed by back edges of a depth-first search (at least one for every cyclic group of members),
 * each as `[a, b, a]`, rotated to start at its smallest key so the same cycle found twice is kept once.
 */
export const findCycles = (edges: ReadonlyMap<string, readonly string[]>): string[][] => {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const found = new Map<string, string[]>();
  const visit = (node: string): void => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of edges.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = stack.slice(stack.indexOf(next));
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
        found.set(rotated.join('\u0000'), [...rotated, rotated[0]!]);
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...edges.keys()].sort()) if (!state.has(node)) visit(node);
  return [...found.values()];
};

const validateMembers = (problems: Problems, bundle: Readonly<Record<string, unknown>>, path: string, codes: ReadonlySet<string>) => {
  const keys = new Set<string>();
  const members = readArray(problems, bundle, 'members', path);
  if (members?.length === 0) report(problems, join(path, 'members'), 'NO_BUNDLE_MEMBERS');
  members?.forEach((value, i) => {
    const at = join(join(path, 'members'), i);
    const member = asObject(problems, value, at);
    if (!member) return;
    const key = readString(problems, member, 'key', at);
    if (key !== undefined) {
      if (keys.has(key)) report(problems, join(at, 'key'), 'DUPLICATE_MEMBER_KEY', key);
      keys.add(key);
    }
    const matterCodes = readTextList(problems, member, 'matterCodes', at, 'EMPTY_MEMBER');
    matterCodes?.forEach((code, k) => {
      if (!codes.has(code)) report(problems, join(join(at, 'matterCodes'), k), 'UNKNOWN_MATTER_CODE', code);
    });
    readBoolean(problems, member, 'optional', at, true);
  });
  return keys;
};

const validateDependencies = (problems: Problems, bundle: Readonly<Record<string, unknown>>, path: string, keys: ReadonlySet<string>) => {
  const edges = new Map<string, string[]>();
  readArray(problems, bundle, 'dependencies', path)?.forEach((value, i) => {
    const at = join(join(path, 'dependencies'), i);
    const dep = asObject(problems, value, at);
    if (!dep) return;
    const from = readString(problems, dep, 'from', at);
    const to = readString(problems, dep, 'to', at);
    if (from !== undefined && !keys.has(from)) report(problems, join(at, 'from'), 'UNKNOWN_MEMBER', from);
    if (to !== undefined && !keys.has(to)) report(problems, join(at, 'to'), 'UNKNOWN_MEMBER', to);
    if (from !== undefined && to !== undefined && keys.has(from) && keys.has(to)) {
      edges.set(from, [...(edges.get(from) ?? []), to]);
    }
  });
  for (const cycle of findCycles(edges)) report(problems, join(path, 'dependencies'), 'DEPENDENCY_CYCLE', cycle.join(' → '));
};

const validateJointInspections = (problems: Problems, bundle: Readonly<Record<string, unknown>>, path: string, keys: ReadonlySet<string>) => {
  readArray(problems, bundle, 'jointInspections', path)?.forEach((value, i) => {
    const at = join(join(path, 'jointInspections'), i);
    const joint = asObject(problems, value, at);
    if (!joint) return;
    readString(problems, joint, 'name', at);
    const members = readTextList(problems, joint, 'members', at, 'JOINT_INSPECTION_TOO_SMALL');
    if (members && members.length === 1) report(problems, join(at, 'members'), 'JOINT_INSPECTION_TOO_SMALL');
    members?.forEach((key, k) => {
      if (!keys.has(key)) report(problems, join(join(at, 'members'), k), 'UNKNOWN_MEMBER', key);
    });
  });
};

export const validateBundles = (problems: Problems, list: readonly unknown[], codes: ReadonlySet<string>): void => {
  const ids = new Set<string>();
  list.forEach((value, i) => {
    const path = join('bundles', i);
    const bundle = asObject(problems, value, path);
    if (!bundle) return;
    const id = readString(problems, bundle, 'id', path);
    if (id !== undefined) {
      if (ids.has(id)) report(problems, join(path, 'id'), 'DUPLICATE_BUNDLE_ID', id);
      ids.add(id);
    }
    readString(problems, bundle, 'name', path);
    readString(problems, bundle, 'description', path);
    const keys = validateMembers(problems, bundle, path, codes);
    validateDependencies(problems, bundle, path, keys);
    validateJointInspections(problems, bundle, path, keys);
    if (bundle['promisedLimit'] !== undefined) validateTimeLimit(problems, bundle['promisedLimit'], join(path, 'promisedLimit'));
  });
};
