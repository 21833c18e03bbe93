// Measuring how long work takes, for tests and benchmarks. Linear-time checks compare a run on 16× the input
// with a run on the input: 16× the time when linear (up to ~60× in practice: long strings cost the allocator and
// collector more than their length), 256× when quadratic, so a limit of 128 tells them apart with a factor of 2
// to spare either way. Ratios, never absolute times, so a slow or busy machine does not fail them.

/** The fastest of a few runs of `work(input)`, in ms: the least disturbed by other processes. */
export function fastestMs<T>(work: (input: T) => unknown, input: T, runs = 5): number {
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

/** Milliseconds an async call takes, with its result. */
export async function timed<T>(call: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await call();
  return { ms: performance.now() - start, value };
}
