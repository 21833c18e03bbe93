// The /api/tts body the leader writes from the chunks is JSON.stringify's of the merged article, and the body a
// follower replica assembles from the stream's chunk lines is the leader's, byte for byte (docs/architecture.md
// invariant 15; docs/deploy.md).
import { describe, expect, it } from "vitest";
import { mergeAlignments } from "@/server/modules/tts/merge-alignments";
import { concatMp3 } from "@/lib/mp3";
import { articleBody, articleBodyFromLines, segmentTimings, type ChunkLine } from "@/server/modules/tts/article-body";
import { createChunkLines } from "@/server/modules/tts/chunk-lines";
import { readMp3Fixture } from "@/tests/support/mp3-fixtures";
import { evenAlignment } from "@/tests/support/synthetic-alignment";

const text = "An opening line.\n\nThen a paragraph that is somewhat longer than the opening one.\n\nAnd the end.  ";
const chunks = ["An opening line.", "Then a paragraph that is somewhat longer than the opening one.", "And the end."].map((chunk) => ({
  text: chunk,
  offset: text.indexOf(chunk),
  voiceId: "Ashley",
  segment: 0,
}));
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const read = (body: Blob) => body.text();
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

describe("articleBodyFromLines", () => {
  it.each([
    ["CBR chunks with tags", ["cbr-44k-64k-mono-id3v2.mp3", "cbr-44k-64k-mono-id3v1.mp3", "cbr-44k-64k-mono-id3v2.mp3"]],
    ["CBR and VBR chunks (a Xing frame in front)", ["cbr-44k-64k-mono-id3v2.mp3", "vbr-44k-v5-mono.mp3", "cbr-44k-64k-mono-id3v1.mp3"]],
  ])("equals the body built from the merged article: %s", async (_, files) => {
    const mp3s = files.map(readMp3Fixture);
    const entries = chunks.map((chunk, k) => ({ audio: mp3s[k], alignment: evenAlignment(chunk.text, 0.01), durationMs: 0 }));
    // What synthesizeArticle and startGeneration build
    const merged = concatMp3(mp3s);
    const alignment = mergeAlignments(
      text,
      chunks.map((chunk, k) => ({ ...chunk, alignment: entries[k].alignment, durationMs: merged.chunkDurationsMs[k] })),
    );
    const leader = articleBody({ text, chunks, entries });
    expect(await read(leader)).toBe(
      JSON.stringify({ audioBase64: base64(merged.bytes), alignment, durationMs: merged.durationMs, voice: "Ashley", chunks: chunks.length }),
    );
    // What a follower reads: the lines, in text order
    const lines = createChunkLines(text, chunks);
    const followed = entries.flatMap((entry, k) => lines.add(k, entry)).map((line) => JSON.parse(decode(line())) as ChunkLine);

    expect(await read(articleBodyFromLines(followed, "Ashley"))).toBe(await read(leader));
  });

  it("carries a conversation's segments with the leader's timings", async () => {
    const mp3s = ["cbr-44k-64k-mono-id3v2.mp3", "vbr-44k-v5-mono.mp3", "cbr-44k-64k-mono-id3v1.mp3"].map(readMp3Fixture);
    // Two turns: the opening by Ashley, the rest by Dennis in two chunks.
    const voiced = chunks.map((chunk, k) => ({ ...chunk, voiceId: k === 0 ? "Ashley" : "Dennis", segment: k === 0 ? 0 : 1 }));
    const spans = [
      { voiceId: "Ashley", textOffset: chunks[0].offset, textLength: chunks[0].text.length },
      { voiceId: "Dennis", textOffset: chunks[1].offset, textLength: text.trimEnd().length - chunks[1].offset },
    ];
    const entries = voiced.map((chunk, k) => ({ audio: mp3s[k], alignment: evenAlignment(chunk.text, 0.01), durationMs: 0 }));
    const merged = concatMp3(mp3s);
    const alignment = mergeAlignments(
      text,
      voiced.map((chunk, k) => ({ ...chunk, alignment: entries[k].alignment, durationMs: merged.chunkDurationsMs[k] })),
    );
    const timings = segmentTimings(spans, voiced, merged.chunkDurationsMs);
    const leader = articleBody({ text, chunks: voiced, entries, segments: spans });
    const segments = timings.map(({ voiceId, textOffset, textLength, startMs, durationMs }) => ({
      voice: voiceId,
      textOffset,
      textLength,
      startMs,
      durationMs,
    }));
    expect(await read(leader)).toBe(
      JSON.stringify({
        audioBase64: base64(merged.bytes),
        alignment,
        durationMs: merged.durationMs,
        voice: "Ashley",
        chunks: voiced.length,
        segments,
      }),
    );
    const lines = createChunkLines(text, voiced, { conversation: true });
    const followed = entries.flatMap((entry, k) => lines.add(k, entry)).map((line) => JSON.parse(decode(line())) as ChunkLine);

    const body = articleBodyFromLines(followed, "Ashley", spans);
    expect(await read(body)).toBe(await read(leader));
    expect(
      (JSON.parse(await read(body)) as { segments: Array<{ voice: string; startMs: number }> }).segments.map((s) => [s.voice, s.startMs]),
    ).toEqual([
      ["Ashley", 0],
      ["Dennis", merged.chunkDurationsMs[0]],
    ]);
  });
});
