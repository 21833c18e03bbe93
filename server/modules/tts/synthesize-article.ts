// From cleaned article text to one MP3 and one timeline: split into chunks, take what the chunk caches
// hold, synthesize the rest in parallel, caching each as it completes, and merge once every chunk is there.
// A conversation is the same work over one flat list of chunks, each in its own segment's voice (spec 000,
// decision 3): one batch, at most chunkConcurrency in flight for the whole conversation.
import type { Alignment } from "@/lib/alignment/types";
import { mergeAlignments } from "@/lib/alignment/merge-alignments";
import { concatMp3, estimateMp3DurationMs, parseMp3DurationMs } from "@/lib/mp3";
import { chunkCacheKey } from "@/lib/text/cache-key";
import { planSpeech, type SegmentSpan, type VoicedChunk, type VoicedText } from "@/lib/text/chunk-plan";
import type { ChunkCache, ChunkEntry } from "../../cache/chunk-cache";
import { audioTooLarge } from "../../errors";
import { warnLargeAllocation } from "../../health/memory-tracker";
import type { InworldClient } from "../../inworld/client";
import { retryRateLimited, type RetryPolicy } from "../../inworld/rate-limit-retry";
import { parallelMap } from "@/lib/async/parallel-map";
import type { Logger } from "../../logger";

export const MAX_AUDIO_BYTES = 50 * 1024 * 1024;
export const WARN_AUDIO_BYTES = 20 * 1024 * 1024;

export interface ArticleSynthesisDeps {
  inworld: InworldClient;
  chunkCache: ChunkCache;
  chunkConcurrency: number;
  retry?: RetryPolicy;
  logger: Logger;
  memoryLogger: Logger;
}

export interface ArticleAudio {
  audio: Uint8Array;
  alignment: Alignment;
  durationMs: number;
  chunkCount: number;
  cachedChunks: number;
  segments: SegmentTiming[];
}

/** A segment's place in the text and in the audio: `startMs` is the decoded duration of every chunk before it (invariant 5). */
export interface SegmentTiming extends SegmentSpan {
  startMs: number;
  durationMs: number;
}

/** What the chunk caches already hold for an article, found before any slot is taken. */
export interface ChunkPlan {
  text: string;
  /** the voice, or a conversation's voices joined with "+", for the logs */
  voiceId: string;
  /** asked for as segments: the answers then carry them */
  conversation: boolean;
  chunks: VoicedChunk[];
  segments: SegmentSpan[];
  keys: string[];
  entries: Array<ChunkEntry | undefined>;
  /** indexes of the chunks no cache holds */
  missing: number[];
}

export async function planChunks(
  deps: Pick<ArticleSynthesisDeps, "inworld" | "chunkCache" | "logger">,
  { segments: spoken, conversation, lang }: { segments: readonly VoicedText[]; conversation: boolean; lang: string },
): Promise<ChunkPlan> {
  const { text, chunks, segments } = planSpeech(spoken);
  const voiceId = [...new Set(segments.map((s) => s.voiceId))].join("+");
  // Each chunk is keyed with its own voice, so a turn's chunk is the same cache entry in any conversation.
  const keys = await Promise.all(chunks.map((c) => chunkCacheKey({ text: c.text, voiceId: c.voiceId, lang, settings: deps.inworld.settings })));
  const entries = await deps.chunkCache.getMany(keys);
  const missing = entries.flatMap((entry, index) => (entry ? [] : [index]));
  const cachedChunks = chunks.length - missing.length;
  // The spec's "TTS chunk cache hit" means every chunk came from a cache; a partial hit is only a detail.
  if (missing.length === 0) deps.logger.info({ voiceId, chunks: chunks.length }, "TTS chunk cache hit");
  else if (cachedChunks > 0) deps.logger.debug({ voiceId, chunks: chunks.length, cachedChunks }, "TTS chunk cache partial hit");
  return { text, voiceId, conversation, chunks, segments, keys, entries, missing };
}

