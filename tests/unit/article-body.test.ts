// The /api/tts body a follower replica assembles from the stream's chunk lines is the body the leader built from
// the merged article, byte for byte (docs/architecture.md invariant 15; docs/deploy.md).
import { describe, expect, it } from "vitest";
import { mergeAlignments } from "@/lib/alignment/merge-alignments";
import { concatMp3 } from "@/lib/mp3";
import { articleBody, articleBodyFromLines, type ChunkLine } from "@/server/modules/tts/article-body";
import { createChunkLines } from "@/server/modules/tts/chunk-lines";
import { readMp3Fixture } from "@/tests/support/mp3-fixtures";
import { evenAlignment } from "@/tests/support/synthetic-alignment";

const text = "An opening line.\n\nThen a paragraph that is somewhat longer than the opening one.\n\nAnd the end.  ";
const chunks = ["An opening line.", "Then a paragraph that is somewhat longer than the opening one.", "And the end."].map((chunk) => ({
  text: chunk,
  offset: text.indexOf(chunk),
}));

describe("articleBodyFromLines", () => {
  it.each([
    ["CBR chunks with tags", ["cbr-44k-64k-mono-id3v2.mp3", "cbr-44k-64k-mono-id3v1.mp3", "cbr-44k-64k-mono-id3v2.mp3"]],
    ["CBR and VBR chunks (a Xing frame in front)", ["cbr-44k-64k-mono-id3v2.mp3", "vbr-44k-v5-mono.mp3", "cbr-44k-64k-mono-id3v1.mp3"]],
  ])("equals the body built from the merged article: %s", (_, files) => {
    const mp3s = files.map(readMp3Fixture);
    const entries = chunks.map((chunk, k) => ({ audio: mp3s[k], alignment: evenAlignment(chunk.text, 0.01), durationMs: 0 }));
    // What synthesizeArticle and startGeneration build
    const merged = concatMp3(mp3s);
    const alignment = mergeAlignments(
      text,
      chunks.map((chunk, k) => ({ ...chunk, alignment: entries[k].alignment, durationMs: merged.chunkDurationsMs[k] })),
    );
    const leader = articleBody({ audio: merged.bytes, alignment, durationMs: merged.durationMs, chunkCount: chunks.length }, "Ashley");
    // What a follower reads: the lines, in text order
    const lines = createChunkLines(text, chunks);
    const followed = entries.flatMap((entry, k) => lines.add(k, entry)).map((line) => JSON.parse(line) as ChunkLine);

    expect(articleBodyFromLines(followed, "Ashley")).toBe(leader);
  });
});
