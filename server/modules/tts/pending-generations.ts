// Request dedup (docs/architecture.md invariant 10): identical concurrent requests share
// one generation — its events, its result or its error — whichever endpoint asked (/api/tts waits for the
// end, /api/tts/stream reads it chunk by chunk), so a joiner never starts a second set of upstream calls.
//
// The subtle point is cancellation. The work gets its own AbortSignal, aborted only when every caller waiting
// on it has gone; a caller that leaves earlier gets its own rejection at once while the rest keep waiting.
// An abandoned entry leaves the map straight away, so a newcomer starts fresh work instead of joining one
// that is being torn down.

/** What a generation must offer to be shared: a promise of its outcome. */
export interface PendingWork<T> {
  done: Promise<T>;
}

export interface PendingRun<T, W extends PendingWork<T>> {
  /** the shared work, to read while it runs (the stream's events) */
  work: W;
  /** the work's outcome for this caller: rejects at once with the caller's abort reason when it leaves */
  result: Promise<T>;
  /** true when this caller joined work another caller started */
  piggyback: boolean;
}

export interface PendingGenerations<T, W extends PendingWork<T> = PendingWork<T>> {
  /** Joins the work running for `key`, or starts it with `start` (which must not throw). Throws the caller's
   * abort reason, starting nothing, when `callerSignal` has already aborted. */
  run(key: string, start: (signal: AbortSignal) => W, callerSignal?: AbortSignal): PendingRun<T, W>;
  /** true while work for `key` is running and can still be joined */
  has(key: string): boolean;
  size(): number;
}

interface Entry<W> {
  work: W;
  controller: AbortController;
  waiters: number;
}

export function createPendingGenerations<T, W extends PendingWork<T> = PendingWork<T>>(): PendingGenerations<T, W> {
  const pending = new Map<string, Entry<W>>();

  const forget = (key: string, entry: Entry<W>) => {
    if (pending.get(key) === entry) pending.delete(key);
  };

  const begin = (key: string, start: (signal: AbortSignal) => W): Entry<W> => {
    const controller = new AbortController();
    const entry: Entry<W> = { work: start(controller.signal), controller, waiters: 0 };
    pending.set(key, entry);
    const settled = () => forget(key, entry);
    entry.work.done.then(settled, settled);
    return entry;
  };

  const join = (key: string, entry: Entry<W>, callerSignal?: AbortSignal): Promise<T> => {
    entry.waiters += 1;
    if (!callerSignal) return entry.work.done;
    return new Promise<T>((resolve, reject) => {
      const onAbort = () => {
        reject(callerSignal.reason);
        entry.waiters -= 1;
        if (entry.waiters === 0) {
          forget(key, entry);
          entry.controller.abort(callerSignal.reason);
        }
      };
      callerSignal.addEventListener("abort", onAbort, { once: true });
      entry.work.done.then(
        (value) => {
          callerSignal.removeEventListener("abort", onAbort);
          resolve(value);
        },
        (error: unknown) => {
          callerSignal.removeEventListener("abort", onAbort);
          reject(error);
        },
      );
    });
  };

  const run = (key: string, start: (signal: AbortSignal) => W, callerSignal?: AbortSignal): PendingRun<T, W> => {
    if (typeof key !== "string") throw new TypeError(`Expected \`key\` to be a string, got ${typeof key}`);
    if (typeof start !== "function") throw new TypeError(`Expected \`start\` to be a function, got ${typeof start}`);
    // A caller already gone neither starts work nor counts as a waiter on the running one.
    callerSignal?.throwIfAborted();
    const existing = pending.get(key);
    const entry = existing ?? begin(key, start);
    return { work: entry.work, result: join(key, entry, callerSignal), piggyback: existing !== undefined };
  };

  return { run, has: (key) => pending.has(key), size: () => pending.size };
}