/** Each segment's start and length in the audio, summed in text order as the stream's lines sum them (invariant 15). */
export function segmentTimings(
  segments: readonly SegmentSpan[],
  chunks: readonly VoicedChunk[],
  chunkDurationsMs: readonly number[],
): SegmentTiming[] {
  const timings = segments.map((span) => ({ ...span, startMs: 0, durationMs: 0 }));
  let elapsedMs = 0;
  let next = 0;
  chunks.forEach((chunk, k) => {
    // A segment starts where the chunks before its first one end; every segment has a chunk (its text is not empty).
    for (; next <= chunk.segment; next++) timings[next].startMs = elapsedMs;
    timings[chunk.segment].durationMs += chunkDurationsMs[k];
    elapsedMs += chunkDurationsMs[k];
  });
  for (; next < timings.length; next++) timings[next].startMs = elapsedMs;
  return timings;
}

export async function synthesizeArticle(
  deps: ArticleSynthesisDeps,
  plan: ChunkPlan,
  {
    signal,
    onCheckpoint,
    onChunk,
  }: {
    signal?: AbortSignal;
    onCheckpoint?: (label: string) => void;
    /** Each chunk as soon as it is there: the cached ones at once, the others as they complete, in any order. */
    onChunk?: (index: number, entry: ChunkEntry) => void;
  } = {},
): Promise<ArticleAudio> {
  const { inworld, chunkCache, logger } = deps;
  const { text, chunks, keys, missing } = plan;
  const entries = [...plan.entries];
  const cachedChunks = chunks.length - missing.length;

  entries.forEach((entry, index) => entry && onChunk?.(index, entry));
  let audioBytes = entries.reduce((sum, e) => sum + (e?.audio.byteLength ?? 0), 0);
  const fresh = await parallelMap(
    missing,
    async (index, _, chunkSignal) => {
      const chunk = chunks[index];
      const result = await retryRateLimited(() => inworld.synthesize({ text: chunk.text, voiceId: chunk.voiceId }, chunkSignal), {
        policy: deps.retry,
        signal: chunkSignal,
        onRetry: (info) => logger.warn({ ...info, index, voiceId: chunk.voiceId }, "TTS chunk rate-limited, retrying"),
      });
      // Counted as results arrive so a runaway article fails before it holds 50 MB of buffers.
      audioBytes += result.audio.byteLength;
      if (audioBytes > MAX_AUDIO_BYTES) throw audioTooLarge(audioBytes);
      const durationMs = parseMp3DurationMs(result.audio) || estimateMp3DurationMs(result.audio, inworld.settings.bitRate);
      // Kept as the provider gave it: partAlignment fits it to the chunk's text, once, where the lines are made.
      const entry: ChunkEntry = { audio: result.audio, alignment: result.alignment, durationMs };
      // Cached at once, whatever becomes of its siblings: a chunk is whole and correct on its own, so when the
      // article fails (or the reader leaves) a retry pays only for the chunks that did not complete (invariant 6).
      void chunkCache.set(keys[index], entry);
      onChunk?.(index, entry);
      return entry;
    },
    { concurrency: deps.chunkConcurrency, signal },
  );
  onCheckpoint?.("chunk-gen");

  missing.forEach((index, i) => {
    entries[index] = fresh[i];
  });
  const complete = entries as ChunkEntry[];

  const mp3 = concatMp3(complete.map((e) => e.audio));
  warnLargeAllocation(deps.memoryLogger, mp3.bytes.byteLength, WARN_AUDIO_BYTES);
  const alignment = mergeAlignments(
    text,
    chunks.map((chunk, i) => ({
      offset: chunk.offset,
      text: chunk.text,
      alignment: complete[i].alignment,
      // Offsets come from decoded frame counts, not the last timestamp (invariant 5).
      durationMs: mp3.chunkDurationsMs[i],
    })),
  );
  const segments = segmentTimings(plan.segments, chunks, mp3.chunkDurationsMs);
  return { audio: mp3.bytes, alignment, durationMs: mp3.durationMs, chunkCount: chunks.length, cachedChunks, segments };
}
