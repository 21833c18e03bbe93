// What the HTTP layer needs from a speech engine (eSpeak NG in workers, or silence), and what it gets back.
import type { VoiceProfile } from "./voice-profiles";

export interface SynthesisJob {
  text: string;
  voice: VoiceProfile;
  sampleRate: number;
  bitRateKbps: number;
}

export interface SynthesisResult {
  /** A complete MP3 file: mono CBR Layer III frames at the requested rate, no tags. */
  mp3: Uint8Array;
  /** `mp3` in base64, when the engine has it for less than encoding costs (the silence engine builds it by
   * repetition); otherwise the HTTP layer encodes `mp3`. */
  mp3Base64?: string;
  /** Decoded length of `mp3`: frames × samples per frame / sample rate. */
  durationSeconds: number;
  /** One start and end time per UTF-16 code unit of the text. */
  starts: Float64Array;
  ends: Float64Array;
}

export interface SpeechEngine {
  readonly name: string;
  /** ready to answer at full speed: code compiled, workers up, a first phrase spoken */
  readonly warm: boolean;
  synthesize(job: SynthesisJob, signal?: AbortSignal): Promise<SynthesisResult>;
  close(): Promise<void>;
}
