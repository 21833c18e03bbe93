// The browser's stream assembler against the real API on Bun: what the player stores in L0/L1 after a stream is
// byte for byte what /api/tts answers for the same text and voice (docs/architecture.md, invariant 15, the browser's side).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ndjsonLines } from "@/client/stream/ndjson-lines";
import { createStreamAssembler, type StreamAssembler } from "@/client/stream/stream-assembler";
import { asStreamLine } from "@/lib/stream/stream-lines";
import { article } from "../support/articles";
import { startApi, startLocalVoice, type RunningProcess } from "../support/processes";
import { postTts } from "../support/tts-api";
import { postTtsStream } from "../support/tts-stream";

let voiceServer: RunningProcess;
let api: RunningProcess;

beforeAll(async () => {
  // A real engine (not silence): frames of varying content, as from Inworld.
  voiceServer = await startLocalVoice();
  api = await startApi({
    INWORLD_API_KEY: "integration",
    INWORLD_BASE_URL: voiceServer.url,
    REDIS_URL: "",
    TTS_RATE_LIMIT_PER_MIN: "10000",
    TTS_DAILY_FREE_LIMIT: "10000",
  });
});
afterAll(async () => {
  await api?.stop();
  await voiceServer?.stop();
});

async function assemble(res: Response) {
  let assembler: StreamAssembler | null = null;
  const arrived: number[] = [];
  for await (const value of ndjsonLines(res.body!, { maxLineChars: 16 * 1024 * 1024 })) {
    const line = asStreamLine(value);
    if (line.type === "start") assembler = createStreamAssembler(line);
    else if (line.type === "chunk") arrived.push(assembler!.add(line).frames.byteLength);
    else if (line.type === "end") return { whole: assembler!.finish(), arrived };
    else throw new Error(`the stream failed: ${line.code}`);
  }
  throw new Error("the stream ended without an end line");
}

describe("stream assembler on the real API", () => {
  it("rebuilds, from a stream of several chunks, the very MP3, alignment and duration /api/tts answers", async () => {
    const text = article(2_500);
    const { whole, arrived } = await assemble(await postTtsStream(api.url, { text, forwardedFor: "198.51.100.70" }));
    expect(arrived.length).toBeGreaterThanOrEqual(3);
    const single = (await (await postTts(api.url, { text, forwardedFor: "198.51.100.71" })).json()) as {
      audioBase64: string;
      alignment: unknown;
      durationMs: number;
    };
    expect(Buffer.from(whole.mp3).equals(Buffer.from(single.audioBase64, "base64"))).toBe(true);
    expect(whole.alignment).toEqual(single.alignment);
    expect(whole.durationMs).toBe(single.durationMs);
  });
});
