// L3 (server chunk LRU) and L3.5 (Redis chunk cache) (docs/architecture.md, "Cache tiers"). Cached chunks skip
// synthesis; all of a request's chunks missing from memory are looked up in Redis in one round trip (MGET).
import { LRUCache } from "lru-cache";
import type { Alignment } from "@/lib/alignment/types";
import { createLogger } from "../logger";
import { decompressAsync, frameAudioAsync } from "./gzip";
import type { CacheTierOptions } from "./cache-tier-options";
import { assertPositive } from "@/lib/args/assert-positive";

export interface ChunkEntry {
  audio: Uint8Array;
  alignment: Alignment;
  durationMs: number;
}

export interface ChunkCache {
  /** one result per key, in order; undefined is a miss */
  getMany(keys: string[]): Promise<Array<ChunkEntry | undefined>>;
  /** writes memory and Redis; never rejects, so it is safe to fire and forget */
  set(key: string, entry: ChunkEntry): Promise<void>;
  size(): { entries: number; bytes: number };
}

export type ChunkCacheOptions = CacheTierOptions;

const MB = 1024 * 1024;

export const chunkRedisKey = (key: string) => `tts:chunk:${key}`;

// The stored value, inside a gzip frame that does not compress (gzip.ts):
//   offset 0   4 bytes  magic "LCK1" (the last byte is the format version)
//   offset 4   8 bytes  durationMs, float64 big-endian
//   offset 12  4 bytes  n = byte length of the alignment JSON, uint32 big-endian
//   offset 16  n bytes  the Alignment as UTF-8 JSON
//   offset 16+n         the MP3 bytes, to the end
const MAGIC = [0x4c, 0x43, 0x4b, 0x31];
const HEADER_BYTES = 16;

export function encodeChunkEntry({ audio, alignment, durationMs }: ChunkEntry): Uint8Array {
  const json = Buffer.from(JSON.stringify(alignment), "utf8");
  const out = new Uint8Array(HEADER_BYTES + json.byteLength + audio.byteLength);
  const view = new DataView(out.buffer);
  out.set(MAGIC, 0);
  view.setFloat64(4, durationMs);
  view.setUint32(12, json.byteLength);
  out.set(json, HEADER_BYTES);
  out.set(audio, HEADER_BYTES + json.byteLength);
  return out;
}

export function decodeChunkEntry(bytes: Uint8Array): ChunkEntry {
  if (bytes.byteLength < HEADER_BYTES || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new Error("Not a chunk cache entry (bad magic or version)");
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const durationMs = view.getFloat64(4);
  const jsonBytes = view.getUint32(12);
  if (HEADER_BYTES + jsonBytes > bytes.byteLength) throw new Error("Chunk cache entry is truncated");
  const alignment = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset + HEADER_BYTES, jsonBytes).toString("utf8")) as Alignment;
  // A plain Uint8Array copy (not a Buffer view), so the entry does not pin the whole decompressed buffer.
  const audio = new Uint8Array(bytes.subarray(HEADER_BYTES + jsonBytes));
  return { audio, alignment, durationMs };
}

// Audio bytes plus an estimate of the alignment's arrays in memory (a string slot and two doubles a character).
const entryBytes = (entry: ChunkEntry) => entry.audio.byteLength + entry.alignment.characters.length * 24 + 64;

export function createChunkCache({
  redis,
  stats,
  maxBytes = 150 * MB,
  ttlMs = 60 * 60 * 1000,
  redisTtlSeconds = 7 * 24 * 60 * 60,
  maxRedisEntryBytes = 2 * MB,
  logger = createLogger("cache:chunk"),
}: ChunkCacheOptions): ChunkCache {
  if (!stats) throw new TypeError("Expected `stats` to be a CacheStats");
  assertPositive("maxBytes", maxBytes);
  assertPositive("ttlMs", ttlMs);
  assertPositive("redisTtlSeconds", redisTtlSeconds);
  assertPositive("maxRedisEntryBytes", maxRedisEntryBytes);

  const memory = new LRUCache<string, ChunkEntry>({ maxSize: maxBytes, sizeCalculation: entryBytes, ttl: ttlMs });

  const failed = (operation: string, error: unknown, count = 1) => {
    for (let i = 0; i < count; i += 1) stats.error();
    logger.debug({ count, err: error instanceof Error ? error.message : String(error) }, `Redis chunk ${operation} failed`);
  };

  const fromRedis = async (stored: Buffer | null, key: string): Promise<ChunkEntry | undefined> => {
    if (!stored) {
      stats.miss();
      return undefined;
    }
    try {
      const entry = decodeChunkEntry(await decompressAsync(stored));
      memory.set(key, entry);
      stats.hit();
      return entry;
    } catch (error) {
      stats.miss();
      failed("decode", error);
      return undefined;
    }
  };

  const getMany = async (keys: string[]): Promise<Array<ChunkEntry | undefined>> => {
    if (!Array.isArray(keys)) throw new TypeError(`Expected \`keys\` to be an array, got ${typeof keys}`);
    const results = keys.map((key) => memory.get(key));
    const missing = keys.filter((_, i) => results[i] === undefined);
    if (!redis || missing.length === 0) return results;

    let stored: Array<Buffer | null>;
    try {
      stored = await redis.mgetBuffer(missing.map(chunkRedisKey));
    } catch (error) {
      for (let i = 0; i < missing.length; i += 1) stats.miss();
      failed("read", error, missing.length);
      return results;
    }
    const found = await Promise.all(stored.map((value, i) => fromRedis(value, missing[i])));
    let next = 0;
    return results.map((entry) => entry ?? found[next++]);
  };

  const set = async (key: string, entry: ChunkEntry): Promise<void> => {
    memory.set(key, entry);
    if (!redis) return;
    try {
      // Not worth compressing for a write that cannot happen (no offline queue): fail it now.
      if (redis.status !== "ready") throw new Error(`Redis is ${redis.status}`);
      const compressed = await frameAudioAsync(encodeChunkEntry(entry));
      if (compressed.byteLength > maxRedisEntryBytes) {
        logger.info({ key, bytes: compressed.byteLength, maxRedisEntryBytes }, "Chunk too large for the Redis cache: kept in memory only");
        return;
      }
      await redis.set(chunkRedisKey(key), compressed, "EX", redisTtlSeconds);
    } catch (error) {
      failed("write", error);
    }
  };

  return { getMany, set, size: () => ({ entries: memory.size, bytes: memory.calculatedSize }) };
}
