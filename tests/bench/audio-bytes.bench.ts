// Benchmark: what each step of the audio's way through the API costs, and what each cache tier really holds per
// minute of audio. In process, on one 4,200-character article (about five minutes) spoken by eSpeak NG (real
// speech, so gzip sees real MP3), as the local voice server answers it. Each step is timed as the fastest of
// several runs (CPU of one core, nothing else in the way) beside what the API did before audio was held as bytes:
//   the upstream's answer   JSON parsed from the bytes, the base64 decoded once (unchanged);
//   the /api/tts body       written into one buffer from views of the chunks' frames, against concatMp3 + base64
//                           + JSON.stringify (a string, encoded again for every response);
//   a chunk line            the same, against audioFrames + base64 + JSON.stringify + TextEncoder;
//   a Redis write or read   gzip and gunzip of an article and of a chunk entry, and what gzip saves on them.
// Memory per cached minute: the article tier's body bytes, the chunk tier's audio plus its alignment as the
// collector counts it (heap growth for many parsed copies), and each Redis tier with and without gzip.
import { constants, gunzipSync, gzipSync } from "node:zlib";
import { mergeAlignments } from "@/server/modules/tts/merge-alignments";
import { audioFrames, concatMp3 } from "@/lib/mp3";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { planSpeech } from "@/lib/text/chunk-plan";
import { encodeChunkEntry, type ChunkEntry } from "@/server/cache/chunk-cache";
import { createEspeakEngine } from "@/server/local-voice/espeak-engine";
import { characterAlignment } from "@/server/local-voice/timestamp-info";
import { voiceProfile } from "@/server/local-voice/voice-profiles";
import { articleBody } from "@/server/modules/tts/article-body";
import { createChunkLines } from "@/server/modules/tts/chunk-lines";
import { articleOfChars, benchHeading, markdownTable } from "./support/bench-kit";

const RUNS = 15;
const text = cleanTextForTTS(articleOfChars(4_200));
const { chunks } = planSpeech([{ text, voiceId: "Ashley" }]);

// The upstream's answers, as the local voice server writes them (Inworld's shape: base64 audio, singular "Time").
const engine = createEspeakEngine({ workers: 1 });
const answers: Array<Uint8Array<ArrayBuffer>> = [];
try {
  for (const chunk of chunks) {
    const result = await engine.synthesize({ text: chunk.text, voice: voiceProfile("Ashley")!, sampleRate: 44_100, bitRateKbps: 64 });
    const json = JSON.stringify({
      audioContent: Buffer.from(result.mp3).toString("base64"),
      timestampInfo: { characterAlignment: characterAlignment(chunk.text, result.starts, result.ends) },
      usage: { processedCharactersCount: chunk.text.length },
    });
    answers.push(new TextEncoder().encode(json));
  }
} finally {
  await engine.close();
}

interface Upstream {
  audioContent: string;
  timestampInfo: { characterAlignment: { characters: string[]; characterStartTimeSeconds: number[]; characterEndTimeSeconds: number[] } };
}

/** What the Inworld client does with an answer (server/inworld/client.ts). */
async function readAnswer(bytes: Uint8Array<ArrayBuffer>): Promise<ChunkEntry> {
  const body = (await new Response(bytes).json()) as Upstream;
  const ca = body.timestampInfo.characterAlignment;
  const audio = Buffer.from(body.audioContent, "base64");
  return {
    audio,
    alignment: {
      characters: ca.characters,
      characterStartTimesSeconds: ca.characterStartTimeSeconds,
      characterEndTimesSeconds: ca.characterEndTimeSeconds,
    },
    durationMs: 0,
  };
}

const entries = await Promise.all(answers.map(readAnswer));
const audioBytes = entries.reduce((sum, e) => sum + e.audio.byteLength, 0);
const minutes = concatMp3(entries.map((e) => e.audio)).durationMs / 60_000;
const encoder = new TextEncoder();

// The body as the API wrote it before: one merged MP3, its base64, a JSON string.
function stringBody(): string {
  const merged = concatMp3(entries.map((e) => e.audio));
  const alignment = mergeAlignments(
    text,
    chunks.map((chunk, k) => ({ offset: chunk.offset, text: chunk.text, alignment: entries[k].alignment, durationMs: merged.chunkDurationsMs[k] })),
  );
  return JSON.stringify({
    audioBase64: Buffer.from(merged.bytes).toString("base64"),
    alignment,
    durationMs: merged.durationMs,
    voice: "Ashley",
    chunks: chunks.length,
  });
}
const bytesBody = () => articleBody({ text, chunks, entries });
const body = new Uint8Array(await bytesBody().arrayBuffer());
if (new TextDecoder().decode(body) !== stringBody()) throw new Error("the two bodies differ");

// A chunk line as the API wrote it before, for every chunk of the article.
function stringLines(): Uint8Array[] {
  return entries.map((entry) => {
    const { bytes } = audioFrames(entry.audio);
    return encoder.encode(
      `${JSON.stringify({ type: "chunk", index: 0, audioBase64: Buffer.from(bytes).toString("base64"), alignment: entry.alignment })}\n`,
    );
  });
}
function bytesLines(): Uint8Array[] {
  const lines = createChunkLines(text, chunks);
  return entries.flatMap((entry, k) => lines.add(k, entry)).map((line) => line());
}

