/** Wall time of single calls, for work too slow or too stateful for mitata (index builds). */

export const timeOnce = <T>(work: () => T): { readonly value: T; readonly ms: number } => {
  const t0 = process.hrtime.bigint();
  const value = work();
  return { value, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
};

/** Median of `repetitions` timed calls (the first is JIT-cold; the median discounts it); returns the last result. */
export const timeMedian = <T>(repetitions: number, work: () => T): { readonly value: T; readonly ms: number } => {
  const times: number[] = [];
  let last = timeOnce(work);
  times.push(last.ms);
  for (let i = 1; i < repetitions; i++) {
    last = timeOnce(work);
    times.push(last.ms);
  }
  times.sort((a, b) => a - b);
  return { value: last.value, ms: times[Math.floor((times.length - 1) / 2)] ?? Number.NaN };
};
