// L1 of the cache tiers (docs/architecture.md, "Cache tiers"): the browser's own copy of articles it has heard (IndexedDB, 7-day TTL, at
// most 50 entries, the oldest 10 evicted on overflow). Written against two small key-value stores so the
// policy is testable without a browser: `audio` holds the (large) entries, `index` only when each was saved,
// so pruning never has to read an audio blob.
import { assertPositiveInteger } from "@/lib/args/assert-positive";

export interface KeyValueStore<V> {
  get(key: string): Promise<V | undefined>;
  set(key: string, value: V): Promise<void>;
  delMany(keys: string[]): Promise<void>;
  entries(): Promise<Array<[string, V]>>;
}

export interface AudioCacheOptions<V> {
  audio: KeyValueStore<V>;
  /** key → epoch ms when it was saved */
  index: KeyValueStore<number>;
  now?: () => number;
  ttlMs?: number;
  maxEntries?: number;
  evictCount?: number;
}

export const AUDIO_CACHE_TTL_MS = 7 * 24 * 60 * 60 * 1000;
export const AUDIO_CACHE_MAX_ENTRIES = 50;
export const AUDIO_CACHE_EVICT_COUNT = 10;

export interface AudioCache<V> {
  /** the entry, or undefined when absent or older than the TTL (expired entries are deleted on the way) */
  get(key: string): Promise<V | undefined>;
  /** saves, then drops expired entries and, past maxEntries, the oldest evictCount */
  put(key: string, value: V): Promise<void>;
  /** whether a live entry is saved, without reading its audio */
  has(key: string): Promise<boolean>;
  /** drops entries (the reader freeing space, or the storage budget) */
  remove(keys: string[]): Promise<void>;
}

export function createAudioCache<V>({
  audio,
  index,
  now = Date.now,
  ttlMs = AUDIO_CACHE_TTL_MS,
  maxEntries = AUDIO_CACHE_MAX_ENTRIES,
  evictCount = AUDIO_CACHE_EVICT_COUNT,
}: AudioCacheOptions<V>): AudioCache<V> {
  assertPositiveInteger("ttlMs", ttlMs);
  assertPositiveInteger("maxEntries", maxEntries);
  assertPositiveInteger("evictCount", evictCount);

  const remove = async (keys: string[]) => {
    if (keys.length === 0) return;
    await Promise.all([index.delMany(keys), audio.delMany(keys)]);
  };

  async function get(key: string): Promise<V | undefined> {
    const savedAt = await index.get(key);
    if (savedAt === undefined) return undefined;
    if (now() - savedAt > ttlMs) {
      await remove([key]);
      return undefined;
    }
    const value = await audio.get(key);
    if (value === undefined) await index.delMany([key]);
    return value;
  }

  async function put(key: string, value: V): Promise<void> {
    await audio.set(key, value);
    await index.set(key, now());
    const at = now();
    const saved = await index.entries();
    const expired = saved.filter(([, savedAt]) => at - savedAt > ttlMs).map(([k]) => k);
    const live = saved.filter(([, savedAt]) => at - savedAt <= ttlMs).sort((a, b) => a[1] - b[1]);
    // Evicting a batch, not one, keeps a full cache from paying a prune on every single write.
    const overflow = live.length > maxEntries ? Math.max(evictCount, live.length - maxEntries) : 0;
    await remove([...expired, ...live.slice(0, overflow).map(([k]) => k)]);
  }

  async function has(key: string): Promise<boolean> {
    const savedAt = await index.get(key);
    return savedAt !== undefined && now() - savedAt <= ttlMs;
  }

  return { get, put, has, remove };
}
