"use client";

import type { Voice } from "@/components/hooks/use-voices";
import type { Speaker } from "@/lib/conversation/detect-turns";
import { VoicePicker } from "./voice-picker";

interface VoicesPanelProps {
  id: string;
  speakers: readonly Speaker[];
  voices: readonly Voice[];
  /** each speaker's voice playing */
  cast: readonly string[];
  /** each speaker's voice being fetched, when a change is under way */
  pendingCast: readonly string[] | null;
  onSelect: (speaker: number, voiceId: string) => void;
  onLocked: (voiceId: string) => void;
  pricingHref: string;
}

/** A conversation's cast: each speaker, the narrator too, with the voice picker of the player for its voice. */
export function VoicesPanel({ id, speakers, voices, cast, pendingCast, onSelect, onLocked, pricingHref }: VoicesPanelProps) {
  return (
    <ul id={id} className="voices-panel" data-slot="voices-panel" aria-label="Voices">
      {speakers.map((speaker, i) => {
        const pending = pendingCast && pendingCast[i] !== cast[i] ? pendingCast[i] : null;
        return (
          <li key={speaker.name} className="voices-panel__speaker" data-slot="voices-panel-speaker" data-speaker={speaker.name}>
            <span className="voices-panel__name">{speaker.name}</span>
            <VoicePicker
              voices={voices}
              value={cast[i]}
              pending={pending}
              speaker={speaker.name}
              onSelect={(voice) => onSelect(i, voice)}
              onLocked={onLocked}
              pricingHref={pricingHref}
            />
          </li>
        );
      })}
    </ul>
  );
}
