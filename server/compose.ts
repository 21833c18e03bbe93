// The composition root: turns a validated Env into the wired services and the app options. Tests build
// apps through here too, with their own Env, so what they exercise is what production runs.
import type Redis from "ioredis";
import { DEFAULT_AUDIO_SETTINGS, type AudioSettings } from "@/lib/text/cache-key";
import type { AppOptions } from "./app";
import { createIdentityResolver } from "./auth/identity";
import { createArticleCache } from "./cache/article-cache";
import { createChunkCache } from "./cache/chunk-cache";
import { createCacheStats, createRedis } from "./cache/redis";
import { startReplicaCounters } from "./cluster/replica-counters";
import { replicaId } from "./cluster/replica-id";
import { createClusterGenerations } from "./modules/tts/cluster-generation";
import { createPendingGenerations } from "./modules/tts/pending-generations";
import { createGcPacer } from "./health/gc-pacer";
import type { Env } from "./env";
import { createInworldClient } from "./inworld/client";
import type { RetryPolicy } from "./inworld/rate-limit-retry";
import { parseTrustedProxies } from "./limits/client-ip";
import { createConcurrencyLimiter } from "./limits/concurrency-limiter";
import { createRateLimiter } from "./limits/rate-limiter";
import { createLogger } from "./logger";
import { healthCounters } from "./modules/health";
import { createTtsService } from "./modules/tts/service";
import type { Generated, Generation } from "./modules/tts/generation";
import { createArticleService } from "./modules/articles/service";
import { anyAddress, publicAddressesOnly } from "./import/address-policy";
import { createArticleStore } from "./import/article-store";
import { createExtractor } from "./import/extract-off-thread";
import { createReaderLibrary } from "./import/reader-library";
import { safeFetch, type Resolver } from "./import/safe-fetch";
import { createDailyQuota } from "./quota/daily-quota";
import { createPositionStore } from "./modules/positions/service";
import { createEnclosureStore } from "./modules/feed/enclosure-store";
import { createSecretSeal } from "./modules/feed/feed-secret";
import { createFeedStore } from "./modules/feed/feed-store";
import { createFeedService } from "./modules/feed/service";

// Measured with the 100-listener benchmark (peak RSS): none 626–697 MB, 64 MB 479 MB, 32 MB 423–455 MB, 16 MB
// 434 MB; a 4,200-character article leaves ~16 MB, so 16 MB means about one collection per generation.
const GC_EVERY_BYTES = 16 * 1024 * 1024;

/** A synchronous full collection under Bun; elsewhere (vitest on Node) the runtime is left alone. */
function bunCollect(): (() => void) | undefined {
  const bun = (globalThis as { Bun?: { gc(force: boolean): void } }).Bun;
  return bun ? () => bun.gc(true) : undefined;
}

export interface Composition {
  options: AppOptions;
  redis?: Redis;
  close(): Promise<void>;
}

