// What the chunk caches already hold for an article, looked at before any slot is taken: the article split
// into chunks (a conversation's turns each in its own voice), each chunk's cache key, and the chunks to
// synthesize (synthesize-article.ts).
import { chunkCacheKey } from "@/lib/text/cache-key";
import { planSpeech, type SegmentSpan, type VoicedChunk, type VoicedText } from "@/lib/text/chunk-plan";
import type { ChunkCache, ChunkEntry } from "../../cache/chunk-cache";
import type { InworldClient } from "../../inworld/client";
import type { Logger } from "../../logger";

/** What the chunk caches already hold for an article, found before any slot is taken. */
export interface ChunkPlan {
  text: string;
  /** the voices speaking, each once, in order of appearance: one for an article */
  cast: string[];
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
  deps: { inworld: Pick<InworldClient, "settings">; chunkCache: ChunkCache; logger: Logger },
  { segments: spoken, conversation, lang, cast }: { segments: readonly VoicedText[]; conversation: boolean; lang: string; cast: string[] },
): Promise<ChunkPlan> {
  const { text, chunks, segments } = planSpeech(spoken);
  // Each chunk is keyed with its own voice, so a turn's chunk is the same cache entry in any conversation.
  const keys = await Promise.all(chunks.map((c) => chunkCacheKey({ text: c.text, voiceId: c.voiceId, lang, settings: deps.inworld.settings })));
  const entries = await deps.chunkCache.getMany(keys);
  const missing = entries.flatMap((entry, index) => (entry ? [] : [index]));
  const cachedChunks = chunks.length - missing.length;
  // "TTS chunk cache hit" means every chunk came from a cache; a partial hit is only a detail.
  if (missing.length === 0) deps.logger.info({ cast, chunks: chunks.length }, "TTS chunk cache hit");
  else if (cachedChunks > 0) deps.logger.debug({ cast, chunks: chunks.length, cachedChunks }, "TTS chunk cache partial hit");
  return { text, cast, conversation, chunks, segments, keys, entries, missing };
}
