// The local voice server's control interface (docs/architecture.md "Local voice server extras"), and its
// Inworld endpoint asked as the API's client asks it.
import type { VoiceStats } from "@/server/local-voice/control";

export type { VoiceStats };
export type VoiceControl = ReturnType<typeof voiceControl>;

/** POST /tts/v1/voice with the body the API sends (Ashley, MP3 at 44.1 kHz and 64 kbps, character timestamps); `body` overrides any field. */
export function speakToVoice(
  baseUrl: string,
  body: Record<string, unknown>,
  init: { headers?: Record<string, string>; signal?: AbortSignal } = {},
): Promise<Response> {
  return fetch(`${baseUrl}/tts/v1/voice`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: "Basic dGVzdDprZXk=", ...init.headers },
    body: JSON.stringify({
      voiceId: "Ashley",
      modelId: "inworld-tts-1.5-mini",
      audioConfig: { audioEncoding: "MP3", sampleRateHertz: 44100, bitRate: 64000 },
      timestampType: "CHARACTER",
      applyTextNormalization: "OFF",
      ...body,
    }),
    signal: init.signal,
  });
}

export function voiceControl(baseUrl: string) {
  const post = async (path: string, body?: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body ?? {}),
    });
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  };
  return {
    control: (settings: Record<string, unknown>) => post("/__control", settings),
    reset: () => post("/__reset"),
    stats: async () => (await (await fetch(`${baseUrl}/__stats`)).json()) as VoiceStats,
    /** One chunk straight from the voice server, as the API would ask for it. */
    async synthesize(text: string, voiceId: string) {
      const res = await speakToVoice(baseUrl, { text, voiceId });
      if (!res.ok) throw new Error(`voice server answered ${res.status}`);
      const body = (await res.json()) as { audioContent: string; timestampInfo: { characterAlignment: { characterStartTimeSeconds: number[] } } };
      return {
        audio: Buffer.from(body.audioContent, "base64"),
        firstStartSeconds: body.timestampInfo.characterAlignment.characterStartTimeSeconds[0],
      };
    },
  };
}
