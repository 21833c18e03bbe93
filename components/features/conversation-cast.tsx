"use client";

import type { DetectedConversation } from "@/lib/conversation/detect-turns";
import { defaultCast } from "@/client/conversation/default-cast";
import { castOf, conversationSpeech, type Speech } from "@/lib/conversation/speech";
import type { Tier } from "@/lib/voices";
import type { TTS } from "@/components/hooks/use-tts";
import type { Voice } from "@/components/hooks/use-voices";
import { ConversationPlayer } from "./conversation-player";

interface ConversationCastProps {
  conversation: DetectedConversation;
  tts: Pick<TTS, "speech" | "switchingTo" | "audio" | "setSegments">;
  voices: Voice[];
  tier: Tier;
  /** the cast the reader chose, for the next Listen */
  onCast: (cast: string[]) => void;
  onLocked: () => void;
  pricingHref: string;
}

/** The voice of each speaker in `speech`, when it is this conversation. */
export function castFor(conversation: DetectedConversation | null, speech: Speech | null): string[] | null {
  return conversation && speech ? castOf(conversation, speech) : null;
}

/** The conversation playing: who speaks now, and a voice per speaker (a change re-asks it in the new cast). */
export function ConversationCast({ conversation, tts, voices, tier, onCast, onLocked, pricingHref }: ConversationCastProps) {
  const cast = castFor(conversation, tts.speech);
  const pendingCast = castFor(conversation, tts.switchingTo);
  if (!cast) return null;
  const choose = (speaker: number, voice: string) => {
    const next = [...(pendingCast ?? cast ?? defaultCast(conversation, tier, tts.speech?.lang))];
    next[speaker] = voice;
    onCast(next);
    tts.setSegments(conversationSpeech(conversation, next).segments);
  };
  return (
    <ConversationPlayer
      speakers={conversation.speakers}
      turnSpeakers={conversation.turns.map((t) => t.speaker)}
      segments={tts.audio?.segments ?? null}
      voices={voices}
      cast={cast}
      pendingCast={pendingCast}
      onSelect={choose}
      onLocked={onLocked}
      pricingHref={pricingHref}
    />
  );
}
