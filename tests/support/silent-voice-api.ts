// The API on Bun in front of a local voice server of its own on the silence engine: an upstream call costs the
// latency set through `voice.control` and almost no CPU, so what a load measures or stresses is the API. The IP
// limit and the daily quota are out of the way of one client address sending everything (benchmarks, fuzzing).
import { startApi, startLocalVoice, type RunningProcess } from "./processes";
import { voiceControl, type VoiceControl } from "./voice-control";

export interface SilentVoiceApi {
  api: RunningProcess;
  voice: VoiceControl;
  /** the voice server's process, whose CPU a bench may read */
  voiceServer: RunningProcess;
  stop(): Promise<void>;
}

/** `env` is added to (or overrides) the API's; `entry` starts another API script (startApi). */
export async function startSilentVoiceApi(env: Record<string, string | undefined> = {}, { entry }: { entry?: string } = {}): Promise<SilentVoiceApi> {
  const voiceServer = await startLocalVoice({ LOCAL_VOICE_ENGINE: "silence" });
  try {
    const api = await startApi(
      {
        INWORLD_API_KEY: "silent-voice",
        INWORLD_BASE_URL: voiceServer.url,
        REDIS_URL: "",
        TTS_RATE_LIMIT_PER_MIN: "1000000",
        TTS_DAILY_FREE_LIMIT: "1000000",
        ...env,
      },
      { entry },
    );
    return {
      api,
      voice: voiceControl(voiceServer.url),
      voiceServer,
      async stop() {
        await api.stop();
        await voiceServer.stop();
      },
    };
  } catch (error) {
    await voiceServer.stop();
    throw error;
  }
}
