// The /api/tts and /api/tts/stream use cases, knowing nothing of HTTP: gate the voice, clean and bound the
// text, reserve a free reader's place in the daily quota (charged once the reader has audio, given back
// otherwise), answer from the article caches, and otherwise take a concurrency slot and generate — once per
// identical article+voice however many readers ask at the same moment, on either endpoint. A conversation
// (segments, each in its own voice) is one article to all of this: one key, one quota charge, one generation.
import { DEFAULT_LANGUAGE, defaultVoiceFor, findVoice, isVoiceAllowed, speaksLanguage } from "@/lib/voices";
import { languageName, primaryLanguage } from "@/lib/language";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { articleCacheKey, conversationCacheKey } from "@/lib/text/cache-key";
import { SEGMENT_SEPARATOR, segmentSpans, type VoicedText } from "@/lib/text/chunk-plan";
import { conversationCost, MAX_TURNS } from "./conversation-cost";
import type { Identity } from "../../auth/identity";
import type { ArticleCache } from "../../cache/article-cache";
import type { ChunkCache } from "../../cache/chunk-cache";
import type { ClusterGenerations } from "./cluster-generation";
import type { PendingGenerations } from "./pending-generations";
import { dailyLimit, invalidRequest, premiumVoice, textTooLong, ttsDisabled, unsupportedLanguage } from "../../errors";
import type { GcPacer } from "../../health/gc-pacer";
import type { InworldClient } from "../../inworld/client";
import type { RetryPolicy } from "../../inworld/rate-limit-retry";
import type { ConcurrencyLimiter, Release } from "../../limits/concurrency-limiter";
import type { Logger } from "../../logger";
import { secondsUntilUtcMidnight, type DailyQuota, type QuotaReservation, type QuotaUsage } from "../../quota/daily-quota";
import type { StreamCache, StreamLine } from "@/lib/stream/stream-lines";
import { createChunkLines, encodeLine, segmentsLine, type LineBytes } from "./chunk-lines";
import { startGeneration, type Generated, type Generation } from "./generation";
import { planChunks, type ChunkPlan } from "./plan-chunks";
import type { ArticleSynthesisDeps } from "./synthesize-article";
import type { SpeechRequest } from "./model";
import { toAppError } from "./upstream-errors";

export interface TtsServiceDeps {
  /** Absent when no INWORLD_API_KEY is configured: requests then get 503 TTS_DISABLED. */
  inworld?: InworldClient;
  articleCache: ArticleCache;
  chunkCache: ChunkCache;
  limiter: ConcurrencyLimiter;
  quota: DailyQuota;
  pending: PendingGenerations<Generated, Generation>;
  /** Absent without Redis: generations are then shared within this process only. */
  cluster?: ClusterGenerations;
  chunkConcurrency: number;
  maxTextChars: number;
  retry?: RetryPolicy;
  logger: Logger;
  memoryLogger: Logger;
  gcPacer?: GcPacer;
}

export type TtsInput = SpeechRequest & {
  identity: Identity;
  clientIp: string;
  signal?: AbortSignal;
  /** Called whenever the reader's daily count is known (free and anonymous readers), refusals included. */
  onUsage?: (usage: { count: number; limit: number }) => void;
};

export interface TtsResult {
  /** The ready JSON body: `{ audioBase64, alignment, durationMs, ... }`. */
  body: Blob;
  cache?: "article-hit" | "chunk-hit";
  usage?: { count: number; limit: number };
}

export interface TtsStream {
  /** NDJSON lines (docs/architecture.md "Streaming"): the start line and the first chunk are already in it. */
  body: ReadableStream<Uint8Array>;
  cache?: "article-hit" | "chunk-hit";
  usage?: { count: number; limit: number };
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

  interface Job {
    /** the spoken text: a conversation's segments joined */
    text: string;
    /** cleaned, in order; one for a single article */
    segments: VoicedText[];
    conversation: boolean;
    /** the language spoken (a BCP 47 primary subtag), part of every cache key */
    lang: string;
    /** the one voice the answers name: the article's, or a conversation's opening voice */
    voice: string;
    /** every voice speaking, each once (for the logs) */
    cast: string[];
    articleKey: string;
    trackingKey: string;
    premium: boolean;
    signal?: AbortSignal;
  }

