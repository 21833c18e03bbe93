// The local voice server's control interface (docs/architecture.md "Local voice server extras").
import type { VoiceStats } from "@/server/local-voice/control";

export type { VoiceStats };

export function voiceControl(baseUrl: string) {
  const post = async (path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body ?? {}) });
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  };
  return {
    control: (settings: Record<string, unknown>) => post("/__control", settings),
    reset: () => post("/__reset"),
    stats: async () => (await (await fetch(`${baseUrl}/__stats`)).json()) as VoiceStats,
    /** One chunk straight from the voice server, as the API would ask for it. */
    async synthesize(text: string, voiceId: string) {
      const res = await fetch(`${baseUrl}/tts/v1/voice`, {
        method: "POST",
        headers: { Authorization: "Basic test", "Content-Type": "application/json" },
        body: JSON.stringify({
          text,
          voiceId,
          modelId: "inworld-tts-1.5-mini",
          audioConfig: { audioEncoding: "MP3", sampleRateHertz: 44100, bitRate: 64000 },
          timestampType: "CHARACTER",
          applyTextNormalization: "OFF",
        }),
      });
      if (!res.ok) throw new Error(`voice server answered ${res.status}`);
      const body = (await res.json()) as { audioContent: string; timestampInfo: { characterAlignment: { characterStartTimeSeconds: number[] } } };
      return { audio: Buffer.from(body.audioContent, "base64"), firstStartSeconds: body.timestampInfo.characterAlignment.characterStartTimeSeconds[0] };
    },
  };
}
