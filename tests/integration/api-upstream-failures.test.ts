// What readers and logs see when the upstream fails or the reader leaves: the real API process on Bun, the
// local voice server injecting faults and latency.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { inject } from "vitest";
import { startApi, type RunningProcess } from "../support/processes";
import { uniqueSentence } from "../support/articles";
import { voiceControl } from "../support/voice-control";

const voiceUrl = inject("voiceUrl");
const voice = voiceControl(voiceUrl);
let api: RunningProcess;

beforeAll(async () => {
  api = await startApi({
    INWORLD_API_KEY: "integration",
    INWORLD_BASE_URL: voiceUrl,
    REDIS_URL: "",
    LOG_LEVEL: "info",
    TTS_RATE_LIMIT_PER_MIN: "10000",
    TTS_DAILY_FREE_LIMIT: "10000",
  });
});
afterAll(async () => {
  await voice.reset();
  await api?.stop();
});
beforeEach(async () => {
  await voice.reset();
});

const tts = (text: string, signal?: AbortSignal) =>
  fetch(`${api.url}/api/tts`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ text }), signal });

describe("upstream failures and departures", () => {
  it("answers an upstream error in our words and logs the upstream's", async () => {
    await voice.control({ failNext: [500] });
    const res = await tts(uniqueSentence());
    const body = (await res.json()) as { error: string; code: string };
    expect(res.status).toBe(502);
    expect(body.code).toBe("UPSTREAM_ERROR");
    expect(body.error).not.toMatch(/Injected/i);
    expect(api.output()).toMatch(/Injected/i);
  });

  it("logs a reader who leaves mid-generation at info level with 499, not as an unhandled error", async () => {
    await voice.control({ latencyMs: 1_500 });
    const controller = new AbortController();
    const request = tts(uniqueSentence(), controller.signal).catch((error: Error) => error.name);
    // Mid-generation: the API's upstream call is waiting at the voice server.
    await expect.poll(async () => (await voice.stats()).inFlight).toBe(1);
    controller.abort();
    expect(await request).toBe("AbortError");
    // The API notices when its upstream call returns.
    await expect.poll(() => api.output()).toContain("Client closed request");
    const lines = api
      .output()
      .split("\n")
      .filter((line) => line.includes("Client closed request"));
    expect(lines.length).toBeGreaterThan(0);
    expect(JSON.parse(lines[0])).toMatchObject({ level: 30, status: 499 });
    expect(api.output()).not.toMatch(/Unhandled error/);
  });
});