  /** Everything both endpoints check before any work; the reservation is taken last, and settled by the caller. */
  async function admit(input: TtsInput) {
    const conversation = "segments" in input;
    // A language no voice speaks is refused before anything else is looked at, let alone spent.
    const lang = primaryLanguage(input.lang) ?? DEFAULT_LANGUAGE;
    const languageVoice = defaultVoiceFor(lang);
    if (!languageVoice) throw unsupportedLanguage(languageName(lang));
    const asked = conversation
      ? input.segments.map((s) => ({ text: s.text, voiceId: s.voice }))
      : [{ text: input.text, voiceId: input.voice ?? languageVoice }];
    // Every voice is checked before any work: one premium voice anywhere refuses the whole conversation.
    // The voice is not repeated: it is the caller's input.
    for (const { voiceId } of asked) if (!findVoice(voiceId)) throw invalidRequest("Unknown voice: GET /api/tts/voices lists them");
    // A known voice may be named back.
    for (const { voiceId } of asked) {
      if (!speaksLanguage(voiceId, lang)) throw invalidRequest(`Voice "${voiceId}" does not speak ${languageName(lang)}`);
    }
    for (const { voiceId } of asked) if (!isVoiceAllowed(voiceId, input.identity.tier)) throw premiumVoice(voiceId);
    if (!synthesis) throw ttsDisabled();

    const cleaned = asked.map(({ text, voiceId }) => ({ text: cleanTextForTTS(text), voiceId }));
    // An empty segment would put a bare separator into the spoken text, which the reader's own text walk never has.
    const empty = cleaned.findIndex((s) => !s.text);
    if (empty >= 0) throw invalidRequest(conversation ? `Segment ${empty + 1} has no readable text` : "There is no readable text in this article");
    // Each segment is a speaker's turn as the reader's page counts them (the answer times every one, and a chunk
    // never spans two): a turn costs at most one call more than its text as an article, so turns are capped and
    // charged (invariant 17).
    const segments = cleaned;
    if (segments.length > MAX_TURNS) throw invalidRequest(`A conversation has at most ${MAX_TURNS} turns`);
    const length = segments.reduce((sum, s) => sum + s.text.length, SEGMENT_SEPARATOR.length * (segments.length - 1));
    if (length > deps.maxTextChars) throw textTooLong(length, deps.maxTextChars);
    const text = segments.map((s) => s.text).join(SEGMENT_SEPARATOR);
    const voice = segments[0].voiceId;
    const cast = [...new Set(segments.map((s) => s.voiceId))];

    const identity = input.identity;
    const trackingKey = identity.kind === "user" ? `user:${identity.sub}` : `anon:${input.clientIp}`;
    const premium = identity.tier === "premium";
    const settings = synthesis.inworld.settings;
    const articleKey = conversation
      ? await conversationCacheKey({ segments, lang, settings })
      : await articleCacheKey({ text, voiceId: voice, lang, settings });

    // Reserved before any work and charged only once the reader has their audio (invariant 7). A conversation
    // that costs more calls than its text as an article is charged in proportion: a place per allowance of calls.
    const reservations: QuotaReservation[] = [];
    if (!premium) {
      const charge = conversation ? conversationCost(segments).charge : 1;
      for (let place = 0; place < charge; place++) {
        const reservation = await quota.reserve(trackingKey, place === 0 ? articleKey : `${articleKey}:${place}`);
        input.onUsage?.({ count: reservation.count, limit: reservation.limit });
        if (!reservation.allowed) {
          for (const taken of reservations) await taken.release();
          throw dailyLimit(reservation.limit, secondsUntilUtcMidnight(new Date()));
        }
        reservations.push(reservation);
      }
    }
    const settle = async (outcome: "commit" | "release" | "refund") => {
      let usage: QuotaUsage | undefined;
      for (const reservation of reservations) usage = await reservation[outcome]();
      if (usage) input.onUsage?.(usage);
      return usage;
    };
    const job: Job = { text, segments, conversation, lang, voice, cast, articleKey, trackingKey, premium, signal: input.signal };
    return { synthesis, job, settle };
  }

  async function generate(input: TtsInput): Promise<TtsResult> {
    const { synthesis, job, settle } = await admit(input);
    try {
      const served = await serve(synthesis, job);
      return { ...served, usage: await settle("commit") };
    } catch (error) {
      // Failed, refused a slot, or abandoned by the client: the reservation goes back.
      await settle("release");
      throw error;
    }
  }

