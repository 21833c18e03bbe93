// Linear-time checks compare a run on 8× the input with a run on the input: about 8× the time when linear,
// 64× when quadratic. Ratios, never absolute times, so a slow or busy machine does not fail them.

/** The fastest of a few runs of `work(input)`, in ms: the least disturbed by other processes. */
export function fastestMs<T>(work: (input: T) => unknown, input: T, runs = 3): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    work(input);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/** How much longer `work` takes on `large` than on `small`, after a warm-up (the first runs include compiling). */
export function slowdown<T>(work: (input: T) => unknown, small: T, large: T): number {
  fastestMs(work, small);
  return fastestMs(work, large) / Math.max(fastestMs(work, small), 0.05);
}
