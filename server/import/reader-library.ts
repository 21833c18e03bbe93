// A signed-in reader's library: what they imported, when, and how far they got, kept by `sub` so it follows
// them between devices (anonymous readers keep theirs in the browser). A Redis hash per reader when
// configured, otherwise memory; bounded both ways (entries per reader, readers in memory). Redis is never
// fatal: on an error the memory copy answers.
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";
import { redisOrFallback, type CacheStats, type Redis } from "../cache/redis";
import { createLogger } from "../logger";

export interface LibraryEntry {
  id: string;
  title: string;
  siteName: string | null;
  url: string | null;
  listeningMinutes: number;
  /** ISO time of the first import */
  addedAt: string;
  /** 0..1, how far the reader got */
  progress: number;
}

export type LibraryArticle = Pick<LibraryEntry, "id" | "title" | "siteName" | "url" | "listeningMinutes">;

export interface ReaderLibrary {
  list(sub: string): Promise<LibraryEntry[]>;
  /** Adds the article if missing (keeping an existing entry's date and progress); sets progress when given. */
  save(sub: string, article: LibraryArticle, progress?: number): Promise<LibraryEntry>;
  get(sub: string, id: string): Promise<LibraryEntry | undefined>;
  /** true when the article was in the library */
  remove(sub: string, id: string): Promise<boolean>;
}

export interface ReaderLibraryOptions {
  redis?: Redis;
  stats: CacheStats;
  maxEntries?: number;
  /** entries kept in memory across all readers (the fallback's bound: ~300 bytes each) */
  maxEntriesInMemory?: number;
  now?: () => Date;
  logger?: Logger;
}

export const libraryKey = (sub: string) => `library:v1:${sub}`;

const byNewest = (a: LibraryEntry, b: LibraryEntry) => b.addedAt.localeCompare(a.addedAt) || a.id.localeCompare(b.id);

export function createReaderLibrary({
  redis,
  stats,
  maxEntries = 500,
  maxEntriesInMemory = 100_000,
  now = () => new Date(),
  logger = createLogger("import:library"),
}: ReaderLibraryOptions): ReaderLibrary {
  // Sized by entries, so many small libraries and a few full ones cost the same. A change stores a new Map:
  // lru-cache measures a value when it is set, and setting the same object again is not re-measured.
  const memory = new LRUCache<string, Map<string, LibraryEntry>>({
    maxSize: maxEntriesInMemory,
    sizeCalculation: (entries) => Math.max(1, entries.size),
  });

  // Redis first; on any error, the memory copy (which every write also updates) answers instead.
  const withRedis = <T>(operation: string, sub: string, viaRedis: (redis: Redis) => Promise<T>, viaMemory: () => T): Promise<T> =>
    redisOrFallback(
      redis,
      {
        stats,
        onFailure: (error) => logger.debug({ err: error instanceof Error ? error.message : String(error) }, `Redis library ${operation} failed`),
      },
      viaRedis,
      viaMemory,
    );

  const parse = (json: string): LibraryEntry | undefined => {
    try {
      return JSON.parse(json) as LibraryEntry;
    } catch {
      return undefined;
    }
  };

  const evictOldest = (entries: LibraryEntry[]) =>
    entries
      .sort(byNewest)
      .slice(maxEntries)
      .map((e) => e.id);

  const list = (sub: string) =>
    withRedis(
      "list",
      sub,
      async (r) =>
        Object.values(await r.hgetall(libraryKey(sub)))
          .flatMap((json) => parse(json) ?? [])
          .sort(byNewest),
      () => [...(memory.get(sub)?.values() ?? [])].sort(byNewest),
    );

  const get = (sub: string, id: string) =>
    withRedis(
      "read",
      sub,
      async (r) => {
        const json = await r.hget(libraryKey(sub), id);
        return json ? parse(json) : undefined;
      },
      () => memory.get(sub)?.get(id),
    );

  const save = async (sub: string, article: LibraryArticle, progress?: number): Promise<LibraryEntry> => {
    const existing = (await get(sub, article.id)) ?? memory.get(sub)?.get(article.id);
    const entry: LibraryEntry = {
      ...article,
      addedAt: existing?.addedAt ?? now().toISOString(),
      progress: progress ?? existing?.progress ?? 0,
    };
    const entries = new Map(memory.get(sub));
    entries.set(entry.id, entry);
    for (const id of evictOldest([...entries.values()])) entries.delete(id);
    memory.set(sub, entries);
    await withRedis(
      "write",
      sub,
      async (r) => {
        const key = libraryKey(sub);
        await r.hset(key, entry.id, JSON.stringify(entry));
        if ((await r.hlen(key)) > maxEntries) {
          const all = Object.values(await r.hgetall(key)).flatMap((json) => parse(json) ?? []);
          const evicted = evictOldest(all);
          if (evicted.length > 0) await r.hdel(key, ...evicted);
        }
      },
      () => undefined,
    );
    return entry;
  };

  const remove = async (sub: string, id: string): Promise<boolean> => {
    const entries = new Map(memory.get(sub));
    const inMemory = entries.delete(id);
    if (inMemory) memory.set(sub, entries);
    return withRedis(
      "delete",
      sub,
      async (r) => (await r.hdel(libraryKey(sub), id)) > 0 || inMemory,
      () => inMemory,
    );
  };

  return { list, save, get, remove };
}
