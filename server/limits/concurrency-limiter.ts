// The TTS concurrency limiter: a fixed number of global
// slots, a per-user cap, a bounded FIFO queue with a timeout, and abort-aware cleanup so slots always come back
// (docs/architecture.md invariant 8).
import type { Logger } from "pino";
import { ttsBusy, userBusy } from "../errors";
import { createLogger } from "../logger";
import { assertPositiveInteger } from "@/lib/args/assert-positive";

export type Release = () => void;

export interface LimiterStats {
  activeSlots: number;
  queuedRequests: number;
  maxConcurrentTTS: number;
  maxPerUser: number;
  /** the longest the queue may grow */
  maxQueued: number;
  /** per user key: slots held plus requests queued */
  perUserBreakdown: Record<string, number>;
  totalAcquired: number;
  totalRejected: number;
  totalTimedOut: number;
  /** the most requests seen at once, holding or waiting */
  peakConcurrent: number;
}

export interface ConcurrencyLimiter {
  acquire(userKey: string, signal?: AbortSignal): Promise<Release>;
  stats(): LimiterStats;
}

export interface ConcurrencyLimiterOptions {
  maxConcurrent: number;
  maxPerUser: number;
  slotTimeoutMs: number;
  /**
   * Waiters beyond this are refused at once with TTS_BUSY instead of queueing; default 4 × maxConcurrent.
   * The per-user cap alone does not bound the queue: every anonymous IP is a user of its own.
   */
  maxQueued?: number;
  logger?: Logger;
}

// Four rounds of every slot: a waiter further back would most likely time out (TTS_SLOT_TIMEOUT_MS) anyway,
// holding its request, socket and body all that time.
const QUEUE_ROUNDS = 4;

interface Waiter {
  grant: () => void;
}

export function createConcurrencyLimiter(options: ConcurrencyLimiterOptions): ConcurrencyLimiter {
  const { maxConcurrent, maxPerUser, slotTimeoutMs } = options;
  assertPositiveInteger("maxConcurrent", maxConcurrent);
  assertPositiveInteger("maxPerUser", maxPerUser);
  if (typeof slotTimeoutMs !== "number" || !Number.isFinite(slotTimeoutMs) || slotTimeoutMs < 0) {
    throw new TypeError(`Expected \`slotTimeoutMs\` to be a non-negative finite number, got ${String(slotTimeoutMs)}`);
  }
  const maxQueued = options.maxQueued ?? QUEUE_ROUNDS * maxConcurrent;
  if (!Number.isInteger(maxQueued) || maxQueued < 0) {
    throw new TypeError(`Expected \`maxQueued\` to be a non-negative integer, got ${String(maxQueued)}`);
  }
  const logger = options.logger ?? createLogger("tts:concurrency");

  let active = 0;
  const queue: Waiter[] = [];
  const perUser = new Map<string, number>();
  let totalAcquired = 0;
  let totalRejected = 0;
  let totalTimedOut = 0;
  let peakConcurrent = 0;

  const addUser = (userKey: string, delta: number) => {
    const next = (perUser.get(userKey) ?? 0) + delta;
    if (next > 0) perUser.set(userKey, next);
    else perUser.delete(userKey);
  };

  const notePeak = () => {
    peakConcurrent = Math.max(peakConcurrent, active + queue.length);
  };

  const drain = () => {
    while (active < maxConcurrent && queue.length > 0) queue.shift()!.grant();
  };

  // Takes a slot for a request already counted in perUser and returns its release. The release is also
  // wired to the caller's signal: a client that disconnects frees its slot even if the code holding it
  // never reaches its `finally` — which is why release must be idempotent.
  const holdSlot = (userKey: string, signal?: AbortSignal): Release => {
    active += 1;
    totalAcquired += 1;
    notePeak();
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      signal?.removeEventListener("abort", release);
      active -= 1;
      addUser(userKey, -1);
      drain();
    };
    signal?.addEventListener("abort", release, { once: true });
    return release;
  };

  const acquire = (userKey: string, signal?: AbortSignal): Promise<Release> => {
    if (typeof userKey !== "string" || userKey.length === 0) {
      return Promise.reject(new TypeError(`Expected \`userKey\` to be a non-empty string, got ${String(userKey)}`));
    }
    if (signal?.aborted) return Promise.reject(signal.reason);
    if ((perUser.get(userKey) ?? 0) >= maxPerUser) {
      totalRejected += 1;
      return Promise.reject(userBusy());
    }
    const mustWait = active >= maxConcurrent || queue.length > 0;
    if (mustWait && queue.length >= maxQueued) {
      totalRejected += 1;
      logger.warn({ userKey, activeSlots: active, queuedRequests: queue.length }, "TTS queue full");
      return Promise.reject(ttsBusy());
    }
    addUser(userKey, 1);

    if (!mustWait) return Promise.resolve(holdSlot(userKey, signal));

    return new Promise<Release>((resolve, reject) => {
      const leave = (error: unknown) => {
        const index = queue.indexOf(waiter);
        if (index !== -1) queue.splice(index, 1);
        clearTimeout(timer);
        signal?.removeEventListener("abort", onAbort);
        addUser(userKey, -1);
        reject(error);
      };
      const onAbort = () => leave(signal!.reason);
      const timer = setTimeout(() => {
        totalTimedOut += 1;
        leave(ttsBusy());
      }, slotTimeoutMs);
      const waiter: Waiter = {
        grant: () => {
          clearTimeout(timer);
          signal?.removeEventListener("abort", onAbort);
          resolve(holdSlot(userKey, signal));
        },
      };
      queue.push(waiter);
      signal?.addEventListener("abort", onAbort, { once: true });
      notePeak();
      logger.info({ userKey, activeSlots: active, queuedRequests: queue.length }, "TTS request queued");
    });
  };

  const stats = (): LimiterStats => ({
    activeSlots: active,
    queuedRequests: queue.length,
    maxConcurrentTTS: maxConcurrent,
    maxPerUser,
    maxQueued,
    perUserBreakdown: Object.fromEntries(perUser),
    totalAcquired,
    totalRejected,
    totalTimedOut,
    peakConcurrent,
  });

  return { acquire, stats };
}
