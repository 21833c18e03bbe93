// What the synthesis benchmarks share: the real API on Bun in front of a local voice server with the silence
// engine, whose latency each benchmark sets, so the upstream cost is known exactly.
import { startApi, startLocalVoice } from "../../support/processes";
import { voiceControl } from "../../support/voice-control";

export interface SynthesisBench {
  apiUrl: string;
  /** the voice server's control interface (latency, faults, counters) */
  voice: ReturnType<typeof voiceControl>;
  /** Posts one /api/tts body and waits for the whole answer: the wall time, in milliseconds. */
  speak(body: unknown): Promise<number>;
  stop(): Promise<void>;
}

export async function startSynthesisBench(): Promise<SynthesisBench> {
  const voiceServer = await startLocalVoice({ LOCAL_VOICE_ENGINE: "silence" });
  const api = await startApi({
    INWORLD_API_KEY: "bench",
    INWORLD_BASE_URL: voiceServer.url,
    REDIS_URL: "",
    TTS_RATE_LIMIT_PER_MIN: "100000",
    TTS_DAILY_FREE_LIMIT: "100000",
  });
  return {
    apiUrl: api.url,
    voice: voiceControl(voiceServer.url),
    async speak(body) {
      const started = performance.now();
      const res = await fetch(`${api.url}/api/tts`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
      if (res.status !== 200) throw new Error(`/api/tts answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
      return performance.now() - started;
    },
    async stop() {
      await api.stop();
      await voiceServer.stop();
    },
  };
}
