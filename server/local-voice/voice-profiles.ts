// How each curated voice (lib/voices.ts) sounds in eSpeak NG: eSpeak's voice for the language it speaks, with a
// variant ("+f1…f5" female, "+m1…m7" male), pitch (0–100), range (0–100) and rate (words per minute) that set
// the voices apart, so that no two give the same audio. English voices are "en-us" (American) or "en" (British).
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

// eSpeak NG's voice for each language a voice speaks (its names, where they differ from the language's tag).
const ESPEAK_LANGUAGES: Record<string, string> = { zh: "cmn", pt: "pt-br" };

// Voices without a tuning of their own take their gender's variants in turn, each a little higher and faster
// than the one before, so a language's voices stay apart.
const VARIANTS: Record<VoicePreset["gender"], string[]> = { female: ["f3", "f2", "f4", "f1", "f5"], male: ["m3", "m2", "m1", "m4", "m7"] };
const BASE: Record<VoicePreset["gender"], Omit<Tuning, "variant">> = {
  female: { pitch: 56, range: 58, rate: 165 },
  male: { pitch: 36, range: 52, rate: 160 },
};

function fallbackTuning(preset: VoicePreset, rank: number): Tuning {
  const variants = VARIANTS[preset.gender];
  const base = BASE[preset.gender];
  return { variant: variants[rank % variants.length], pitch: base.pitch + 6 * rank, range: base.range, rate: base.rate + 6 * rank };
}

function espeakLanguage(preset: VoicePreset): string {
  if (preset.lang === "en") return preset.accent === "British" ? "en" : "en-us";
  return ESPEAK_LANGUAGES[preset.lang] ?? preset.lang;
}

const PROFILES = new Map<string, VoiceProfile>();
const ranks = new Map<string, number>();
for (const preset of VOICE_PRESETS) {
  const key = `${preset.lang}:${preset.gender}`;
  const rank = ranks.get(key) ?? 0;
  ranks.set(key, rank + 1);
  const { variant, pitch, range, rate } = TUNINGS[preset.id] ?? fallbackTuning(preset, rank);
  PROFILES.set(preset.id, { espeakVoice: `${espeakLanguage(preset)}+${variant}`, pitch, range, rate });
}

export function voiceProfile(voiceId: string): VoiceProfile | undefined {
  return PROFILES.get(voiceId);
}
