/**
 * Retained memory of a built structure: gc, build, gc, compare. Counts the JS heap plus ArrayBuffer backing
 * stores (typed arrays live outside heapUsed). Needs node --expose-gc, else null ("n/a").
 */

type Gc = () => void;

const findGc = (): Gc | undefined => (globalThis as { gc?: Gc }).gc;

export const hasGc = (): boolean => findGc() !== undefined;

/** Several full collections: one pass can leave weakly reachable garbage behind. */
const collect = (gc: Gc): void => {
  for (let i = 0; i < 3; i++) gc();
};

/**
 * Builds `copies` instances and keeps them all alive while measuring, then divides: for structures of a few
 * hundred KiB the noise of one collection is otherwise as large as the figure.
 */
const usedBytes = (): number => {
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
};

export const measureHeap = <T>(build: () => T, copies = 1): { readonly value: T; readonly bytes: number | null } => {
  const gc = findGc();
  if (!gc) return { value: build(), bytes: null };
  collect(gc);
  const before = usedBytes();
  const kept: T[] = [];
  for (let i = 0; i < copies; i++) kept.push(build());
  collect(gc);
  const bytes = (usedBytes() - before) / copies;
  // `kept` is still referenced here, so the delta is what the structures keep alive.
  return { value: kept[kept.length - 1] as T, bytes };
};
