// A signed-in reader's library: what they imported, when, and how far they got, kept by `sub` so it follows
// them between devices (anonymous readers keep theirs in the browser). A Redis hash per reader when
// configured, and a memory tier in bytes (server/cache/tiered-store.ts); bounded both ways (entries per reader,
// bytes in memory). Redis is never fatal: on an error the memory copy answers.
import type { Logger } from "pino";
import type { CacheStats, Redis } from "../cache/redis";
import { createTieredStore, jsonBytes } from "../cache/tiered-store";
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
  /** bytes the memory tier holds */
  memoryBytes(): number;
}

export interface ReaderLibraryOptions {
  redis?: Redis;
  stats: CacheStats;
  maxEntries?: number;
  /** bytes the memory tier holds across all readers */
  maxMemoryBytes?: number;
  now?: () => Date;
  logger?: Logger;
}

export const libraryKey = (sub: string) => `library:v1:${sub}`;

const byNewest = (a: LibraryEntry, b: LibraryEntry) => b.addedAt.localeCompare(a.addedAt) || a.id.localeCompare(b.id);

export function createReaderLibrary({
  redis,
  stats,
  maxEntries = 500,
  maxMemoryBytes = 32 * 1024 * 1024,
  now = () => new Date(),
  logger = createLogger("import:library"),
}: ReaderLibraryOptions): ReaderLibrary {
  // Sized by what the entries take (a title of 300 characters and a link of 2,048 make one ~5 KB), not by their
  // number. A change stores a new Map: lru-cache measures a value when it is set, not when it changes.
  const memory = createTieredStore<Map<string, LibraryEntry>>({
    redis,
    stats,
    name: "library",
    logger,
    memory: {
      maxBytes: maxMemoryBytes,
      // A full library of long entries: 500 × ~5 KB.
      maxEntryBytes: Math.min(maxMemoryBytes, 4 * 1024 * 1024),
      sizeOf: (entries) => [...entries.values()].reduce((sum, entry) => sum + jsonBytes(entry), 64),
    },
  });

  // Redis first; on any error, the memory copy (which every write also updates) answers instead.
  const withRedis = <T>(operation: string, viaRedis: (redis: Redis) => Promise<T>, viaMemory: () => T): Promise<T> =>
    memory.viaRedis(operation, viaRedis, viaMemory);

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
      async (r) =>
        Object.values(await r.hgetall(libraryKey(sub)))
          .flatMap((json) => parse(json) ?? [])
          .sort(byNewest),
      () => [...(memory.recall(sub)?.values() ?? [])].sort(byNewest),
    );

  const get = (sub: string, id: string) =>
    withRedis(
      "read",
      async (r) => {
        const json = await r.hget(libraryKey(sub), id);
        return json ? parse(json) : undefined;
      },
      () => memory.recall(sub)?.get(id),
    );

  const save = async (sub: string, article: LibraryArticle, progress?: number): Promise<LibraryEntry> => {
    const existing = (await get(sub, article.id)) ?? memory.recall(sub)?.get(article.id);
    const entry: LibraryEntry = {
      ...article,
      addedAt: existing?.addedAt ?? now().toISOString(),
      progress: progress ?? existing?.progress ?? 0,
    };
    const entries = new Map(memory.recall(sub));
    entries.set(entry.id, entry);
    for (const id of evictOldest([...entries.values()])) entries.delete(id);
    memory.remember(sub, entries);
    await withRedis(
      "write",
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
    const entries = new Map(memory.recall(sub));
    const inMemory = entries.delete(id);
    if (inMemory) memory.remember(sub, entries);
    return withRedis(
      "delete",
      async (r) => (await r.hdel(libraryKey(sub), id)) > 0 || inMemory,
      () => inMemory,
    );
  };

  return { list, save, get, remove, memoryBytes: () => memory.memoryBytes() };
}
