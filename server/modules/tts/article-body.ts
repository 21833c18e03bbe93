// The /api/tts body of one article, as the Blob the article cache keeps and a hit sends as it is. A replica
// that generated the article makes it from the chunks (generation.ts); a replica that followed another's
// generation (cluster-generation.ts) makes it from the stream's chunk lines. Both give the same body: the lines
// carry exactly the frames mp3Parts lays out and the stretches of the timeline mergeAlignments joins
// (chunk-lines.ts; docs/architecture.md invariant 15).
import type { Alignment } from "@/lib/alignment/types";
import { mergeAlignments } from "./merge-alignments";
import { mp3Parts, type Mp3Parts } from "@/lib/mp3";
import type { SegmentSpan, VoicedChunk } from "@/lib/text/chunk-plan";
import type { ChunkEntry } from "../../cache/chunk-cache";
import type { StreamLine } from "@/lib/stream/stream-lines";
import { jsonWithBase64 } from "./json-with-base64";

export type ChunkLine = Extract<StreamLine, { type: "chunk" }>;

/** A segment's place in the text and in the audio: `startMs` is the decoded duration of every chunk before it (invariant 5). */
export interface SegmentTiming extends SegmentSpan {
  startMs: number;
  durationMs: number;
}

const segmentJson = ({ voiceId, textOffset, textLength, startMs, durationMs }: SegmentTiming) => ({
  voice: voiceId,
  textOffset,
  textLength,
  startMs,
  durationMs,
});

/**
 * `{ audioBase64, alignment, durationMs, voice, chunks, segments? }`: `voice` is the article's, or a
 * conversation's opening voice (the wire's one `voice` field); `segments` a conversation's timings.
 */
function bodyBytes(mp3: Mp3Parts, alignment: Alignment, chunks: number, voice: string, segments?: readonly SegmentTiming[]) {
  const rest = { alignment, durationMs: mp3.durationMs, voice, chunks, ...(segments ? { segments: segments.map(segmentJson) } : {}) };
  // A Blob, which Bun sends without copying it for each response (article-cache.ts).
  return new Blob([jsonWithBase64({}, "audioBase64", mp3.parts, rest)]);
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

/** The whole article, in one voice or a cast's: `text` spoken, split into `chunks`, whose audio is `entries`. */
export interface SpokenArticle {
  text: string;
  chunks: readonly VoicedChunk[];
  entries: readonly ChunkEntry[];
  /** a conversation's segments, which the body then carries with their timings */
  segments?: readonly SegmentSpan[];
}

/** The body from every chunk of the article, in text order: their frames behind one Info frame, their timelines merged. */
export function articleBody({ text, chunks, entries, segments }: SpokenArticle): Blob {
  const mp3 = mp3Parts(entries.map((entry) => entry.audio));
  const alignment = mergeAlignments(
    text,
    chunks.map((chunk, k) => ({
      offset: chunk.offset,
      text: chunk.text,
      alignment: entries[k].alignment,
      // Offsets come from decoded frame counts, not the last timestamp (invariant 5).
      durationMs: mp3.chunkDurationsMs[k],
    })),
  );
  const timings = segments && segmentTimings(segments, chunks, mp3.chunkDurationsMs);
  return bodyBytes(mp3, alignment, chunks.length, chunks[0].voiceId, timings);
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

/** The body from every chunk line of the article, in text order; `voice` the answer's; `segments`: a conversation's spans. */
export function articleBodyFromLines(lines: readonly ChunkLine[], voice: string, segments?: readonly SegmentSpan[]): Blob {
  const mp3 = mp3Parts(lines.map((line) => Buffer.from(line.audioBase64, "base64")));
  const alignment: Alignment = {
    characters: lines.flatMap((line) => line.alignment.characters),
    characterStartTimesSeconds: lines.flatMap((line) => line.alignment.characterStartTimesSeconds),
    characterEndTimesSeconds: lines.flatMap((line) => line.alignment.characterEndTimesSeconds),
  };
  return bodyBytes(mp3, alignment, lines.length, voice, segments && segmentsFromLines(segments, lines));
}