const perMb = (ms: number, bytes: number) => `${((ms / bytes) * 1e6).toFixed(2)} ms/MB`;
const msText = (ms: number) => `${ms.toFixed(2)} ms`;
const chunkRecords = entries.map(encodeChunkEntry);
// Huffman coding alone: no search for repeats, which base64 and MP3 hardly have.
const HUFFMAN = { strategy: constants.Z_HUFFMAN_ONLY };
const STORED = { level: constants.Z_NO_COMPRESSION };
const gzBodyBytes = gzipSync(body, HUFFMAN);

/** The fastest of RUNS runs, in ms (awaited, so an async step counts to its end). */
async function fastest(work: () => unknown): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const steps: Array<[string, string, number, number]> = [];
const step = async (name: string, before: string, run: () => unknown, old?: () => unknown) =>
  steps.push([name, before, await fastest(run), old ? await fastest(old) : NaN]);
await step("upstream answers, parsed and decoded (unchanged)", "", () => Promise.all(answers.map(readAnswer)));
await step("/api/tts body: bytes from the frames", "concatMp3 + base64 + JSON.stringify", bytesBody, stringBody);
await step("stream lines, every chunk: bytes from the frames", "audioFrames + base64 + JSON + encode", bytesLines, stringLines);
await step(
  "Redis article write: gzip, Huffman only",
  "gzip, default level",
  () => gzipSync(body, HUFFMAN),
  () => gzipSync(body),
);
await step("Redis article read: gunzip", "", () => gunzipSync(gzBodyBytes));
await step(
  "Redis chunk writes: gzip frame, stored",
  "gzip, default level",
  () => chunkRecords.map((r) => gzipSync(r, STORED)),
  () => chunkRecords.map((r) => gzipSync(r)),
);

// The alignment's real cost in the collector's heap: many parsed copies of one chunk's upstream alignment.
function alignmentHeapBytes(): number {
  const json = JSON.stringify(entries[0].alignment);
  const copies = 200;
  const gc = (globalThis as { Bun?: { gc(force: boolean): void } }).Bun?.gc;
  gc?.(true);
  const before = process.memoryUsage().heapUsed;
  const kept = Array.from({ length: copies }, () => JSON.parse(json) as unknown);
  gc?.(true);
  const grown = process.memoryUsage().heapUsed - before;
  if (kept.length !== copies) throw new Error("unreachable");
  return grown / copies / entries[0].alignment.characters.length;
}
const alignmentBytesPerChar = alignmentHeapBytes();
const chars = entries.reduce((sum, e) => sum + e.alignment.characters.length, 0);
const kb = (bytes: number) => `${(bytes / minutes / 1024).toFixed(0)} KB`;

console.log(
  benchHeading(
    "Audio as bytes: each step, each tier",
    import.meta.url,
    `in process; one ${text.length.toLocaleString("en")}-character article in ${chunks.length} chunks, ${(minutes * 60).toFixed(0)} s of eSpeak NG speech at 64 kbps; fastest of ${RUNS} runs`,
  ),
);
console.log(
  markdownTable(
    ["step: now", "before", "now", "before (ms)", "now ÷ before"],
    steps.map(([name, before, now, old]) => [
      name,
      before || "–",
      `${msText(now)} (${perMb(now, audioBytes)} of MP3)`,
      Number.isNaN(old) ? "–" : msText(old),
      Number.isNaN(old) ? "–" : (now / old).toFixed(2),
    ]),
  ),
);
console.log("");
const gzBody = gzipSync(body).byteLength;
const gzChunks = chunkRecords.reduce((sum, r) => sum + gzipSync(r).byteLength, 0);
const hufBody = gzBodyBytes.byteLength;
const hufChunks = chunkRecords.reduce((sum, r) => sum + gzipSync(r, HUFFMAN).byteLength, 0);
const storedChunks = chunkRecords.reduce((sum, r) => sum + gzipSync(r, STORED).byteLength, 0);
const chunkTier = audioBytes + chars * alignmentBytesPerChar;
console.log(
  markdownTable(
    [
      "per minute of cached audio",
      "MP3 itself",
      "article tier (memory): body bytes",
      "chunk tier (memory): MP3 + alignment in the heap",
      "Redis article: raw / gzip / Huffman only",
      "Redis chunk: gzip frame, stored / gzip / Huffman only",
      "alignment in the heap",
    ],
    [
      [
        kb(audioBytes),
        kb(body.byteLength),
        `${kb(chunkTier)} (${((chars * alignmentBytesPerChar * 100) / chunkTier).toFixed(1)}% alignment)`,
        `${kb(body.byteLength)} / ${kb(gzBody)} / ${kb(hufBody)}`,
        `${kb(storedChunks)} / ${kb(gzChunks)} / ${kb(hufChunks)}`,
        `${alignmentBytesPerChar.toFixed(1)} bytes a character`,
      ],
    ],
  ),
);
