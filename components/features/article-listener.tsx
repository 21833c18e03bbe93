"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";
import { extractTTSText } from "@/lib/dom/extract-text";
import { useTTS } from "@/components/hooks/use-tts";
import { useTTSHighlight } from "@/components/hooks/use-tts-highlight";
import { TranscriptViewerContainer, useTranscriptViewerContext } from "@/components/ui/transcript-viewer";
import { FloatingToolbar } from "./floating-toolbar";
import { MobileBottomBar } from "./mobile-bottom-bar";
import { TTSFloatingPlayer } from "./tts-floating-player";

const ARTICLE_SELECTOR = "[data-article-content]";

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches("input, textarea, select, [contenteditable]");
}

/**
 * Everything "Listen" on the reader page: the buttons, the L shortcut, the audio request, the floating player
 * and the bridge that lights the article's words. The article itself stays a Server Component; this finds it
 * by its `data-article-content` attribute.
 */
export function ArticleListener({ title }: { title: string }) {
  const tts = useTTS();
  const [open, setOpen] = useState(false);
  const [article, setArticle] = useState<HTMLElement | null>(null);
  const togglePlayRef = useRef<(() => void) | null>(null);

  const start = useCallback(() => {
    const root = document.querySelector<HTMLElement>(ARTICLE_SELECTOR);
    if (!root) return;
    setArticle(root);
    setOpen(true);
    void tts.start(extractTTSText(root));
  }, [tts]);

  const close = useCallback(() => {
    tts.stop();
    setOpen(false);
  }, [tts]);

  const toggleListening = open ? close : start;

  const latest = useRef({ open, status: tts.status, start, close });
  useEffect(() => {
    latest.current = { open, status: tts.status, start, close };
  });

  // Spec: Keyboard Shortcuts — L starts listening, then pauses and resumes.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "l" || event.metaKey || event.ctrlKey || event.altKey || event.repeat) return;
      if (isTyping(event.target)) return;
      const { open: isOpen, status, start: begin, close: end } = latest.current;
      event.preventDefault();
      if (!isOpen) begin();
      else if (status === "ready") togglePlayRef.current?.();
      else if (status === "error") end();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <>
      <FloatingToolbar listening={open} onListen={toggleListening} />
      <MobileBottomBar listening={open} onListen={toggleListening} />
      {open && (
        <TranscriptViewerContainer
          className="player-dock"
          alignment={tts.audio?.alignment ?? null}
          audioSrc={tts.audio?.url ?? null}
          durationMs={tts.audio?.durationMs}
        >
          <PlayerBridge article={article} audioUrl={tts.audio?.url ?? null} togglePlayRef={togglePlayRef} />
          <TTSFloatingPlayer
            title={title}
            status={tts.status}
            error={tts.error}
            startedAt={tts.startedAt}
            estimatedMs={tts.estimatedMs}
            onClose={close}
            onRetry={start}
          />
        </TranscriptViewerContainer>
      )}
    </>
  );
}

/** Connects the player to the article: highlighting, autoplay when the audio arrives, the L shortcut. */
function PlayerBridge({
  article,
  audioUrl,
  togglePlayRef,
}: {
  article: HTMLElement | null;
  audioUrl: string | null;
  togglePlayRef: RefObject<(() => void) | null>;
}) {
  const { words, hasAudio, play, seekToTime, subscribeWordIndex, togglePlay } = useTranscriptViewerContext();
  useTTSHighlight({ root: article, words, subscribeWordIndex, seekToTime, play });

  useEffect(() => {
    togglePlayRef.current = togglePlay;
    return () => {
      togglePlayRef.current = null;
    };
  }, [togglePlay, togglePlayRef]);

  // Start as soon as new audio arrives (the Listen click is the user gesture that allows it).
  const playRef = useRef(play);
  useEffect(() => {
    playRef.current = play;
  });
  useEffect(() => {
    if (hasAudio && audioUrl) void playRef.current().catch(() => undefined);
  }, [hasAudio, audioUrl]);
  return null;
}
