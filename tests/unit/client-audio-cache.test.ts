import { describe, expect, test } from "vitest";
import { createAudioCache, type KeyValueStore } from "@/client/audio-cache/audio-cache";

function memoryStore<V>(): KeyValueStore<V> & { map: Map<string, V> } {
  const map = new Map<string, V>();
  return {
    map,
    get: async (key) => map.get(key),
    set: async (key, value) => void map.set(key, value),
    delMany: async (keys) => keys.forEach((k) => map.delete(k)),
    entries: async () => [...map.entries()],
  };
}

const DAY = 24 * 60 * 60 * 1000;

function setup(options: { maxEntries?: number; evictCount?: number } = {}) {
  const audio = memoryStore<string>();
  const index = memoryStore<number>();
  let now = 1_000_000;
  const cache = createAudioCache({ audio, index, now: () => now, ...options });
  return { cache, audio, index, advance: (ms: number) => void (now += ms) };
}

describe("client audio cache (L1)", () => {
  test("returns what was put", async () => {
    const { cache } = setup();
    await cache.put("a", "audio a");
    expect(await cache.get("a")).toBe("audio a");
    expect(await cache.get("b")).toBeUndefined();
  });

  test("serves an entry for seven days and deletes it after", async () => {
    const { cache, audio, index, advance } = setup();
    await cache.put("a", "audio a");
    advance(7 * DAY);
    expect(await cache.get("a")).toBe("audio a");
    advance(1);
    expect(await cache.get("a")).toBeUndefined();
    expect(audio.map.has("a")).toBe(false);
    expect(index.map.has("a")).toBe(false);
  });

  test("keeps 50 entries and evicts the oldest 10 when the 51st arrives", async () => {
    const { cache, audio, advance } = setup();
    for (let i = 0; i < 50; i++) {
      await cache.put(`k${i}`, `v${i}`);
      advance(1000);
    }
    expect(audio.map.size).toBe(50);
    await cache.put("k50", "v50");
    expect(audio.map.size).toBe(41);
    for (let i = 0; i < 10; i++) expect(await cache.get(`k${i}`)).toBeUndefined();
    for (let i = 10; i <= 50; i++) expect(await cache.get(`k${i}`)).toBe(`v${i}`);
  });

  test("drops expired entries when writing, before counting towards the limit", async () => {
    const { cache, audio, advance } = setup({ maxEntries: 3, evictCount: 2 });
    await cache.put("old", "x");
    advance(8 * DAY);
    await cache.put("a", "a");
    await cache.put("b", "b");
    await cache.put("c", "c");
    expect([...audio.map.keys()].sort()).toEqual(["a", "b", "c"]);
  });

  test("an index entry whose audio is gone is a miss and is cleaned up", async () => {
    const { cache, audio, index } = setup();
    await cache.put("a", "audio a");
    audio.map.delete("a");
    expect(await cache.get("a")).toBeUndefined();
    expect(index.map.has("a")).toBe(false);
  });

  test.each([
    ["ttlMs", { ttlMs: 0 }],
    ["maxEntries", { maxEntries: 1.5 }],
    ["evictCount", { evictCount: -1 }],
  ])("refuses a bad %s", (name, bad) => {
    expect(() => createAudioCache({ audio: memoryStore(), index: memoryStore(), ...bad })).toThrow(new RegExp(name));
  });

  test("tells whether a live entry is saved without reading its audio, and removes entries on request", async () => {
    const { cache, audio, index, advance } = setup();
    await cache.put("a", "audio a");
    await cache.put("b", "audio b");
    audio.get = async () => {
      throw new Error("has() must not read the audio");
    };
    expect(await cache.has("a")).toBe(true);
    expect(await cache.has("c")).toBe(false);
    await cache.remove(["a"]);
    expect(await cache.has("a")).toBe(false);
    expect(audio.map.has("a")).toBe(false);
    expect(index.map.has("a")).toBe(false);
    advance(7 * DAY + 1);
    expect(await cache.has("b")).toBe(false);
  });
});
