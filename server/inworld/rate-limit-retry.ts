// Inworld's 429s are retried here, by the caller of the client and not in it (docs/architecture.md, "Parallel
// synthesis"): exponential backoff of 1 s, 2 s, 4 s with jitter so the retries of parallel chunks spread out, a
// Retry-After header winning when Inworld sends one, and any other error passed straight on.
import { setTimeout as sleep } from "node:timers/promises";
import { InworldRateLimitError } from "./errors";

export interface RetryPolicy {
  /** Wait before retry n (1 s, 2 s, 4 s: three retries after the first attempt). */
  delaysMs: readonly number[];
  /** Up to this fraction of each delay is added at random. */
  jitterRatio: number;
}

export const DEFAULT_RETRY: RetryPolicy = { delaysMs: [1000, 2000, 4000], jitterRatio: 0.25 };

export interface RetryOptions {
  policy?: RetryPolicy;
  /** Aborting it ends a wait in backoff at once. */
  signal?: AbortSignal;
  onRetry?: (info: { attempt: number; delayMs: number }) => void;
  random?: () => number;
}

export async function retryRateLimited<R>(call: () => Promise<R>, options: RetryOptions = {}): Promise<R> {
  const { policy = DEFAULT_RETRY, signal, onRetry, random = Math.random } = options;
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (error) {
      if (signal?.aborted || !(error instanceof InworldRateLimitError) || attempt >= policy.delaysMs.length) throw error;
      const base = policy.delaysMs[attempt];
      // Inworld documents no Retry-After; when one is sent it is the server's word and wins.
      const delayMs = error.retryAfterMs ?? base + base * policy.jitterRatio * random();
      onRetry?.({ attempt: attempt + 1, delayMs });
      await sleep(delayMs, undefined, { signal });
    }
  }
}
