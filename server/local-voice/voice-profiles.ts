// How each curated voice (lib/voices.ts) sounds in eSpeak NG. eSpeak's "+f1…f5" variants are female and
// "+m1…m7" male; its "en" voice is British English and "en-us" American. Pitch (0–100), range (0–100) and
// rate (words per minute) set the voices apart so that no two give the same audio.
import { VOICE_PRESETS, type VoicePreset } from "../../lib/voices";

export interface VoiceProfile {
  /** eSpeak voice name with its variant, e.g. "en-us+f3". */
  espeakVoice: string;
  pitch: number;
  range: number;
  rate: number;
}

type Tuning = { variant: string; pitch: number; range: number; rate: number };

const TUNINGS: Record<string, Tuning> = {
  Ashley: { variant: "f3", pitch: 55, range: 60, rate: 170 },
  Dennis: { variant: "m3", pitch: 32, range: 45, rate: 160 },
  Sarah: { variant: "f2", pitch: 60, range: 40, rate: 160 },
  Olivia: { variant: "f4", pitch: 66, range: 75, rate: 185 },
  Julia: { variant: "f5", pitch: 72, range: 60, rate: 178 },
  Elizabeth: { variant: "f1", pitch: 52, range: 50, rate: 168 },
  Alex: { variant: "m2", pitch: 48, range: 55, rate: 175 },
  Craig: { variant: "m1", pitch: 28, range: 50, rate: 168 },
  Edward: { variant: "m4", pitch: 42, range: 85, rate: 182 },
  Timothy: { variant: "m7", pitch: 62, range: 60, rate: 180 },
};

// A voice added to lib/voices.ts still speaks, in its gender and accent, until it gets its own tuning.
const FALLBACK: Record<VoicePreset["gender"], Tuning> = {
  female: { variant: "f3", pitch: 58, range: 55, rate: 172 },
  male: { variant: "m3", pitch: 40, range: 55, rate: 172 },
};

function profileOf(preset: VoicePreset): VoiceProfile {
  const { variant, pitch, range, rate } = TUNINGS[preset.id] ?? FALLBACK[preset.gender];
  const language = preset.accent === "British" ? "en" : "en-us";
  return { espeakVoice: `${language}+${variant}`, pitch, range, rate };
}

const PROFILES = new Map(VOICE_PRESETS.map((preset) => [preset.id, profileOf(preset)]));

export function voiceProfile(voiceId: string): VoiceProfile | undefined {
  return PROFILES.get(voiceId);
}
