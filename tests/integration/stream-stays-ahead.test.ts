// The stream keeps ahead of the listener (docs/architecture.md "Streaming"; README, "How the stream stays ahead of
// the listener"): with the upstream as slow as Inworld gets (1–3 s for a full chunk, set on the voice server's
// control interface), every chunk line arrives before the audio in front of it has played, at 1× and at 2×.
// The API is the real process on Bun; the voice server runs its silence engine, so the upstream's time is the
// latency set here and not whatever the other processes on this machine leave to eSpeak.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FASTEST_RATE } from "@/lib/text/chunk-plan";
import { uniqueSentence } from "../support/articles";
import { startApi, startLocalVoice, type RunningProcess } from "../support/processes";
import { postTtsStream, streamLines } from "../support/tts-stream";
import { voiceControl } from "../support/voice-control";

// Starts with a heading, as many articles do: the shortest opening the plan makes.
const ARTICLE = readFileSync(new URL("../fixtures/text/long-article.txt", import.meta.url), "utf8").slice(0, 12_000);

let voiceServer: RunningProcess;
let api: RunningProcess;

beforeAll(async () => {
  voiceServer = await startLocalVoice({ LOCAL_VOICE_ENGINE: "silence" });
  api = await startApi({ INWORLD_API_KEY: "integration", INWORLD_BASE_URL: voiceServer.url, REDIS_URL: "" });
});
afterAll(async () => {
  await api?.stop();
  await voiceServer?.stop();
});

interface Arrival {
  index: number;
  chars: number;
  /** when the line arrived, ms after the request was sent */
  at: number;
  startMs: number;
}

describe("a stream with Inworld's slowest latency", () => {
  it("delivers every chunk before the audio ahead of it has played, at 1× and at 2×", async () => {
    // Inworld at its slowest: 1 s, plus 1.1 ms a character (3 s for a full chunk of 1,800).
    await voiceControl(voiceServer.url).control({ latencyMs: 1000, latencyPerCharMs: 1.1 });
    const sent = performance.now();
    const res = await postTtsStream(api.url, { text: `${ARTICLE}\n\n${uniqueSentence()}` });
    expect(res.status).toBe(200);
    const arrivals: Arrival[] = [];
    let end: string | undefined;
    for await (const line of streamLines(res)) {
      if (line.type === "chunk") {
        arrivals.push({ index: line.index, chars: line.alignment.characters.length, at: performance.now() - sent, startMs: line.startMs });
      } else if (line.type !== "start") end = line.type;
    }
    expect(end).toBe("end");
    expect(arrivals.length).toBeGreaterThanOrEqual(8);
    // Chunk k is needed when the listener, who started at chunk 0's arrival, has heard chunks 0…k-1.
    for (const rate of [1, FASTEST_RATE]) {
      const late = arrivals.filter(({ at, startMs }) => at > arrivals[0].at + startMs / rate);
      expect(late, `late at ${rate}×: ${JSON.stringify(arrivals)}`).toEqual([]);
    }
    // The plan grew from a short opening: what makes this hold, rather than a fast upstream.
    expect(arrivals[0].chars).toBeLessThan(300);
    expect(Math.max(...arrivals.map((a) => a.chars))).toBeGreaterThan(1_500);
  });
});
