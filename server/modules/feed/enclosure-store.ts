// The MP3s of readers' feeds, kept as long as an item needs them (docs/architecture.md "Feeds"): in Redis with no
// expiry when it is configured, otherwise in a directory capped at `maxDirBytes` (the oldest files go first when a
// new one would not fit). The article caches expire; these do not. A memory LRU in front holds the enclosures
// served lately, so a podcast app fetching range after range reads memory. Keys are the SHA-256 of the bytes,
// so a key's bytes never change. Redis is never fatal: a failed read is a miss, a failed write lands in the
// directory instead.
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";
import { redisOrFallback, type CacheStats, type Redis } from "../../cache/redis";
import { createLogger } from "../../logger";

export interface EnclosureStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | undefined>;
  /** which of `keys` are stored, in one round trip */
  existing(keys: readonly string[]): Promise<Set<string>>;
  remove(key: string): Promise<void>;
}

export interface EnclosureStoreOptions {
  redis?: Redis;
  stats: CacheStats;
  dir: string;
  maxDirBytes: number;
  maxMemoryBytes?: number;
  logger?: Logger;
}

export const enclosureRedisKey = (key: string) => `feed:v1:audio:${key}`;
export const AUDIO_KEY_PATTERN = "^[0-9a-f]{64}$";
const AUDIO_KEY_RE = new RegExp(AUDIO_KEY_PATTERN);

export function createEnclosureStore({
  redis,
  stats,
  dir,
  maxDirBytes,
  maxMemoryBytes = 64 * 1024 * 1024,
  logger = createLogger("api:feed"),
}: EnclosureStoreOptions): EnclosureStore {
  const memory = new LRUCache<string, Uint8Array>({ maxSize: maxMemoryBytes, sizeCalculation: (bytes) => Math.max(1, bytes.byteLength) });
  const viaRedis = <T>(operation: string, work: (r: Redis) => Promise<T>) =>
    redisOrFallback<T | undefined>(
      redis,
      {
        stats,
        onFailure: (error) => logger.debug({ err: error instanceof Error ? error.message : String(error) }, `Redis enclosure ${operation} failed`),
      },
      work,
      () => undefined,
    );

  // The directory's files by key, oldest first (a Map keeps insertion order), read from disk once.
  let index: Promise<Map<string, number>> | undefined;
  const dirIndex = () =>
    (index ??= (async () => {
      await mkdir(dir, { recursive: true });
      const files = await Promise.all(
        (await readdir(dir))
          .filter((name) => name.endsWith(".mp3") && AUDIO_KEY_RE.test(name.slice(0, -4)))
          .map(async (name) => ({ key: name.slice(0, -4), ...(await stat(join(dir, name))) })),
      );
      return new Map(files.sort((a, b) => a.mtimeMs - b.mtimeMs).map((f) => [f.key, f.size]));
    })());
  const fileOf = (key: string) => join(dir, `${key}.mp3`);
  let dirBytes: number | undefined;

  async function putFile(key: string, bytes: Uint8Array) {
    const files = await dirIndex();
    if (files.has(key)) return;
    dirBytes ??= [...files.values()].reduce((sum, size) => sum + size, 0);
    for (const [oldest, size] of files) {
      if (dirBytes + bytes.byteLength <= maxDirBytes) break;
      files.delete(oldest);
      dirBytes -= size;
      await rm(fileOf(oldest), { force: true });
      logger.warn({ key: oldest }, "Feed audio directory full: oldest enclosure removed");
    }
    // Written aside and renamed, so a reader never meets half a file.
    const partial = join(dir, `.${key}.${process.pid}.partial`);
    await writeFile(partial, bytes);
    await rename(partial, fileOf(key));
    files.set(key, bytes.byteLength);
    dirBytes += bytes.byteLength;
  }

  return {
    async put(key, bytes) {
      memory.set(key, bytes);
      const stored = await viaRedis("write", async (r) => (await r.set(enclosureRedisKey(key), Buffer.from(bytes)), true));
      if (!stored) await putFile(key, bytes);
    },
    async get(key) {
      const hot = memory.get(key);
      if (hot) return hot;
      const fromRedis = await viaRedis("read", (r) => r.getBuffer(enclosureRedisKey(key)));
      const bytes = fromRedis ?? ((await dirIndex()).has(key) ? await readFile(fileOf(key)).catch(() => undefined) : undefined);
      if (!bytes || bytes.byteLength === 0) return undefined;
      const kept = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      memory.set(key, kept);
      return kept;
    },
    async existing(keys) {
      const found = new Set(keys.filter((key) => memory.has(key)));
      const files = await dirIndex();
      for (const key of keys) if (files.has(key)) found.add(key);
      const rest = keys.filter((key) => !found.has(key));
      if (rest.length > 0) {
        const answers = await viaRedis("lookup", async (r) => {
          const pipeline = r.pipeline();
          for (const key of rest) pipeline.exists(enclosureRedisKey(key));
          return (await pipeline.exec()) ?? [];
        });
        answers?.forEach(([error, count], i) => {
          if (!error && count === 1) found.add(rest[i]);
        });
      }
      return found;
    },
    async remove(key) {
      memory.delete(key);
      await viaRedis("delete", (r) => r.del(enclosureRedisKey(key)));
      const files = await dirIndex();
      const size = files.get(key);
      if (size === undefined) return;
      files.delete(key);
      if (dirBytes !== undefined) dirBytes -= size;
      await rm(fileOf(key), { force: true });
    },
  };
}
