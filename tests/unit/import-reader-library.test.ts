import { describe, expect, it } from "vitest";
import { createCacheStats } from "@/server/cache/redis";
import { createReaderLibrary, type LibraryArticle } from "@/server/import/reader-library";

const article = (n: number): LibraryArticle => ({
  id: `id-${String(n).padStart(4, "0")}`,
  title: `Article ${n}`,
  siteName: null,
  url: null,
  listeningMinutes: 1,
});

describe("reader library (memory)", () => {
  it("keeps the newest entries when a reader passes the per-reader cap", async () => {
    let clock = 0;
    const library = createReaderLibrary({ stats: createCacheStats(), maxEntries: 3, now: () => new Date(Date.UTC(2026, 0, 1) + clock++ * 1000) });
    for (let n = 1; n <= 5; n++) await library.save("r", article(n));
    expect((await library.list("r")).map((e) => e.id)).toEqual(["id-0005", "id-0004", "id-0003"]);
  });

  it("keeps the date an article was first added and its progress when it is imported again", async () => {
    let clock = 0;
    const library = createReaderLibrary({ stats: createCacheStats(), now: () => new Date(Date.UTC(2026, 0, 1) + clock++ * 60_000) });
    const first = await library.save("r", article(1));
    await library.save("r", article(1), 0.5);
    const again = await library.save("r", article(1));
    expect(again).toMatchObject({ addedAt: first.addedAt, progress: 0.5 });
  });

  it("bounds memory across readers in bytes, dropping the least recently used reader", async () => {
    const probe = createReaderLibrary({ stats: createCacheStats() });
    await probe.save("p", article(0));
    await probe.save("p", article(1));
    // Room for two readers of two entries each, not for a third reader besides.
    const library = createReaderLibrary({ stats: createCacheStats(), maxMemoryBytes: Math.ceil(2.5 * probe.memoryBytes()) });
    for (let n = 0; n < 2; n++) await library.save("a", article(n));
    for (let n = 0; n < 2; n++) await library.save("b", article(n));
    await library.save("c", article(9));
    expect(await library.list("a")).toEqual([]);
    expect((await library.list("b")).length + (await library.list("c")).length).toBe(3);
    expect(library.memoryBytes()).toBeLessThanOrEqual(2.5 * probe.memoryBytes());
  });

  it("counts what an entry takes, however long its title and link", async () => {
    const library = createReaderLibrary({ stats: createCacheStats() });
    const long = { ...article(1), title: "T".repeat(300), siteName: "S".repeat(200), url: `https://example.com/${"p".repeat(2_000)}` };
    const entry = await library.save("r", long);
    expect(library.memoryBytes()).toBeGreaterThanOrEqual(2 * JSON.stringify(entry).length);
  });

  it("removes one reader's entry without touching another's", async () => {
    const library = createReaderLibrary({ stats: createCacheStats() });
    await library.save("a", article(1));
    await library.save("b", article(1));
    expect(await library.remove("a", "id-0001")).toBe(true);
    expect(await library.remove("a", "id-0001")).toBe(false);
    expect((await library.list("b")).map((e) => e.id)).toEqual(["id-0001"]);
  });
});
