// The voice the reader chose last time, kept in this browser (a voice their tier no longer has is forgotten).
import { DEFAULT_LANGUAGE, DEFAULT_VOICE, defaultVoiceFor, isVoiceAllowed, speaksLanguage, type Tier } from "@/lib/voices";

const PREFERRED_VOICE_KEY = "listen:voice";

/** The voice the reader chose last time, if their tier still has it and it speaks `lang`; else the language's default. */
export function preferredVoice(tier: Tier, lang = DEFAULT_LANGUAGE): string {
  try {
    const saved = localStorage.getItem(PREFERRED_VOICE_KEY);
    if (saved && isVoiceAllowed(saved, tier) && speaksLanguage(saved, lang)) return saved;
  } catch {
    // Storage can be off (privacy settings): the default voice it is.
  }
  return defaultVoiceFor(lang) ?? DEFAULT_VOICE;
}

export function rememberVoice(voice: string): void {
  try {
    localStorage.setItem(PREFERRED_VOICE_KEY, voice);
  } catch {
    // Not remembered across visits; still used now.
  }
}
