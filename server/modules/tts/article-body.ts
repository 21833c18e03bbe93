// The /api/tts body of one article. A replica that generated the article makes it from the merged audio
// (generation.ts); a replica that followed another's generation (cluster-generation.ts) makes it
// from the stream's chunk lines. Both give the same body: the lines carry exactly the frames concatMp3 copies
// and the stretches of the timeline mergeAlignments joins (chunk-lines.ts; docs/architecture.md invariant 15).
import type { Alignment } from "@/lib/alignment/types";
import { concatMp3 } from "@/lib/mp3";
import type { SegmentSpan } from "@/lib/text/chunk-plan";
import type { StreamLine } from "./chunk-lines";
import type { ArticleAudio, SegmentTiming } from "./synthesize-article";

export type ChunkLine = Extract<StreamLine, { type: "chunk" }>;

const segmentJson = ({ voiceId, textOffset, textLength, startMs, durationMs }: SegmentTiming) => ({
  voice: voiceId,
  textOffset,
  textLength,
  startMs,
  durationMs,
});

/** `voiceId`: the voice, or a conversation's first segment's; `segments`: a conversation's timings. */
export function articleBody(
  article: Pick<ArticleAudio, "audio" | "alignment" | "durationMs" | "chunkCount">,
  voiceId: string,
  segments?: readonly SegmentTiming[],
): string {
  const { audio } = article;
  return JSON.stringify({
    audioBase64: Buffer.from(audio.buffer, audio.byteOffset, audio.byteLength).toString("base64"),
    alignment: article.alignment,
    durationMs: article.durationMs,
    voice: voiceId,
    chunks: article.chunkCount,
    ...(segments ? { segments: segments.map(segmentJson) } : {}),
  });
}

/**
 * A conversation's segment timings from its chunk lines: a segment starts at its first chunk's `startMs` and
 * lasts its chunks' `durationMs` (chunk-lines.ts), the numbers the generating replica answers.
 */
function segmentsFromLines(spans: readonly SegmentSpan[], lines: readonly ChunkLine[]): SegmentTiming[] {
  const timings = spans.map((span) => ({ ...span, startMs: -1, durationMs: 0 }));
  for (const line of lines) {
    const timing = timings[line.segment ?? 0];
    if (timing.startMs < 0) timing.startMs = line.startMs;
    timing.durationMs += line.durationMs;
  }
  return timings;
}

/** The body from every chunk line of the article, in text order; `segments`: a conversation's spans. */
export function articleBodyFromLines(lines: readonly ChunkLine[], voiceId: string, segments?: readonly SegmentSpan[]): string {
  const mp3 = concatMp3(lines.map((line) => Buffer.from(line.audioBase64, "base64")));
  const alignment: Alignment = {
    characters: lines.flatMap((line) => line.alignment.characters),
    characterStartTimesSeconds: lines.flatMap((line) => line.alignment.characterStartTimesSeconds),
    characterEndTimesSeconds: lines.flatMap((line) => line.alignment.characterEndTimesSeconds),
  };
  const article = { audio: mp3.bytes, alignment, durationMs: mp3.durationMs, chunkCount: lines.length };
  return articleBody(article, voiceId, segments && segmentsFromLines(segments, lines));
}
