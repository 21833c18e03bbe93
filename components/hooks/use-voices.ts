"use client";

import { useEffect, useState } from "react";
import { VOICE_PRESETS, isVoiceAllowed, type Tier, type VoicePreset } from "@/lib/voices";

export interface Voice extends VoicePreset {
  locked: boolean;
}

function presetsFor(tier: Tier): Voice[] {
  return VOICE_PRESETS.map((v) => ({ ...v, locked: !isVoiceAllowed(v.id, tier) }));
}

function isVoiceList(value: unknown): value is { voices: Voice[] } {
  const voices = (value as { voices?: unknown } | null)?.voices;
  return Array.isArray(voices) && voices.every((v) => typeof v?.id === "string" && typeof v?.locked === "boolean");
}

/** The voices and which are locked, from /api/tts/voices (the built-in presets until it answers). */
export function useVoices(tier: Tier): Voice[] {
  const [voices, setVoices] = useState<Voice[]>(() => presetsFor(tier));
  useEffect(() => {
    const controller = new AbortController();
    fetch("/api/tts/voices", { signal: controller.signal })
      .then((res) => (res.ok ? res.json() : null))
      .then((body: unknown) => {
        if (isVoiceList(body)) setVoices(body.voices);
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [tier]);
  return voices;
}