  /**
   * Joins the generation running for this article+voice, or plans one, takes a slot for it and starts it.
   * `release` gives the slot back (idempotent; also on the job's abort); absent when none was taken.
   */
  async function joinGeneration(synthesis: ArticleSynthesisDeps, job: Job & { signal: AbortSignal }, planned?: ChunkPlan) {
    // Dedup (invariant 10). A generation already running for this article+voice holds its own slot: a request
    // joins it without planning or queueing, so identical requests are never refused USER_BUSY nor kept
    // waiting behind unrelated work. On that path nothing is awaited between has() and run(), so run() joins
    // the very generation has() saw and never starts one without a plan. A request that plans and queues
    // may still find at run() a generation started meanwhile: it joins that one and gives its slot back.
    // Planned now, and again when a cluster generation starts here late (the other replicas may have filled the chunk caches since).
    const planNow = () => planChunks(synthesis, job);
    const plan = planned ?? (pending.has(job.articleKey) ? undefined : await planNow());
    // Cached chunks skip synthesis and the concurrency slot (L3, docs/architecture.md "Cache tiers"): only upstream work waits for one.
    let release: Release | undefined;
    if (plan && plan.missing.length > 0) release = await limiter.acquire(job.trackingKey, job.signal);
    const start = (signal: AbortSignal) => {
      if (!plan) throw new Error("A generation can only be started by a request that planned it (see the dedup rule)");
      const generationDeps = { synthesis, articleCache, chunkCache, logger, memoryLogger: deps.memoryLogger, gcPacer: deps.gcPacer };
      const generate = (from: ChunkPlan, generationSignal: AbortSignal) =>
        startGeneration(generationDeps, { plan: from, persist: job.premium, articleKey: job.articleKey, signal: generationSignal });
      // Upstream work is shared with the other replicas too (cluster-generation.ts); a replay is not.
      if (!deps.cluster || plan.missing.length === 0) return generate(plan, signal);
      const local = async (localSignal: AbortSignal, replan: boolean) => generate(replan ? await planNow() : plan, localSignal);
      const answer = { voice: job.voice, segments: plan.conversation ? plan.segments : undefined };
      return deps.cluster.start({ key: job.articleKey, ...answer, chunks: plan.chunks.length, local }, signal);
    };
    try {
      const run = pending.run(job.articleKey, start, job.signal);
      if (run.piggyback) {
        // Joined a running generation; if it started while this request waited, the slot goes back at once.
        release?.();
        logger.info({ cast: job.cast }, "TTS dedup piggyback");
      }
      return { run, release };
    } catch (error) {
      release?.();
      throw error;
    }
  }

  const failure = (job: Job, error: unknown) => {
    const appError = toAppError(error);
    logger.error({ cast: job.cast, code: appError.code, err: error }, "TTS synthesis error");
    return appError;
  };

  async function serve(synthesis: ArticleSynthesisDeps, job: Job): Promise<Omit<TtsResult, "usage">> {
    const { cast, articleKey, premium } = job;
    // Article hits are answered before a slot is taken: a cached replay must never queue behind generation.
    const hit = await articleCache.get(articleKey);
    if (hit) {
      logger.info({ cast, tier: hit.tier }, "TTS article cache hit");
      return { body: hit.body, cache: "article-hit" };
    }
    // The dedup map needs a signal to know when this reader leaves; a caller without one never does.
    const { run, release } = await joinGeneration(synthesis, { ...job, signal: job.signal ?? new AbortController().signal });
    try {
      const generated = await run.result;
      // The generation persists only when its starter is premium; a premium reader who joined it still
      // gets the cross-device copy (L2.5 is written for premium readers).
      if (premium && !generated.persisted) void articleCache.set(articleKey, generated.body, { persist: true });
      return { body: generated.body, cache: generated.allChunksCached ? "chunk-hit" : undefined };
    } catch (error) {
      if (job.signal?.aborted) throw error;
      throw failure(job, error);
    } finally {
      release?.();
    }
  }

