/**
 * The two heaps behind pruned verification, on typed arrays in the scratch (no allocation per query):
 * - a floor: the `limit` best of some scores (a min-heap), whose least is a score the limit-th best matter
 *   reaches for sure once `limit` distinct matter names have it;
 * - the candidates for verification, best upper bound first (a max-heap of text numbers keyed by bound).
 */

/** Offers `score` to a min-heap of the best `limit` scores, which holds `size`; returns its new size. */
export function offerToFloor(heap: Float64Array, size: number, limit: number, score: number): number {
  if (size === limit && score <= (heap[0] as number)) return size;
  let k: number;
  if (size < limit) {
    // Append and sift up.
    k = size++;
    while (k > 0 && (heap[(k - 1) >> 1] as number) > score) {
      heap[k] = heap[(k - 1) >> 1] as number;
      k = (k - 1) >> 1;
    }
  } else {
    // Replace the least and sift down.
    k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= size) break;
      if (child + 1 < size && (heap[child + 1] as number) < (heap[child] as number)) child++;
      if ((heap[child] as number) >= score) break;
      heap[k] = heap[child] as number;
      k = child;
    }
  }
  heap[k] = score;
  return size;
}

/** The floor a heap of `size` gives: its least once it holds `limit` scores, else 0. */
export function readFloor(heap: Float64Array, size: number, limit: number): number {
  return size === limit && limit > 0 ? (heap[0] as number) : 0;
}

/** Orders texts[0 .. count) as a max-heap by key[text]. */
export function heapifyByKey(texts: Int32Array, count: number, key: Float64Array): void {
  for (let k = (count >> 1) - 1; k >= 0; k--) siftDown(texts, count, key, k);
}

/** Removes the text with the largest key from a max-heap of `count` (> 0) and returns it. */
export function popByKey(texts: Int32Array, count: number, key: Float64Array): number {
  const top = texts[0] as number;
  texts[0] = texts[count - 1] as number;
  siftDown(texts, count - 1, key, 0);
  return top;
}

function siftDown(texts: Int32Array, count: number, key: Float64Array, from: number): void {
  const t = texts[from] as number;
  const value = key[t] as number;
  let k = from;
  for (;;) {
    let child = 2 * k + 1;
    if (child >= count) break;
    if (child + 1 < count && (key[texts[child + 1] as number] as number) > (key[texts[child] as number] as number)) {
      child++;
    }
    if ((key[texts[child] as number] as number) <= value) break;
    texts[k] = texts[child] as number;
    k = child;
  }
  texts[k] = t;
}
