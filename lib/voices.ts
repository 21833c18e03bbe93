// The curated voices, by the language each speaks. English keeps the ten it started with (free and anonymous
// readers get Ashley and Dennis); every other language Inworld's TTS 1.5 models speak has the built-in voices
// Inworld made for it (README, "Languages"), its first voice or two free and the rest premium. A voice speaks
// the language it was made in: Inworld's voices sound best in their own language, and the local voice server
// speaks each with eSpeak NG's voice for that language.
import { primaryLanguage } from "./language";

export type Tier = "anonymous" | "free" | "premium";
export type VoiceTier = "free" | "premium";
export type Gender = "female" | "male";

export interface VoicePreset {
  id: string;
  name: string;
  gender: Gender;
  /** "American" or "British" for English; the language's name otherwise */
  accent: string;
  description: string;
  tier: VoiceTier;
  /** the language it speaks (a BCP 47 primary subtag) */
  lang: string;
}

export const DEFAULT_LANGUAGE = "en";
export const DEFAULT_VOICE = "Ashley";

type Entry = [id: string, gender: Gender, description: string, tier: VoiceTier];
type EnglishEntry = [...Entry, accent: "American" | "British"];

const ENGLISH: readonly EnglishEntry[] = [
  ["Ashley", "female", "Warm, natural", "free", "American"],
  ["Dennis", "male", "Deep, narration", "free", "American"],
  ["Sarah", "female", "Soft, warm", "premium", "American"],
  ["Olivia", "female", "Upbeat, friendly", "premium", "British"],
  ["Julia", "female", "Bright, clear", "premium", "American"],
  ["Elizabeth", "female", "Confident, refined", "premium", "British"],
  ["Alex", "male", "Well-rounded", "premium", "American"],
  ["Craig", "male", "Deep, clear", "premium", "American"],
  ["Edward", "male", "Emphatic, expressive", "premium", "American"],
  ["Timothy", "male", "Young, natural", "premium", "American"],
];

const OTHER_LANGUAGES: Record<string, { accent: string; voices: Entry[] }> = {
  fr: {
    accent: "French",
    voices: [
      ["Hélène", "female", "Calm, clear", "free"],
      ["Mathieu", "male", "Warm, steady", "free"],
      ["Alain", "male", "Deep, measured", "premium"],
      ["Étienne", "male", "Bright, lively", "premium"],
    ],
  },
  de: {
    accent: "German",
    voices: [
      ["Johanna", "female", "Clear, friendly", "free"],
      ["Josef", "male", "Deep, calm", "premium"],
    ],
  },
  es: {
    accent: "Spanish",
    voices: [
      ["Lupita", "female", "Warm, bright", "free"],
      ["Diego", "male", "Calm, natural", "free"],
      ["Miguel", "male", "Deep, steady", "premium"],
      ["Rafael", "male", "Lively, clear", "premium"],
    ],
  },
  it: {
    accent: "Italian",
    voices: [
      ["Orietta", "female", "Warm, clear", "free"],
      ["Gianni", "male", "Deep, calm", "premium"],
    ],
  },
  pt: {
    accent: "Portuguese",
    voices: [
      ["Maitê", "female", "Bright, friendly", "free"],
      ["Heitor", "male", "Calm, deep", "premium"],
    ],
  },
  nl: {
    accent: "Dutch",
    voices: [
      ["Katrien", "female", "Clear, warm", "free"],
      ["Erik", "male", "Calm, natural", "free"],
      ["Lore", "female", "Bright, lively", "premium"],
      ["Lennart", "male", "Deep, steady", "premium"],
    ],
  },
  pl: {
    accent: "Polish",
    voices: [
      ["Szymon", "male", "Calm, clear", "free"],
      ["Wojciech", "male", "Deep, steady", "premium"],
    ],
  },
  ru: {
    accent: "Russian",
    voices: [
      ["Svetlana", "female", "Clear, calm", "free"],
      ["Dmitry", "male", "Deep, steady", "premium"],
    ],
  },
  ar: {
    accent: "Arabic",
    voices: [
      ["Nour", "female", "Warm, clear", "free"],
      ["Omar", "male", "Deep, calm", "premium"],
    ],
  },
  he: {
    accent: "Hebrew",
    voices: [
      ["Yael", "female", "Clear, friendly", "free"],
      ["Oren", "male", "Calm, deep", "premium"],
    ],
  },
  hi: {
    accent: "Hindi",
    voices: [
      ["Riya", "female", "Bright, clear", "free"],
      ["Manoj", "male", "Calm, warm", "premium"],
    ],
  },
  zh: {
    accent: "Chinese",
    voices: [
      ["Xiaoyin", "female", "Gentle, clear", "free"],
      ["Yichen", "male", "Calm, natural", "free"],
      ["Xinyi", "female", "Bright, lively", "premium"],
      ["Jing", "female", "Warm, steady", "premium"],
    ],
  },
  ja: {
    accent: "Japanese",
    voices: [
      ["Asuka", "female", "Clear, friendly", "free"],
      ["Satoshi", "male", "Calm, deep", "premium"],
    ],
  },
  ko: {
    accent: "Korean",
    voices: [
      ["Minji", "female", "Bright, clear", "free"],
      ["Hyunwoo", "male", "Calm, natural", "free"],
      ["Yoona", "female", "Warm, gentle", "premium"],
      ["Seojun", "male", "Deep, steady", "premium"],
    ],
  },
};

const preset = ([id, gender, description, tier]: Entry, accent: string, lang: string): VoicePreset => ({
  id,
  name: id,
  gender,
  accent,
  description,
  tier,
  lang,
});

export const VOICE_PRESETS: readonly VoicePreset[] = [
  ...ENGLISH.map(([id, gender, description, tier, accent]) => preset([id, gender, description, tier], accent, DEFAULT_LANGUAGE)),
  ...Object.entries(OTHER_LANGUAGES).flatMap(([lang, { accent, voices }]) => voices.map((entry) => preset(entry, accent, lang))),
];

/** Every language some voice speaks. */
export const VOICE_LANGUAGES: ReadonlySet<string> = new Set(VOICE_PRESETS.map((v) => v.lang));

const byId = new Map(VOICE_PRESETS.map((v) => [v.id, v]));

export function findVoice(id: string): VoicePreset | undefined {
  return byId.get(id);
}

export function isVoiceAllowed(voiceId: string, tier: Tier): boolean {
  const voice = byId.get(voiceId);
  if (!voice) return false;
  return voice.tier === "free" || tier === "premium";
}

/** The voices that speak `lang` (any BCP 47 tag; its primary language counts), in the list's order. */
export function voicesFor(lang: string): VoicePreset[] {
  const primary = primaryLanguage(lang);
  return VOICE_PRESETS.filter((v) => v.lang === primary);
}

/** Whether voice `voiceId` speaks `lang`. */
export function speaksLanguage(voiceId: string, lang: string): boolean {
  return byId.get(voiceId)?.lang === primaryLanguage(lang);
}

/** The voice an article in `lang` starts with: the language's first free voice; undefined when none speaks it. */
export function defaultVoiceFor(lang: string): string | undefined {
  const voices = voicesFor(lang);
  return (voices.find((v) => v.tier === "free") ?? voices[0])?.id;
}
