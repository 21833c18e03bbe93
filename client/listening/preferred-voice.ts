// The voice the reader chose last time, kept in this browser (a voice their tier no longer has is forgotten).
import { DEFAULT_VOICE, isVoiceAllowed, type Tier } from "@/lib/voices";

const PREFERRED_VOICE_KEY = "listen:voice";

export function preferredVoice(tier: Tier): string {
  try {
    const saved = localStorage.getItem(PREFERRED_VOICE_KEY);
    if (saved && isVoiceAllowed(saved, tier)) return saved;
  } catch {
    // Storage can be off (privacy settings): the default voice it is.
  }
  return DEFAULT_VOICE;
}

export function rememberVoice(voice: string): void {
  try {
    localStorage.setItem(PREFERRED_VOICE_KEY, voice);
  } catch {
    // Not remembered across visits; still used now.
  }
}
