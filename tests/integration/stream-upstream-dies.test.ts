// A stream whose upstream dies (the local voice process killed mid-article, as a crash under `npm start` does)
// ends at once with an error line, not after the minute of the per-chunk timeout; once the voice server is back
// (scripts/start.mjs restarts it on the same port), the same article plays to its end, and no slot is left held.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { article } from "../support/articles";
import { startApi, startLocalVoice, type RunningProcess } from "../support/processes";
import { getHealth } from "../support/tts-api";
import { postTtsStream, streamLines, type StreamLine } from "../support/tts-stream";
import { voiceControl } from "../support/voice-control";

let voiceServer: RunningProcess;
let api: RunningProcess;

beforeAll(async () => {
  voiceServer = await startLocalVoice({ LOCAL_VOICE_ENGINE: "silence" });
  // The per-chunk timeout is the default minute: the error line must come from the dead connection, not from it.
  api = await startApi({ INWORLD_API_KEY: "integration", INWORLD_BASE_URL: voiceServer.url, REDIS_URL: "", TTS_CHUNK_TIMEOUT_MS: "60000" });
});
afterAll(async () => {
  await api?.stop();
  await voiceServer?.stop();
});

describe("a stream whose voice server dies", () => {
  it("ends with an error line as soon as the voice process is gone, and plays in full once it is back", { timeout: 30_000 }, async () => {
    const text = article(9_000);
    // Slow enough that chunks are still in flight when the process dies.
    await voiceControl(voiceServer.url).control({ latencyMs: 1500 });
    const lines = streamLines(await postTtsStream(api.url, { text }));
    const seen: StreamLine[] = [];
    for (let next = await lines.next(); !next.done; next = await lines.next()) {
      seen.push(next.value);
      if (next.value.type === "chunk") break;
    }
    voiceServer.child.kill("SIGKILL");
    for await (const line of lines) seen.push(line);
    expect(seen.at(-1)).toMatchObject({ type: "error", code: "UPSTREAM_UNAVAILABLE" });
    expect(seen.filter((l) => l.type === "chunk").length).toBeGreaterThanOrEqual(1);

    voiceServer = await startLocalVoice({ LOCAL_VOICE_ENGINE: "silence" }, voiceServer.port);
    const again: StreamLine[] = [];
    for await (const line of streamLines(await postTtsStream(api.url, { text }))) again.push(line);
    expect(again.at(-1)?.type).toBe("end");
    expect(again.filter((l) => l.type === "chunk").length).toBe((again[0] as Extract<StreamLine, { type: "start" }>).chunks);
    await expect.poll(async () => (await getHealth(api.url)).tts.activeSlots).toBe(0);
  });
});
