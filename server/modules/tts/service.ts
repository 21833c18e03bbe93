// The /api/tts use case, knowing nothing of HTTP: gate the voice, clean and bound the text, reserve a free
// reader's place in the daily quota (charged on success, given back otherwise), answer from the article
// caches, and otherwise take a concurrency slot and generate — once per identical article+voice however many
// readers ask at the same moment.
import { DEFAULT_VOICE, findVoice, isVoiceAllowed } from "@/lib/voices";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { articleCacheKey } from "@/lib/text/cache-key";
import type { Identity } from "../../auth/identity";
import type { ArticleCache } from "../../cache/article-cache";
import type { ChunkCache } from "../../cache/chunk-cache";
import type { PendingGenerations } from "../../dedup/pending-generations";
import { dailyLimit, invalidRequest, premiumVoice, textTooLong, ttsDisabled } from "../../errors";
import type { GcPacer } from "../../health/gc-pacer";
import { logMemorySnapshot, startMemoryTrack } from "../../health/memory-tracker";
import type { InworldClient } from "../../inworld/client";
import type { RetryPolicy } from "../../inworld/parallel-synthesizer";
import type { ConcurrencyLimiter, Release } from "../../limits/concurrency-limiter";
import type { Logger } from "../../logger";
import { secondsUntilUtcMidnight, type DailyQuota, type QuotaReservation } from "../../quota/daily-quota";
import { planChunks, synthesizeArticle, type ArticleSynthesisDeps, type ChunkPlan } from "./synthesize-article";
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
  gcPacer?: GcPacer;
}

export interface TtsInput {
  text: string;
  voice?: string;
  identity: Identity;
  clientIp: string;
  signal?: AbortSignal;
  /** Called whenever the reader's daily count is known (free and anonymous readers), refusals included. */
  onUsage?: (usage: { count: number; limit: number }) => void;
}

export interface TtsResult {
  /** The ready JSON body: `{ audioBase64, alignment, durationMs, ... }`. */
  body: string;
  cache?: "article-hit" | "chunk-hit";
  usage?: { count: number; limit: number };
}

export interface Generated {
  body: string;
  allChunksCached: boolean;
  /** written to the Redis article tier too */
  persisted: boolean;
}

export type TtsService = ReturnType<typeof createTtsService>;

