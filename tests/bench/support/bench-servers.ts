// The servers a server benchmark measures (tests/support/silent-voice-api.ts: the API on Bun in front of a silence
// voice server, load limits raised), started around the measurement and stopped whatever happens.
import type { RunningProcess } from "../../support/processes";
import { startSilentVoiceApi, type SilentVoiceApi } from "../../support/silent-voice-api";
import { timed } from "../../support/timing";
import { callApi } from "../../support/tts-api";

/** `env` is added to (or overrides) the API's; `entry`: another API script (startApi). */
export async function withBenchServers<T>(
  env: Record<string, string | undefined>,
  measure: (servers: Omit<SilentVoiceApi, "stop">) => Promise<T>,
  { entry }: { entry?: string } = {},
): Promise<T> {
  const servers = await startSilentVoiceApi(env, { entry });
  try {
    return await measure(servers);
  } finally {
    await servers.stop();
  }
}

/** What a bench posts: an article (`text`, `voice`) or a conversation (`segments`). */
export type BenchBody = { text: string; voice?: string } | { segments: Array<{ text: string; voice: string }> };

/**
 * Milliseconds from sending `body` (an article's text, or a whole body) to /api/tts (or `path`) to the last byte
 * of a 200 answer; anything else throws.
 */
export async function ttsWallMs(api: RunningProcess, body: string | BenchBody, path = "/api/tts"): Promise<number> {
  const { ms } = await timed(async () => {
    const res = await callApi(api.url, path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(typeof body === "string" ? { text: body } : body),
    });
    if (res.status !== 200) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
    await res.arrayBuffer();
  });
  return ms;
}
