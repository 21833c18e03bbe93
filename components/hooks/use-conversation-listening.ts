"use client";

import { useCallback, useMemo, useRef, useState } from "react";
import { defaultCast } from "@/client/conversation/default-cast";
import type { DetectedConversation } from "@/lib/conversation/detect-turns";
import { conversationSpeech, type SpeechSegment } from "@/lib/conversation/speech";
import { findConversation } from "@/client/dom/article-conversation";
import type { Tier } from "@/lib/voices";

/**
 * "Read as a conversation": whether the article offers it, whether the reader turned it on, the conversation
 * being listened to, and the cast the reader chose last (kept for the next Listen).
 */
export function useConversationListening(article: HTMLElement | null, tier: Tier, lang: string) {
  // A property of the article's DOM, read once React has committed it (`article` is null until then).
  const offered = useMemo(() => (article ? findConversation(article) : null), [article]);
  const [on, setOn] = useState(false);
  const [conversation, setConversation] = useState<DetectedConversation | null>(null);
  const castRef = useRef<string[] | null>(null);

  /** What Listen asks for: the turns as segments, detected again on the DOM the request reads; null reads the text. */
  const segmentsFor = useCallback(
    (asTurns: boolean): SpeechSegment[] | null => {
      const found = asTurns && article ? findConversation(article) : null;
      setConversation(found);
      if (!found) return null;
      const cast = castRef.current?.length === found.speakers.length ? castRef.current : defaultCast(found, tier, lang);
      return conversationSpeech(found, cast).segments;
    },
    [article, tier, lang],
  );

  /** Flips the choice; true when the article is now read as a conversation. */
  const toggle = useCallback(() => {
    setOn(!on);
    return !on && offered !== null;
  }, [on, offered]);

  const rememberCast = useCallback((cast: string[]) => {
    castRef.current = cast;
  }, []);

  return { offered: offered !== null, on, active: on && offered !== null, toggle, conversation, segmentsFor, rememberCast };
}