export function createTtsService(deps: TtsServiceDeps) {
  const { articleCache, chunkCache, limiter, quota, pending, logger } = deps;
  // What planning and generating need, built once; absent without an Inworld key.
  const synthesis: ArticleSynthesisDeps | undefined = deps.inworld && {
    inworld: deps.inworld,
    chunkCache,
    chunkConcurrency: deps.chunkConcurrency,
    retry: deps.retry,
    logger,
    memoryLogger: deps.memoryLogger,
  };

  async function generate(input: TtsInput): Promise<TtsResult> {
    const voiceId = input.voice ?? DEFAULT_VOICE;
    if (!findVoice(voiceId)) throw invalidRequest(`Unknown voice "${voiceId}"`);
    if (!isVoiceAllowed(voiceId, input.identity.tier)) throw premiumVoice(voiceId);
    if (!synthesis) throw ttsDisabled();

    const text = cleanTextForTTS(input.text);
    if (!text) throw invalidRequest("There is no readable text in this article");
    if (text.length > deps.maxTextChars) throw textTooLong(text.length, deps.maxTextChars);

    const identity = input.identity;
    const trackingKey = identity.kind === "user" ? `user:${identity.sub}` : `anon:${input.clientIp}`;
    const premium = identity.tier === "premium";
    const metered = !premium;
    const articleKey = await articleCacheKey({ text, voiceId, settings: synthesis.inworld.settings });

    // Reserved before any work and charged only once the reader has their audio (invariant 7).
    let reservation: QuotaReservation | undefined;
    if (metered) {
      reservation = await quota.reserve(trackingKey, articleKey);
      input.onUsage?.({ count: reservation.count, limit: reservation.limit });
      if (!reservation.allowed) throw dailyLimit(reservation.limit, secondsUntilUtcMidnight(new Date()));
    }
    const settle = async (outcome: "commit" | "release") => {
      if (!reservation) return undefined;
      const usage = await reservation[outcome]();
      input.onUsage?.(usage);
      return usage;
    };
    try {
      const served = await serve(synthesis, { text, voiceId, articleKey, trackingKey, premium, signal: input.signal });
      return { ...served, usage: await settle("commit") };
    } catch (error) {
      // Failed, refused a slot, or abandoned by the client: the reservation goes back.
      await settle("release");
      throw error;
    }
  }

  async function serve(
    synthesis: ArticleSynthesisDeps,
    job: { text: string; voiceId: string; articleKey: string; trackingKey: string; premium: boolean; signal?: AbortSignal },
  ): Promise<Omit<TtsResult, "usage">> {
    const { voiceId, articleKey, premium } = job;
    // Article hits are answered before a slot is taken: a cached replay must never queue behind generation.
    const hit = await articleCache.get(articleKey);
    if (hit) {
      logger.info({ voiceId, tier: hit.tier }, "TTS article cache hit");
      return { body: hit.body, cache: "article-hit" };
    }

    // Dedup (invariant 10). A generation already running for this article+voice holds its own slot: a request
    // joins it without planning or queueing, so identical requests are never refused USER_BUSY nor kept
    // waiting behind unrelated work. On that path nothing is awaited between has() and run(), so run() joins
    // the very generation has() saw and never starts one without a plan. A request that plans and queues
    // may still find at run() a generation started meanwhile: it joins that one and gives its slot back.
    const plan = pending.has(articleKey) ? undefined : await planChunks(synthesis, job);
    // Cached chunks skip synthesis and the concurrency slot (spec, L3): only upstream work waits for one.
    let release: Release | undefined;
    if (plan && plan.missing.length > 0) release = await limiter.acquire(job.trackingKey, job.signal);
    const start = (signal: AbortSignal) => {
      if (!plan) throw new Error("A generation can only be started by a request that planned it (see the dedup rule)");
      return runGeneration(synthesis, { plan, persist: premium, articleKey, signal });
    };
    try {
      const { result, piggyback } = pending.run(articleKey, start, job.signal);
      if (piggyback) {
        // Joined a running generation; if it started while this request waited, the slot goes back at once.
        release?.();
        logger.info({ voiceId }, "TTS dedup piggyback");
      }
      const generated = await result;
      // The generation persists only when its starter is premium; a premium reader who joined it still
      // gets the cross-device copy (L2.5 is written for premium readers).
      if (premium && !generated.persisted) void articleCache.set(articleKey, generated.body, { persist: true });
      return { body: generated.body, cache: generated.allChunksCached ? "chunk-hit" : undefined };
    } catch (error) {
      if (job.signal?.aborted) throw error;
      const appError = toAppError(error);
      logger.error({ voiceId, code: appError.code, err: error }, "TTS synthesis error");
      throw appError;
    } finally {
      release?.();
    }
  }

  async function runGeneration(
    synthesis: ArticleSynthesisDeps,
    job: { plan: ChunkPlan; persist: boolean; articleKey: string; signal: AbortSignal },
  ): Promise<Generated> {
    const track = startMemoryTrack("tts-synthesis", deps.memoryLogger);
    logMemorySnapshot(logger, "TTS pre-synthesis memory snapshot", { articleCache: articleCache.size(), chunkCache: chunkCache.size() });
    const { text, voiceId, chunks, missing } = job.plan;
    logger.info({ voiceId, chars: text.length, chunks: chunks.length, uncached: missing.length }, "TTS synthesis started");
    try {
      const audio = await synthesizeArticle(synthesis, job.plan, { signal: job.signal, onCheckpoint: track.checkpoint });
      const body = JSON.stringify({
        audioBase64: Buffer.from(audio.audio.buffer, audio.audio.byteOffset, audio.audio.byteLength).toString("base64"),
        alignment: audio.alignment,
        durationMs: audio.durationMs,
        voice: voiceId,
        chunks: audio.chunkCount,
      });
      track.checkpoint("build-response");
      // Memory is written before set() first awaits, so the next identical request hits; the Redis copy is
      // fire-and-forget (set never rejects) and does not hold the reader's response.
      void articleCache.set(job.articleKey, body, { persist: job.persist });
      // Upstream JSON, decoded chunks, the merged MP3, its base64 and this body: about five times its size.
      deps.gcPacer?.add(body.length * 5);
      return { body, allChunksCached: audio.cachedChunks === audio.chunkCount, persisted: job.persist };
    } finally {
      track.end();
    }
  }

  return { generate };
}
