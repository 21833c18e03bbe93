// From cleaned article text to the audio of every chunk: split into chunks, take what the chunk caches hold,
// synthesize the rest in parallel, caching each as it completes (article-body.ts joins them).
// A conversation is the same work over one flat list of chunks, each in its own segment's voice
// (docs/architecture.md, "Parallel synthesis"): one batch, at most chunkConcurrency in flight for the whole conversation.
import { estimateMp3DurationMs, parseMp3DurationMs } from "@/lib/mp3";
import type { ChunkCache, ChunkEntry } from "../../cache/chunk-cache";
import { audioTooLarge } from "../../errors";
import type { InworldClient } from "../../inworld/client";
import { retryRateLimited, type RetryPolicy } from "../../inworld/rate-limit-retry";
import { parallelMap } from "./parallel-map";
import type { Logger } from "../../logger";
import type { ChunkPlan } from "./plan-chunks";

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

/** Every chunk's audio and timeline, in text order. */
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
): Promise<ChunkEntry[]> {
  const { inworld, chunkCache, logger } = deps;
  const { chunks, keys, missing } = plan;
  const entries = [...plan.entries];

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
  return entries as ChunkEntry[];
}
