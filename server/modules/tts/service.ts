// The /api/tts use case, knowing nothing of HTTP: gate the voice, clean and bound the text, meter free
// readers, answer from the article caches, and otherwise take a concurrency slot and generate — once per
// identical article+voice however many readers ask at the same moment.
import { DEFAULT_VOICE, findVoice, isVoiceAllowed } from "@/lib/voices";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { articleCacheKey } from "@/lib/text/cache-key";
import type { Identity } from "../../auth/identity";
import type { ArticleCache } from "../../cache/article-cache";
import type { ChunkCache } from "../../cache/chunk-cache";
import type { PendingGenerations } from "../../dedup/pending-generations";
import { dailyLimit, invalidRequest, premiumVoice, textTooLong, ttsDisabled } from "../../errors";
import { startMemoryTrack } from "../../health/memory-tracker";
import type { InworldClient } from "../../inworld/client";
import type { RetryPolicy } from "../../inworld/parallel-synthesizer";
import type { ConcurrencyLimiter } from "../../limits/concurrency-limiter";
import type { Logger } from "../../logger";
import { secondsUntilUtcMidnight, type DailyQuota } from "../../quota/daily-quota";
import { synthesizeArticle } from "./synthesize-article";
import { toAppError } from "./upstream-errors";

export interface TtsServiceDeps {
  /** Absent when no INWORLD_API_KEY is configured: requests then get 503 TTS_DISABLED. */
  inworld?: InworldClient;
  articleCache: ArticleCache;
  chunkCache: ChunkCache;
  limiter: ConcurrencyLimiter;
  quota: DailyQuota;
  pending: PendingGenerations<Generated>;
  chunkConcurrency: number;
  maxTextChars: number;
  retry?: RetryPolicy;
  logger: Logger;
  memoryLogger: Logger;
}

export interface TtsInput {
  text: string;
  voice?: string;
  identity: Identity;
  clientIp: string;
  signal?: AbortSignal;
}

export interface TtsResult {
  /** The ready JSON body: `{ audioBase64, alignment, durationMs, ... }`. */
  body: string;
  cache?: "article-hit" | "chunk-hit";
  usage?: { count: number; limit: number };
}

interface Generated {
  body: string;
  allChunksCached: boolean;
}

export type TtsService = ReturnType<typeof createTtsService>;

export function createTtsService(deps: TtsServiceDeps) {
  const { articleCache, limiter, quota, pending, logger } = deps;

  async function generate(input: TtsInput): Promise<TtsResult> {
    const voiceId = input.voice ?? DEFAULT_VOICE;
    if (!findVoice(voiceId)) throw invalidRequest(`Unknown voice "${voiceId}"`);
    if (!isVoiceAllowed(voiceId, input.identity.tier)) throw premiumVoice(voiceId);
    const inworld = deps.inworld;
    if (!inworld) throw ttsDisabled();

    const text = cleanTextForTTS(input.text);
    if (!text) throw invalidRequest("There is no readable text in this article");
    if (text.length > deps.maxTextChars) throw textTooLong(text.length, deps.maxTextChars);

    const identity = input.identity;
    const trackingKey = identity.kind === "user" ? `user:${identity.sub}` : `anon:${input.clientIp}`;
    const metered = identity.tier !== "premium";
    const articleKey = await articleCacheKey({ text, voiceId, settings: inworld.settings });

    let usage: TtsResult["usage"];
    if (metered) {
      const check = await quota.check(trackingKey, articleKey);
      if (!check.allowed) throw dailyLimit(check.limit, secondsUntilUtcMidnight(new Date()));
      usage = { count: check.count, limit: check.limit };
    }
    // Counted only once the reader has their audio (invariant 7).
    const charge = async () => (metered ? await quota.record(trackingKey, articleKey) : undefined);

    // Article hits are answered before a slot is taken: a cached replay must never queue behind generation.
    const hit = await articleCache.get(articleKey);
    if (hit) {
      logger.info({ voiceId, tier: hit.tier }, "TTS article cache hit");
      return { body: hit.body, cache: "article-hit", usage: (await charge()) ?? usage };
    }

    const release = await limiter.acquire(trackingKey, input.signal);
    try {
      const { result, piggyback } = pending.run(
        articleKey,
        (signal) => runGeneration({ inworld, text, voiceId, persist: identity.tier === "premium", articleKey, signal }),
        input.signal,
      );
      if (piggyback) {
        // The generation this request joined already holds a slot: hand ours back at once.
        release();
        logger.info({ voiceId }, "TTS dedup piggyback");
      }
      const generated = await result;
      return { body: generated.body, cache: generated.allChunksCached ? "chunk-hit" : undefined, usage: (await charge()) ?? usage };
    } catch (error) {
      if (input.signal?.aborted) throw error;
      const appError = toAppError(error);
      logger.error({ voiceId, code: appError.code, err: error }, "TTS synthesis error");
      throw appError;
    } finally {
      release();
    }
  }

  async function runGeneration(job: {
    inworld: InworldClient;
    text: string;
    voiceId: string;
    persist: boolean;
    articleKey: string;
    signal: AbortSignal;
  }): Promise<Generated> {
    const track = startMemoryTrack("tts-synthesis", deps.memoryLogger);
    const memory = process.memoryUsage();
    logger.info(
      { rss: memory.rss, heapUsed: memory.heapUsed, articleCache: articleCache.size(), chunkCache: deps.chunkCache.size() },
      "TTS pre-synthesis memory snapshot",
    );
    logger.info({ voiceId: job.voiceId, chars: job.text.length }, "TTS synthesis started");
    try {
      const audio = await synthesizeArticle(
        {
          inworld: job.inworld,
          chunkCache: deps.chunkCache,
          chunkConcurrency: deps.chunkConcurrency,
          retry: deps.retry,
          logger,
          onCheckpoint: track.checkpoint,
        },
        { text: job.text, voiceId: job.voiceId, signal: job.signal },
      );
      const body = JSON.stringify({
        audioBase64: Buffer.from(audio.audio.buffer, audio.audio.byteOffset, audio.audio.byteLength).toString("base64"),
        alignment: audio.alignment,
        durationMs: audio.durationMs,
        voice: job.voiceId,
        chunks: audio.chunkCount,
      });
      track.checkpoint("build-response");
      await articleCache.set(job.articleKey, body, { persist: job.persist });
      return { body, allChunksCached: audio.cachedChunks === audio.chunkCount };
    } finally {
      track.end();
    }
  }

  return { generate };
}
