import { describe, expect, it } from "vitest";
import { createPendingGenerations } from "@/server/modules/tts/pending-generations";

// A start() whose outcome the test decides, recording the signal it was given.
function deferredWork<T>() {
  const calls: AbortSignal[] = [];
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const start = (signal: AbortSignal) => {
    calls.push(signal);
    return {
      done: new Promise<T>((res, rej) => {
        resolve = res;
        reject = rej;
      }),
    };
  };
  return { start, calls, resolve: (v: T) => resolve(v), reject: (e: unknown) => reject(e) };
}

const tick = () => new Promise<void>((r) => setImmediate(r));

describe("createPendingGenerations", () => {
  it("starts the work once and shares its result with identical concurrent callers", async () => {
    const pending = createPendingGenerations<string>();
    const work = deferredWork<string>();
    const runs = [1, 2, 3, 4].map(() => pending.run("article", work.start));
    expect(runs.map((r) => r.piggyback)).toEqual([false, true, true, true]);
    expect(work.calls).toHaveLength(1);
    work.resolve("audio");
    expect(await Promise.all(runs.map((r) => r.result))).toEqual(["audio", "audio", "audio", "audio"]);
  });

  it("runs different keys independently", () => {
    const pending = createPendingGenerations<string>();
    const work = deferredWork<string>();
    expect(pending.run("a", work.start).piggyback).toBe(false);
    expect(pending.run("b", work.start).piggyback).toBe(false);
    expect(work.calls).toHaveLength(2);
    expect(pending.size()).toBe(2);
  });

  it("shares the error with every caller and removes the entry", async () => {
    const pending = createPendingGenerations<string>();
    const work = deferredWork<string>();
    const first = pending.run("k", work.start);
    const second = pending.run("k", work.start);
    const failure = new Error("upstream down");
    work.reject(failure);
    await expect(first.result).rejects.toBe(failure);
    await expect(second.result).rejects.toBe(failure);
    expect(pending.size()).toBe(0);
  });

  it("hands every caller the same work object, to read while it runs", () => {
    const pending = createPendingGenerations<string>();
    const work = deferredWork<string>();
    const first = pending.run("k", work.start);
    expect(pending.run("k", work.start).work).toBe(first.work);
  });

  it("tells whether work for a key can be joined: while it runs, not after it settles or is abandoned", async () => {
    const pending = createPendingGenerations<string>();
    const work = deferredWork<string>();
    expect(pending.has("k")).toBe(false);
    const run = pending.run("k", work.start);
    expect(pending.has("k")).toBe(true);
    expect(pending.has("other")).toBe(false);
    work.resolve("audio");
    await run.result;
    expect(pending.has("k")).toBe(false);

    const leaving = new AbortController();
    pending.run("k", deferredWork<string>().start, leaving.signal).result.catch(() => {});
    leaving.abort();
    expect(pending.has("k")).toBe(false);
  });

  it("removes the entry after success so the next request starts new work", async () => {
    const pending = createPendingGenerations<number>();
    let calls = 0;
    const start = () => ({ done: Promise.resolve(++calls) });
    await pending.run("k", start).result;
    expect(pending.size()).toBe(0);
    const again = pending.run("k", start);
    expect(again.piggyback).toBe(false);
    expect(await again.result).toBe(2);
  });

  it("rejects a caller that aborts at once while the others keep waiting, and does not abort the work", async () => {
    const pending = createPendingGenerations<string>();
    const work = deferredWork<string>();
    const leaving = new AbortController();
    const first = pending.run("k", work.start, leaving.signal);
    const staying = pending.run("k", work.start, new AbortController().signal);
    const reason = new Error("tab closed");
    leaving.abort(reason);
    await expect(first.result).rejects.toBe(reason);
    expect(work.calls[0].aborted).toBe(false);
    work.resolve("audio");
    await expect(staying.result).resolves.toBe("audio");
  });

  it("aborts the work only when every waiting caller has aborted, and forgets it at once", async () => {
    const pending = createPendingGenerations<string>();
    const work = deferredWork<string>();
    const a = new AbortController();
    const b = new AbortController();
    const runA = pending.run("k", work.start, a.signal);
    const runB = pending.run("k", work.start, b.signal);
    a.abort();
    expect(work.calls[0].aborted).toBe(false);
    b.abort(new Error("last one out"));
    expect(work.calls[0].aborted).toBe(true);
    expect(work.calls[0].reason).toEqual(new Error("last one out"));
    expect(pending.size()).toBe(0);
    await expect(runA.result).rejects.toBeDefined();
    await expect(runB.result).rejects.toThrow("last one out");

    // the abandoned work rejecting later must neither leak nor touch a newer entry
    const fresh = pending.run("k", () => ({ done: Promise.resolve("new") }));
    work.reject(new Error("aborted"));
    await tick();
    expect(fresh.piggyback).toBe(false);
    await expect(fresh.result).resolves.toBe("new");
  });

  it("never aborts work that a caller without a signal waits on", async () => {
    const pending = createPendingGenerations<string>();
    const work = deferredWork<string>();
    const withSignal = new AbortController();
    pending.run("k", work.start, withSignal.signal).result.catch(() => {});
    const patient = pending.run("k", work.start);
    withSignal.abort();
    expect(work.calls[0].aborted).toBe(false);
    work.resolve("done");
    await expect(patient.result).resolves.toBe("done");
  });

  it("refuses an already-aborted caller with its reason, without starting work", () => {
    const pending = createPendingGenerations<string>();
    const work = deferredWork<string>();
    const reason = new Error("gone before asking");
    expect(() => pending.run("k", work.start, AbortSignal.abort(reason))).toThrow(reason);
    expect(work.calls).toHaveLength(0);
    expect(pending.size()).toBe(0);
  });

  it.each([
    ["key", () => createPendingGenerations().run(42 as unknown as string, () => ({ done: Promise.resolve(1) }))],
    ["start", () => createPendingGenerations().run("k", "nope" as unknown as () => { done: Promise<number> })],
  ])("rejects a bad %s with a TypeError naming it", (name, call) => {
    expect(call).toThrow(TypeError);
    expect(call).toThrow(name);
  });
});
