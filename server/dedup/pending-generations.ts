// Request dedup (spec "pendingGenerations map", DESIGN.md invariant 10): identical concurrent requests share
// one generation and its result or error.
//
// The subtle point is cancellation. The work gets its own AbortSignal, aborted only when every caller waiting
// on it has gone; a caller that leaves earlier gets its own rejection at once while the rest keep waiting.
// An abandoned entry leaves the map straight away, so a newcomer starts fresh work instead of joining one
// that is being torn down.

export interface PendingRun<T> {
  result: Promise<T>;
  /** true when this caller joined work another caller started */
  piggyback: boolean;
}

export interface PendingGenerations<T> {
  run(key: string, start: (signal: AbortSignal) => Promise<T>, callerSignal?: AbortSignal): PendingRun<T>;
  /** true while work for `key` is running and can still be joined */
  has(key: string): boolean;
  size(): number;
}

interface Entry<T> {
  work: Promise<T>;
  controller: AbortController;
  waiters: number;
}

export function createPendingGenerations<T>(): PendingGenerations<T> {
  const pending = new Map<string, Entry<T>>();

  const forget = (key: string, entry: Entry<T>) => {
    if (pending.get(key) === entry) pending.delete(key);
  };

  const begin = (key: string, start: (signal: AbortSignal) => Promise<T>): Entry<T> => {
    const controller = new AbortController();
    // The executor runs start() synchronously and turns a synchronous throw into a rejection.
    const work = new Promise<T>((resolve) => resolve(start(controller.signal)));
    const entry: Entry<T> = { work, controller, waiters: 0 };
    pending.set(key, entry);
    const settled = () => forget(key, entry);
    work.then(settled, settled);
    return entry;
  };

  const join = (key: string, entry: Entry<T>, callerSignal?: AbortSignal): Promise<T> => {
    entry.waiters += 1;
    if (!callerSignal) return entry.work;
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
      entry.work.then(
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

  const run = (key: string, start: (signal: AbortSignal) => Promise<T>, callerSignal?: AbortSignal): PendingRun<T> => {
    if (typeof key !== "string") throw new TypeError(`Expected \`key\` to be a string, got ${typeof key}`);
    if (typeof start !== "function") throw new TypeError(`Expected \`start\` to be a function, got ${typeof start}`);
    const existing = pending.get(key);
    if (callerSignal?.aborted) return { result: Promise.reject(callerSignal.reason), piggyback: existing !== undefined };
    if (existing) return { result: join(key, existing, callerSignal), piggyback: true };
    return { result: join(key, begin(key, start), callerSignal), piggyback: false };
  };

  return { run, has: (key) => pending.has(key), size: () => pending.size };
}