export function compose(
  env: Env,
  overrides: { retry?: RetryPolicy; /** tests: where import host names resolve */ importResolver?: Resolver } = {},
): Composition {
  const logger = createLogger("api:tts");
  const settings: AudioSettings = { ...DEFAULT_AUDIO_SETTINGS, modelId: env.INWORLD_MODEL_ID };
  const redis = env.REDIS_URL ? createRedis(env.REDIS_URL) : undefined;
  const redisStats = createCacheStats();
  const articleCache = createArticleCache({ redis, stats: redisStats, logger });
  const chunkCache = createChunkCache({ redis, stats: redisStats });
  const limiter = createConcurrencyLimiter({
    maxConcurrent: env.MAX_CONCURRENT_TTS,
    maxPerUser: env.MAX_TTS_PER_USER,
    slotTimeoutMs: env.TTS_SLOT_TIMEOUT_MS,
    maxQueued: env.TTS_MAX_QUEUED,
    logger: createLogger("tts:concurrency"),
  });
  const pending = createPendingGenerations<Generated, Generation>();
  const inworld = env.INWORLD_API_KEY
    ? createInworldClient({ baseUrl: env.INWORLD_BASE_URL, apiKey: env.INWORLD_API_KEY, settings, timeoutMs: env.TTS_CHUNK_TIMEOUT_MS })
    : undefined;
  const service = createTtsService({
    inworld,
    articleCache,
    chunkCache,
    limiter,
    quota: createDailyQuota({ redis, limit: env.TTS_DAILY_FREE_LIMIT }),
    pending,
    cluster: redis && createClusterGenerations({ redis, leaseMs: env.TTS_LEASE_MS, logger: createLogger("tts:dedup") }),
    chunkConcurrency: env.TTS_CHUNK_CONCURRENCY,
    maxTextChars: env.TTS_MAX_TEXT_CHARS,
    retry: overrides.retry,
    logger,
    memoryLogger: createLogger("memory-tracker"),
    gcPacer: createGcPacer({ thresholdBytes: GC_EVERY_BYTES, collect: bunCollect() }),
  });
  const caller = { identity: createIdentityResolver({ secret: env.AUTH_SECRET }), trustedProxies: parseTrustedProxies(env.TRUST_PROXY) };
  const isRemote = new URL(env.INWORLD_BASE_URL).hostname.endsWith("inworld.ai");
  const readerLibrary = createReaderLibrary({ redis, stats: redisStats });
  const counterSources = { limiter, redisStats, pendingGenerations: () => pending.size() };
  const id = replicaId(env.API_REPLICA_ID);
  const replicaCounters =
    redis && startReplicaCounters({ redis, id, counters: () => healthCounters(counterSources), logger: createLogger("cluster") });
  // Reducing a page gets as long as fetching it may take.
  const extractor = createExtractor({ jobTimeoutMs: env.IMPORT_TIMEOUT_MS });
  const articleService = createArticleService({
    fetchPage: (url) =>
      safeFetch(url, {
        isAllowedAddress: env.IMPORT_ALLOW_PRIVATE ? anyAddress : publicAddressesOnly,
        allowAnyPort: env.IMPORT_ALLOW_PRIVATE,
        timeoutMs: env.IMPORT_TIMEOUT_MS,
        maxBytes: env.IMPORT_MAX_BYTES,
        resolve: overrides.importResolver,
      }),
    extractor,
    store: createArticleStore({ redis, stats: redisStats }),
    library: readerLibrary,
  });
  const ttsIpLimiter = createRateLimiter({ limit: env.TTS_RATE_LIMIT_PER_MIN, windowMs: 60_000, redis, keyPrefix: "tts" });
  const feedLogger = createLogger("api:feed");
  const feedService = createFeedService({
    store: createFeedStore({ redis, stats: redisStats, logger: feedLogger }),
    enclosures: createEnclosureStore({
      redis,
      stats: redisStats,
      dir: env.FEED_AUDIO_DIR,
      maxDirBytes: env.FEED_AUDIO_MAX_BYTES,
      logger: feedLogger,
    }),
    seal: createSecretSeal(env.AUTH_SECRET),
    findArticle: (id) => articleService.find(id),
    generate: (input) => service.generate(input),
    logger: feedLogger,
  });

  return {
    redis,
    options: {
      logger,
      auth: { ...caller, demoAuth: env.DEMO_AUTH },
      articles: {
        ...caller,
        service: articleService,
        importLimiter: createRateLimiter({ limit: env.IMPORT_RATE_LIMIT_PER_MIN, windowMs: 60_000, redis, keyPrefix: "import" }),
        // Raw pasted text may carry twice its spoken length in whitespace and junk; JSON escaping can double HTML.
        limits: { maxHtmlChars: env.IMPORT_MAX_BYTES, maxTextChars: 2 * env.TTS_MAX_TEXT_CHARS },
        maxBodyBytes: 2 * env.IMPORT_MAX_BYTES,
      },
      library: { ...caller, library: readerLibrary, articles: articleService },
      positions: { ...caller, positions: createPositionStore({ redis, stats: redisStats }) },
      tts: { ...caller, service, ipLimiter: ttsIpLimiter },
      feed: { ...caller, service: feedService, ipLimiter: ttsIpLimiter },
      health: {
        ...counterSources,
        articleCache,
        chunkCache,
        replicaId: id,
        cluster: replicaCounters,
        upstream: !inworld ? "disabled" : isRemote ? "inworld" : "local-voice",
        redisConfigured: Boolean(redis),
        redisConnected: () => redis?.status === "ready",
        healthToken: env.HEALTH_TOKEN,
      },
    },
    async close() {
      replicaCounters?.stop();
      await extractor.close();
      redis?.disconnect();
    },
  };
}
