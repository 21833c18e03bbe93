// The /api/tts body of one article. A replica that generated the article makes it from the merged audio
// (generation.ts); a replica that followed another's generation (server/dedup/cluster-generation.ts) makes it
// from the stream's chunk lines. Both give the same body: the lines carry exactly the frames concatMp3 copies
// and the stretches of the timeline mergeAlignments joins (chunk-lines.ts; docs/architecture.md invariant 15).
import type { Alignment } from "@/lib/alignment/types";
import { concatMp3 } from "@/lib/mp3";
import type { StreamLine } from "./chunk-lines";
import type { ArticleAudio } from "./synthesize-article";

export type ChunkLine = Extract<StreamLine, { type: "chunk" }>;

export function articleBody(article: Pick<ArticleAudio, "audio" | "alignment" | "durationMs" | "chunkCount">, voiceId: string): string {
  const { audio } = article;
  return JSON.stringify({
    audioBase64: Buffer.from(audio.buffer, audio.byteOffset, audio.byteLength).toString("base64"),
    alignment: article.alignment,
    durationMs: article.durationMs,
    voice: voiceId,
    chunks: article.chunkCount,
  });
}

/** The body from every chunk line of the article, in text order. */
export function articleBodyFromLines(lines: readonly ChunkLine[], voiceId: string): string {
  const mp3 = concatMp3(lines.map((line) => Buffer.from(line.audioBase64, "base64")));
  const alignment: Alignment = {
    characters: lines.flatMap((line) => line.alignment.characters),
    characterStartTimesSeconds: lines.flatMap((line) => line.alignment.characterStartTimesSeconds),
    characterEndTimesSeconds: lines.flatMap((line) => line.alignment.characterEndTimesSeconds),
  };
  return articleBody({ audio: mp3.bytes, alignment, durationMs: mp3.durationMs, chunkCount: lines.length }, voiceId);
}
