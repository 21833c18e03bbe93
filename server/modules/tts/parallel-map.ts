// An ordered, abortable, fail-fast parallel map, in the shape of p-map: at most `concurrency` tasks in flight,
// results in input order whatever order they finish in. The subtle point is failure: the first task that fails
// aborts the signal every running sibling was given, no further task starts, and that failure (or the caller's
// abort reason, when the caller gave up first) is the map's rejection. Parallel synthesis (docs/architecture.md) builds on this;
// what is retried, and how, is the task's business (server/inworld/rate-limit-retry.ts for Inworld's 429s).
import { assertPositiveInteger } from "@/lib/args/assert-positive";

export interface ParallelMapOptions {
  concurrency: number;
  signal?: AbortSignal;
}

export async function parallelMap<I, R>(
  items: readonly I[],
  task: (item: I, index: number, signal: AbortSignal) => Promise<R>,
  { concurrency, signal }: ParallelMapOptions,
): Promise<R[]> {
  assertPositiveInteger("concurrency", concurrency);
  signal?.throwIfAborted();

  // One controller for the whole map: a caller abort or the first failure stops everything.
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onCallerAbort, { once: true });

  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;

  async function worker(): Promise<void> {
    while (!failure && !controller.signal.aborted && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index], index, controller.signal);
      } catch (error) {
        if (!failure) {
          failure = { error: signal?.aborted ? signal.reason : error };
          controller.abort(error);
        }
      }
    }
  }

  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  } finally {
    signal?.removeEventListener("abort", onCallerAbort);
  }
  if (failure) throw failure.error;
  signal?.throwIfAborted();
  return results;
}
