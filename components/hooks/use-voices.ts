"use client";

import { useEffect, useState } from "react";
import { DEFAULT_LANGUAGE, isVoiceAllowed, voicesFor, type Tier, type VoicePreset } from "@/lib/voices";

export interface Voice extends Omit<VoicePreset, "lang"> {
  locked: boolean;
}

function presetsFor(tier: Tier, lang: string): Voice[] {
  return voicesFor(lang).map(({ lang: _spoken, ...v }) => ({ ...v, locked: !isVoiceAllowed(v.id, tier) }));
}

function isVoiceList(value: unknown): value is { voices: Voice[] } {
  const voices = (value as { voices?: unknown } | null)?.voices;
  return Array.isArray(voices) && voices.every((v) => typeof v?.id === "string" && typeof v?.locked === "boolean");
}

/** The voices that speak `lang` and which are locked, from /api/tts/voices (the built-in presets until it answers). */
export function useVoices(tier: Tier, lang: string = DEFAULT_LANGUAGE): Voice[] {
  const [voices, setVoices] = useState<Voice[]>(() => presetsFor(tier, lang));
  useEffect(() => {
    const controller = new AbortController();
    fetch(`/api/tts/voices?lang=${encodeURIComponent(lang)}`, { signal: controller.signal })
      .then((res) => (res.ok ? res.json() : null))
      .then((body: unknown) => {
        if (isVoiceList(body)) setVoices(body.voices);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [tier, lang]);
  return voices;
}
