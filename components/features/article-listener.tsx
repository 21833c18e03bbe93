"use client";

import { useCallback, useState } from "react";
import { wordInPart } from "@/client/listening/part-position";
import { buildWordPositions, extractTTSText } from "@/lib/dom/extract-text";
import { wordIndexAtRangeStart } from "@/client/dom/word-at-range";
import type { Tier } from "@/lib/voices";
import { useArticleDomEdits, useArticleRoot } from "@/components/article/article-root";
import { useConversationListening } from "@/components/hooks/use-conversation-listening";
import { useDailyQuota } from "@/components/hooks/use-daily-quota";
import { useInlineHighlights } from "@/components/hooks/use-inline-highlights";
import { useListening } from "@/components/hooks/use-listening";
import { useListeningPosition } from "@/components/hooks/use-listening-position";
import { usePlayerSpace } from "@/components/hooks/use-player-space";
import { usePlayerShortcuts } from "@/components/hooks/use-player-shortcuts";
import { useSentenceNavigationOf } from "@/components/hooks/use-sentence-navigation";
import { useSleepTimer } from "@/components/hooks/use-sleep-timer";
import { useHandover } from "@/components/hooks/use-up-next";
import { useVoices } from "@/components/hooks/use-voices";
import { TranscriptViewerProvider } from "@/components/ui/transcript-viewer";
import { ConversationToggle } from "./conversation-toggle";
import { FloatingToolbar } from "./floating-toolbar";
import { HighlightPopover } from "./highlight-popover";
import { ListeningPlayer } from "./listening-player";
import { MobileBottomBar } from "./mobile-bottom-bar";
import { ResumePrompt } from "./resume-prompt";
import "./article-listener.css";

interface ArticleListenerProps {
  title: string;
  articleId: string;
  /** the article's language (a BCP 47 tag): the voices offered speak it */
  lang: string;
  /** the site or author, for the lock screen */
  artist?: string | null;
  /** the article's image, for the lock screen */
  artwork?: string | null;
  /** who is reading (from the session cookie), null when signed out */
  account: { sub: string; tier: "free" | "premium" } | null;
  /** the most characters one request speaks (the API's TTS_MAX_TEXT_CHARS) */
  maxSpeechChars?: number;
}

/**
 * Everything "Listen" on the reader page: the buttons, the keyboard shortcuts, "Continue from", "Listen from
 * here", and the player, whose viewer (the audio's clock and words) lives here so every control drives it
 * directly. The article itself stays a Server Component; its element comes from the surrounding
 * `ArticleRootProvider` once React has rendered it.
 */
export function ArticleListener({ title, articleId, lang, artist = null, artwork = null, account, maxSpeechChars }: ArticleListenerProps) {
  const tier: Tier = account?.tier ?? "anonymous";
  const quota = useDailyQuota(account?.sub ?? "anonymous");
  const { tts, viewer, streaming } = useListening({ tier, onUsage: quota.onUsage, maxSpeechChars });
  const voices = useVoices(tier, lang);
  const [open, setOpen] = useState(false);
  const article = useArticleRoot();
  const edits = useArticleDomEdits();
  const inline = useInlineHighlights(article, edits, articleId);
  usePlayerSpace(open);
  const positions = useListeningPosition({ articleId, tier, signedIn: account !== null, lang });
  const conversation = useConversationListening(article, tier, lang);
  const sleep = useSleepTimer({
    audio: viewer.getAudioElement,
    durationSec: tts.audio && !streaming ? tts.audio.durationMs / 1000 : null,
    pause: viewer.pause,
  });

  /** Opens the player and asks for the article, as a conversation or not, from its word `startWord` (null: the top). */
  const listen = useCallback(
    (asTurns: boolean, startWord: number | null) => {
      if (!article) return;
      positions.dismiss();
      setOpen(true);
      const segments = conversation.segmentsFor(asTurns);
      if (segments) tts.startConversation(segments, startWord, lang);
      else tts.start(extractTTSText(article), startWord, lang);
    },
    [tts, article, positions, conversation, lang],
  );
  const listenFrom = useCallback((startWord: number | null) => listen(conversation.active, startWord), [listen, conversation.active]);
  // Listen (button or L) while "Continue from" is offered continues: that is what a reader coming back wants.
  const start = useCallback(() => listenFrom(positions.offer?.wordIndex ?? null), [listenFrom, positions.offer]);
  useHandover(articleId, article !== null, start);
  const toggleConversation = () => {
    const asTurns = conversation.toggle();
    // Listening already: start over in the other way of reading (the words spoken differ, labels and all).
    if (open) listen(asTurns, null);
  };

  // "Listen from here": the word the selection starts in; in the part playing a seek, elsewhere that part from there.
  const listenFromSelection = (range: Range) => {
    const index = article ? wordIndexAtRangeStart(buildWordPositions(article).words, range) : -1;
    const word = open && tts.status === "ready" ? wordInPart(tts.part, index) : null;
    if (word !== null && word >= 0) viewer.seekToWord(word);
    else if (index >= 0) listenFrom(index);
  };

  const close = useCallback(() => {
    tts.stop();
    sleep.choose(null);
    setOpen(false);
  }, [tts, sleep]);
  const toggleListening = open ? close : start;
  const sentences = useSentenceNavigationOf(viewer);
  usePlayerShortcuts({
    playerReady: open && tts.status === "ready",
    toggleListening: () => {
      if (!open) start();
      else if (tts.status === "ready") viewer.togglePlay();
      else if (tts.status === "error") close();
    },
    togglePlay: viewer.togglePlay,
    seekBy: viewer.seekBy,
    ...sentences,
  });

  const toggle = conversation.offered && <ConversationToggle on={conversation.on} onToggle={toggleConversation} />;
  return (
    <>
      <FloatingToolbar listening={open} onListen={toggleListening}>
        {toggle}
      </FloatingToolbar>
      <MobileBottomBar listening={open} onListen={toggleListening}>
        {toggle}
      </MobileBottomBar>
      <HighlightPopover root={article} onHighlight={inline.create} onRemove={inline.remove} onListenFrom={listenFromSelection} />
      {!open && positions.offer && <ResumePrompt timeSec={positions.offer.timeSec} onContinue={start} onStartOver={() => listenFrom(null)} />}
      {open && (
        <TranscriptViewerProvider viewer={viewer} audioSrc={tts.audio?.url ?? null}>
          <ListeningPlayer
            articleId={articleId}
            media={{ title, artist, artwork }}
            tts={tts}
            tier={tier}
            voices={voices}
            article={article}
            conversation={conversation}
            quota={quota}
            sleep={sleep}
            onOtherPart={listenFrom}
            onSavePosition={positions.save}
            onClose={close}
          />
        </TranscriptViewerProvider>
      )}
    </>
  );
}
