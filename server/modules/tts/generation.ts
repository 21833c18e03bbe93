// One article+voice being generated, shared by every reader who asks for it meanwhile, on either endpoint
// (request dedup, invariant 10): /api/tts waits for `done` and answers the whole body; /api/tts/stream reads
// the events, chunk lines in text order the moment they are ready, then `end` or `error`. The events so far are
// kept, so a reader who joins late gets them all, then the rest, each exactly once.
//
// Each chunk enters the chunk caches as it completes (synthesizeArticle); the whole article enters the article
// caches when the last one does, so a replay is an article hit on either endpoint. The work stops when its
// signal aborts, which the dedup map does when no reader is left (pending-generations.ts).
import type { ArticleCache } from "../../cache/article-cache";
import type { ChunkCache } from "../../cache/chunk-cache";
import type { PendingWork } from "./pending-generations";
import type { GcPacer } from "../../health/gc-pacer";
import { logMemorySnapshot, startMemoryTrack } from "../../health/memory-tracker";
import type { Logger } from "../../logger";
import { articleBody } from "./article-body";
import { createChunkLines } from "./chunk-lines";
import { synthesizeArticle, type ArticleSynthesisDeps, type ChunkPlan } from "./synthesize-article";

export interface Generated {
  body: string;
  allChunksCached: boolean;
  /** written to the Redis article tier too */
  persisted: boolean;
}

export type GenerationEvent = { type: "chunk"; line: string } | { type: "end"; durationMs: number } | { type: "error"; error: unknown };

export interface Generation extends PendingWork<Generated> {
  chunks: number;
  /** every chunk came from the chunk caches */
  allChunksCached: boolean;
  /** Calls `listener` with every event so far, in order, then with each new one, until `signal` aborts. */
  subscribe(listener: (event: GenerationEvent) => void, signal: AbortSignal): void;
}

export interface GenerationDeps {
  synthesis: ArticleSynthesisDeps;
  articleCache: ArticleCache;
  chunkCache: ChunkCache;
  logger: Logger;
  memoryLogger: Logger;
  gcPacer?: GcPacer;
}

/** A segment as the answer carries it (docs/architecture.md "Conversations"). */

export function startGeneration(
  deps: GenerationDeps,
  job: { plan: ChunkPlan; persist: boolean; articleKey: string; signal: AbortSignal },
): Generation {
  const { articleCache, chunkCache, logger } = deps;
  const { text, voiceId, chunks, missing } = job.plan;
  const events: GenerationEvent[] = [];
  const listeners = new Set<(event: GenerationEvent) => void>();
  const publish = (event: GenerationEvent) => {
    events.push(event);
    for (const listener of listeners) listener(event);
  };
  const lines = createChunkLines(text, chunks, { conversation: job.plan.conversation });
  const allChunksCached = missing.length === 0;

  async function run(): Promise<Generated> {
    const track = startMemoryTrack("tts-synthesis", deps.memoryLogger);
    logMemorySnapshot(logger, "TTS pre-synthesis memory snapshot", { articleCache: articleCache.size(), chunkCache: chunkCache.size() });
    logger.info({ voiceId, chars: text.length, chunks: chunks.length, uncached: missing.length }, "TTS synthesis started");
    try {
      const audio = await synthesizeArticle(deps.synthesis, job.plan, {
        signal: job.signal,
        onCheckpoint: track.checkpoint,
        onChunk: (index, entry) => {
          for (const line of lines.add(index, entry)) publish({ type: "chunk", line });
        },
      });
      const body = articleBody(audio, job.plan.segments[0].voiceId, job.plan.conversation ? audio.segments : undefined);
      track.checkpoint("build-response");
      // Memory is written before set() first awaits, so the next identical request hits; the Redis copy is
      // fire-and-forget (set never rejects) and does not hold the reader's response.
      void articleCache.set(job.articleKey, body, { persist: job.persist });
      // Upstream JSON, decoded chunks, the merged MP3, its base64, the stream's lines and this body.
      deps.gcPacer?.add(body.length * 6);
      // The chunk lines' own running total, as a replay from the caches reports it: summed in text order, so
      // the two agree to the last bit (the merged MP3's duration is the same sum in another order).
      publish({ type: "end", durationMs: lines.elapsedMs() });
      return { body, allChunksCached, persisted: job.persist };
    } catch (error) {
      publish({ type: "error", error });
      throw error;
    } finally {
      track.end();
    }
  }

  return {
    chunks: chunks.length,
    allChunksCached,
    done: run(),
    subscribe(listener, signal) {
      if (signal.aborted) return;
      for (const event of events) listener(event);
      listeners.add(listener);
      signal.addEventListener("abort", () => listeners.delete(listener), { once: true });
    },
  };
}
