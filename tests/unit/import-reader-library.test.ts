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

  it("bounds memory across readers by entries, dropping the least recently used reader", async () => {
    const library = createReaderLibrary({ stats: createCacheStats(), maxEntriesInMemory: 4 });
    for (let n = 0; n < 2; n++) await library.save("a", article(n));
    for (let n = 0; n < 2; n++) await library.save("b", article(n));
    await library.save("c", article(9));
    expect(await library.list("a")).toEqual([]);
    expect((await library.list("b")).length + (await library.list("c")).length).toBe(3);
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
