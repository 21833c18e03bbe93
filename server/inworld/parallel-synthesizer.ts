// Parallel chunk synthesis (spec 000): at most `concurrency` calls in flight, results in text order
// whatever order they finish in, 429s retried here — not in the client — with exponential backoff, and the
// first chunk that fails for good aborts its in-flight siblings and fails the whole request.
import { InworldRateLimitError } from "./errors";

export interface RetryPolicy {
  /** Wait before retry n (1 s, 2 s, 4 s: three retries after the first attempt). */
  delaysMs: readonly number[];
  /** Up to this fraction of each delay is added at random so retries of parallel chunks spread out. */
  jitterRatio: number;
}

export const DEFAULT_RETRY: RetryPolicy = { delaysMs: [1000, 2000, 4000], jitterRatio: 0.25 };

export interface ParallelOptions {
  concurrency: number;
  retry?: RetryPolicy;
  signal?: AbortSignal;
  onRetry?: (info: { index: number; attempt: number; delayMs: number }) => void;
  random?: () => number;
}

export async function synthesizeInParallel<I, R>(
  items: readonly I[],
  task: (item: I, index: number, signal: AbortSignal) => Promise<R>,
  options: ParallelOptions,
): Promise<R[]> {
  const { concurrency, retry = DEFAULT_RETRY, signal, onRetry, random = Math.random } = options;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new TypeError(`concurrency must be a positive integer, got ${concurrency}`);
  signal?.throwIfAborted();

  // One controller for the whole request: a caller abort or the first hard failure stops everything.
  const controller = new AbortController();
  const onCallerAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener("abort", onCallerAbort, { once: true });

  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;

  async function runOne(index: number): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        results[index] = await task(items[index], index, controller.signal);
        return;
      } catch (error) {
        if (controller.signal.aborted) throw error;
        const canRetry = error instanceof InworldRateLimitError && attempt < retry.delaysMs.length;
        if (!canRetry) throw error;
        const base = retry.delaysMs[attempt];
        // Inworld documents no Retry-After; when one is sent it is the server's word and wins.
        const delayMs = error.retryAfterMs ?? base + base * retry.jitterRatio * random();
        onRetry?.({ index, attempt: attempt + 1, delayMs });
        await sleep(delayMs, controller.signal);
      }
    }
  }

  async function worker(): Promise<void> {
    while (!failure && !controller.signal.aborted && next < items.length) {
      const index = next++;
      try {
        await runOne(index);
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

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener("abort", onAbort, { once: true });
  });
}