  /**
   * /api/tts/stream. Everything that can refuse the reader happens before the first byte, including a failure of
   * chunk 0: the start line goes out with the first chunk, so an error before any audio is a JSON error with
   * its status. The reader is charged then (they have audio) and refunded if the generation later fails on our
   * side; a reader who leaves after the first audio keeps the charge.
   */
  async function stream(input: TtsInput): Promise<TtsStream> {
    const { synthesis, job, settle } = await admit(input);
    // The reader leaves when the request aborts or the response body is cancelled, whichever Bun reports.
    const leave = new AbortController();
    const signal = job.signal ? AbortSignal.any([job.signal, leave.signal]) : leave.signal;
    let opened: OpenedStream;
    try {
      opened = await openStream(synthesis, { ...job, signal });
    } catch (error) {
      leave.abort();
      await settle("release");
      throw error;
    }
    const usage = await settle("commit");
    let finished = false;
    const finish = () => {
      finished = true;
      opened.release?.();
    };
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encodeLine(opened.startLine));
        opened.follow((line, last) => {
          if (finished) return;
          controller.enqueue(line());
          if (!last) return;
          finish();
          controller.close();
        }, signal);
      },
      cancel(reason) {
        finish();
        leave.abort(reason);
      },
    });
    // A failure after the first audio is ours: the charge goes back.
    void opened.failedAfterAudio.then((failed) => (failed ? settle("refund") : undefined));
    return { body, cache: opened.cache ?? undefined, usage };
  }

  interface OpenedStream {
    startLine: StreamLine;
    cache: StreamCache;
    /** the concurrency slot this reader took, if any */
    release?: Release;
    /** Sends every line after the start line, in order, until `signal` aborts; `last` marks the end or error line. */
    follow(send: (line: LineBytes, last: boolean) => void, signal: AbortSignal): void;
    /** true when the generation failed after this reader's first audio (they saw the error line) */
    failedAfterAudio: Promise<boolean>;
  }

  /** Waits for the first audio, which is when the start line goes out. */
  async function openStream(synthesis: ArticleSynthesisDeps, job: Job & { signal: AbortSignal }): Promise<OpenedStream> {
    const { text, voice, cast, articleKey } = job;
    const segments = job.conversation ? { segments: segmentsLine(segmentSpans(job.segments)) } : {};
    const startLine = (chunks: number, cache: StreamCache): StreamLine => ({
      type: "start",
      voice,
      chunks,
      textLength: text.length,
      cache,
      ...segments,
    });
    // An article hit is served from the chunk caches, which every completed generation filled: the article
    // entry is one merged MP3 that cannot be cut back into chunks. When a chunk has left its cache since, the
    // article is generated again, for that chunk only.
    const hit = (await articleCache.get(articleKey)) !== undefined;
    const plan = hit ? await planChunks(synthesis, job) : undefined;
    if (plan && plan.missing.length === 0) {
      logger.info({ cast }, "TTS article cache hit");
      const lines = createChunkLines(text, plan.chunks, { conversation: job.conversation });
      const all = plan.entries.flatMap((entry, index) => (entry ? lines.add(index, entry) : []));
      const end: StreamLine = { type: "end", durationMs: lines.elapsedMs() };
      all.push(() => encodeLine(end));
      return {
        startLine: startLine(plan.chunks.length, "article-hit"),
        cache: "article-hit",
        follow: (send) => all.forEach((line, i) => send(line, i === all.length - 1)),
        failedAfterAudio: Promise.resolve(false),
      };
    }

    const { run, release } = await joinGeneration(synthesis, job, plan);
    // This reader takes the outcome from the events; the dedup map still counts it as a waiter until it leaves.
    // A premium reader who joined a generation a free reader started still gets the cross-device copy, as on /api/tts.
    run.result.then(
      (generated) => {
        if (job.premium && !generated.persisted) void articleCache.set(articleKey, generated.body, { persist: true });
      },
      () => {},
    );
    try {
      await firstAudio(run.work, job.signal);
    } catch (error) {
      release?.();
      if (job.signal.aborted) throw error;
      throw failure(job, error);
    }
    let settleFailure = (_failed: boolean) => {};
    const failedAfterAudio = new Promise<boolean>((resolve) => (settleFailure = resolve));
    const cache: StreamCache = run.work.allChunksCached ? "chunk-hit" : null;
    return {
      startLine: startLine(run.work.chunks, cache),
      cache,
      release,
      failedAfterAudio,
      follow(send, signal) {
        run.work.subscribe((event) => {
          if (event.type === "chunk") return send(event.line, false);
          if (event.type === "end") {
            settleFailure(false);
            return send(() => encodeLine({ type: "end", durationMs: event.durationMs }), true);
          }
          const appError = failure(job, event.error);
          settleFailure(true);
          send(() => encodeLine({ type: "error", error: appError.message, code: appError.code }), true);
        }, signal);
      },
    };
  }

  /** Resolves at the generation's first event when it is audio; rejects with its error when it failed first. */
  function firstAudio(generation: Generation, signal: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      const stop = new AbortController();
      const onAbort = () => {
        stop.abort();
        reject(signal.reason);
      };
      signal.addEventListener("abort", onAbort, { once: true });
      generation.subscribe((event) => {
        if (stop.signal.aborted) return;
        stop.abort();
        signal.removeEventListener("abort", onAbort);
        if (event.type === "error") reject(event.error);
        else resolve();
      }, stop.signal);
    });
  }

  return { generate, stream };
}
