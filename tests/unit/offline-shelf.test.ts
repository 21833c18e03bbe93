import { describe, expect, test } from "vitest";
import { createOfflineShelf, planEviction, type OfflineArticle } from "@/client/offline/offline-shelf";
import type { KeyValueStore } from "@/client/audio-cache/audio-cache";

const MB = 1024 * 1024;
const article = (id: string, savedAt: number, bytes = 5 * MB): OfflineArticle => ({
  id,
  title: id,
  key: `key-${id}`,
  voice: "Ashley",
  bytes,
  savedAt,
});

describe("planEviction", () => {
  const shelf = [article("newest", 300), article("oldest", 100), article("middle", 200)];

  test("evicts nothing while the new audio fits under the budget", () => {
    expect(planEviction(shelf, { usage: 50 * MB, quota: 100 * MB }, 10 * MB)).toEqual([]);
  });

  test("evicts the oldest first, only as many as the new audio needs", () => {
    // 78 + 5 = 83 MB against a budget of 80 MB: one 5 MB article is enough.
    expect(planEviction(shelf, { usage: 78 * MB, quota: 100 * MB }, 5 * MB).map((a) => a.id)).toEqual(["oldest"]);
    expect(planEviction(shelf, { usage: 83 * MB, quota: 100 * MB }, 5 * MB).map((a) => a.id)).toEqual(["oldest", "middle"]);
  });

  test("gives back everything it holds when even that is not enough", () => {
    expect(planEviction(shelf, { usage: 200 * MB, quota: 100 * MB }, 5 * MB).map((a) => a.id)).toEqual(["oldest", "middle", "newest"]);
  });
});

describe("offline shelf", () => {
  test("lists the kept articles newest first and forgets removed ones", async () => {
    const map = new Map<string, OfflineArticle>();
    const store: KeyValueStore<OfflineArticle> = {
      get: async (key) => map.get(key),
      set: async (key, value) => void map.set(key, value),
      delMany: async (keys) => keys.forEach((k) => map.delete(k)),
      entries: async () => [...map.entries()],
    };
    const shelf = createOfflineShelf(store);
    await shelf.put(article("a", 1));
    await shelf.put(article("b", 3));
    await shelf.put(article("c", 2));
    expect((await shelf.list()).map((a) => a.id)).toEqual(["b", "c", "a"]);
    await shelf.remove(["c"]);
    expect((await shelf.list()).map((a) => a.id)).toEqual(["b", "a"]);
    expect(await shelf.get("a")).toEqual(article("a", 1));
  });
});
