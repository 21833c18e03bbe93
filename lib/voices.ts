// The ten curated voices of the spec (Voice Tiers). Free and anonymous readers get Ashley and Dennis.
export type Tier = "anonymous" | "free" | "premium";
export type VoiceTier = "free" | "premium";
export type Gender = "female" | "male";

export interface VoicePreset {
  id: string;
  name: string;
  gender: Gender;
  accent: "American" | "British";
  description: string;
  tier: VoiceTier;
}

export const DEFAULT_VOICE = "Ashley";

export const VOICE_PRESETS: readonly VoicePreset[] = [
  { id: "Ashley", name: "Ashley", gender: "female", accent: "American", description: "Warm, natural", tier: "free" },
  { id: "Dennis", name: "Dennis", gender: "male", accent: "American", description: "Deep, narration", tier: "free" },
  { id: "Sarah", name: "Sarah", gender: "female", accent: "American", description: "Soft, warm", tier: "premium" },
  { id: "Olivia", name: "Olivia", gender: "female", accent: "British", description: "Upbeat, friendly", tier: "premium" },
  { id: "Julia", name: "Julia", gender: "female", accent: "American", description: "Bright, clear", tier: "premium" },
  { id: "Elizabeth", name: "Elizabeth", gender: "female", accent: "British", description: "Confident, refined", tier: "premium" },
  { id: "Alex", name: "Alex", gender: "male", accent: "American", description: "Well-rounded", tier: "premium" },
  { id: "Craig", name: "Craig", gender: "male", accent: "American", description: "Deep, clear", tier: "premium" },
  { id: "Edward", name: "Edward", gender: "male", accent: "American", description: "Emphatic, expressive", tier: "premium" },
  { id: "Timothy", name: "Timothy", gender: "male", accent: "American", description: "Young, natural", tier: "premium" },
];

const byId = new Map(VOICE_PRESETS.map((v) => [v.id, v]));

export function findVoice(id: string): VoicePreset | undefined {
  return byId.get(id);
}

export function isVoiceAllowed(voiceId: string, tier: Tier): boolean {
  const voice = byId.get(voiceId);
  if (!voice) return false;
  return voice.tier === "free" || tier === "premium";
}
