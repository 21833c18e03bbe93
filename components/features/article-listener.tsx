"use client";

import { usePathname, useRouter } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import { defaultCast } from "@/lib/conversation/default-cast";
import type { DetectedConversation } from "@/lib/conversation/detect-turns";
import { castOf, conversationSpeech, isConversation, type Speech } from "@/lib/conversation/speech";
import { findConversation } from "@/lib/dom/article-conversation";
import { buildWordPositions, extractTTSText } from "@/lib/dom/extract-text";
import { wordIndexAtRangeStart } from "@/lib/dom/word-at-range";
import { alignToDomIdx } from "@/lib/highlight/index-map";
import type { Tier } from "@/lib/voices";
import { useArticleDomEdits, useArticleRoot } from "@/components/article/article-root";
import { useDailyQuota } from "@/components/hooks/use-daily-quota";
import { useInlineHighlights } from "@/components/hooks/use-inline-highlights";
import { usePlayerSpace } from "@/components/hooks/use-player-space";
import { usePlayerShortcuts } from "@/components/hooks/use-player-shortcuts";
import { useTTS } from "@/components/hooks/use-tts";
import { useTTSHighlight } from "@/components/hooks/use-tts-highlight";
import { useVoices } from "@/components/hooks/use-voices";
import { TranscriptViewerContainer, useTranscriptViewerContext } from "@/components/ui/transcript-viewer";
import { ConversationPlayer } from "./conversation-player";
import { ConversationToggle } from "./conversation-toggle";
import { QuotaBanner } from "./quota-banner";
import { FloatingToolbar } from "./floating-toolbar";
import { HighlightPopover } from "./highlight-popover";
import { MobileBottomBar } from "./mobile-bottom-bar";
import { TTSFloatingPlayer } from "./tts-floating-player";
import { TTSUpgradeNotice } from "./tts-upgrade-notice";
import { VoicePicker } from "./voice-picker";
import { useLatestRef } from "@/components/hooks/use-latest-ref";
import { useMediaSession, type MediaSessionInfo } from "@/components/hooks/use-media-session";
import { useSentenceNavigation } from "@/components/hooks/use-sentence-navigation";
import { useListeningPosition } from "@/components/hooks/use-listening-position";
import { usePositionSaver } from "@/components/hooks/use-position-saver";
import type { ListeningPosition } from "@/lib/positions/listening-position";
import { ResumePrompt } from "./resume-prompt";
import { useSleepTimer } from "@/components/hooks/use-sleep-timer";
import { SleepTimerSelect } from "./sleep-timer-select";
import { DownloadButton } from "./download-button";
import { recordHeard, takeHandover } from "@/components/hooks/use-up-next";
import { useUpNextCountdown } from "@/components/hooks/use-up-next-countdown";
import { AutoplayNextToggle } from "./autoplay-next-toggle";
import { UpNextCountdown } from "./up-next-countdown";
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
}

interface PlayerControlsHandle {
  togglePlay: () => void;
  pause: () => void;
  seekBy: (seconds: number) => void;
  seekToWord: (index: number) => void;
  previousSentence: () => void;
  nextSentence: () => void;
}

/**
 * Everything "Listen" on the reader page: the buttons, the keyboard shortcuts, the audio request, the
 * floating player with its voice picker and the daily quota banner, the bridge that lights the article's words, and the
 * reader's own highlights. The article itself stays a Server Component; its element comes from the
 * surrounding `ArticleRootProvider` once React has rendered it.
 */
export function ArticleListener({ title, articleId, lang, artist = null, artwork = null, account }: ArticleListenerProps) {
  const tier: Tier = account?.tier ?? "anonymous";
  const quota = useDailyQuota(account?.sub ?? "anonymous");
  // The player's element lives inside the viewer; its clock reaches the stream's buffering through this ref.
  const audioRef = useRef<HTMLAudioElement | null>(null);
  const playhead = useCallback(() => audioRef.current?.currentTime ?? 0, []);
  const tts = useTTS({ tier, onUsage: quota.onUsage, playhead });
  const voices = useVoices(tier, lang);
  const router = useRouter();
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  const article = useArticleRoot();
  const edits = useArticleDomEdits();
  const controlsRef = useRef<PlayerControlsHandle | null>(null);
  const inline = useInlineHighlights(article, edits, articleId);
  const pricingHref = `/pricing?from=${encodeURIComponent(pathname)}`;
  usePlayerSpace(open);
  const positions = useListeningPosition({ articleId, tier, signedIn: account !== null, lang });
  // The word to start from when the audio arrives ("Continue from"); null starts at the top.
  const startWordRef = useRef<number | null>(null);

  // Whether the article reads as a conversation is a property of its DOM, read once React has committed it
  // (`article` is null until then).
  const offered = useMemo(() => (article ? findConversation(article) : null), [article]);
  const [asConversation, setAsConversation] = useState(false);
  const conversational = asConversation && offered !== null;
  // The conversation being listened to: detected again at Listen, on the DOM the request reads.
  const [conversation, setConversation] = useState<DetectedConversation | null>(null);
  // The cast the reader last chose, kept for the next Listen.
  const castRef = useRef<string[] | null>(null);

  /** Opens the player and asks for the article, as a conversation or not, to start at `startWord` (null: the top). */
  const listen = useCallback(
    (asTurns: boolean, startWord: number | null) => {
      if (!article) return;
      startWordRef.current = startWord;
      positions.dismiss();
      setOpen(true);
      const found = asTurns ? findConversation(article) : null;
      setConversation(found);
      if (!found) return void tts.start(extractTTSText(article), lang);
      const cast = castRef.current?.length === found.speakers.length ? castRef.current : defaultCast(found, tier, lang);
      void tts.startConversation(conversationSpeech(found, cast).segments, lang);
    },
    [tts, article, tier, positions, lang],
  );
  const listenFrom = useCallback((startWord: number | null) => listen(conversational, startWord), [listen, conversational]);
  // Listen (button or L) while "Continue from" is offered continues: that is what a reader coming back wants.
  const start = useCallback(() => listenFrom(positions.offer?.wordIndex ?? null), [listenFrom, positions.offer]);
  const startOver = useCallback(() => listenFrom(null), [listenFrom]);
  const toggleConversation = useCallback(() => {
    const next = !asConversation;
    setAsConversation(next);
    // Listening already: start over in the other way of reading (the words spoken differ, labels and all).
    if (open) listen(next && offered !== null, null);
  }, [asConversation, open, listen, offered]);

  const stream = tts.audio?.stream;
  const sleep = useSleepTimer({
    audioRef,
    durationSec: tts.audio && (!stream || stream.complete) ? tts.audio.durationMs / 1000 : null,
    pause: () => controlsRef.current?.pause(),
  });

  const upNext = useUpNextCountdown(articleId);
  const onEnded = useCallback(() => upNext.ended({ stopHere: sleep.choice === "end" }), [upNext, sleep.choice]);
  const savePosition = useCallback(
    (position: ListeningPosition, fraction: number | null) => {
      positions.save(position);
      if (fraction !== null) recordHeard(articleId, fraction);
    },
    [positions, articleId],
  );
  // Opened by the article before it, at its end (Up next): start at once.
  useEffect(() => {
    // The hand-over is read from storage, outside React: start once this render is done.
    if (article && takeHandover(articleId)) queueMicrotask(start);
  }, [article, articleId, start]);

  // "Listen from here": the word the selection starts in; the player already open goes there, else it opens there.
  const listenFromSelection = useCallback(
    (range: Range) => {
      if (!article) return;
      const index = wordIndexAtRangeStart(buildWordPositions(article).words, range);
      if (index < 0) return;
      if (open && controlsRef.current) controlsRef.current.seekToWord(index);
      else listenFrom(index);
    },
    [article, open, listenFrom],
  );

  const close = useCallback(() => {
    tts.stop();
    sleep.choose(null);
    upNext.cancel();
    setOpen(false);
  }, [tts, sleep, upNext]);

  const toggleListening = open ? close : start;

  usePlayerShortcuts({
    playerReady: open && tts.status === "ready",
    toggleListening: () => {
      if (!open) start();
      else if (tts.status === "ready") controlsRef.current?.togglePlay();
      else if (tts.status === "error") close();
    },
    togglePlay: () => controlsRef.current?.togglePlay(),
    seekBy: (seconds) => controlsRef.current?.seekBy(seconds),
    previousSentence: () => controlsRef.current?.previousSentence(),
    nextSentence: () => controlsRef.current?.nextSentence(),
  });

  const metered = tier !== "premium";
  const showBanner = metered && !quota.dismissed && quota.remaining !== null && tts.error?.code !== "DAILY_LIMIT";
  const streaming = useMemo(() => (stream && !stream.complete ? { expectedMs: stream.expectedMs } : null), [stream]);
  const castFor = (speech: Speech | null) => (conversation && speech ? castOf(conversation, speech) : null);
  const cast = castFor(tts.speech);
  const pendingCast = castFor(tts.switchingTo);
  const chooseSpeakerVoice = (speaker: number, voice: string) => {
    if (!conversation) return;
    const next = [...(pendingCast ?? cast ?? defaultCast(conversation, tier, lang))];
    next[speaker] = voice;
    castRef.current = next;
    tts.setSegments(conversationSpeech(conversation, next).segments);
  };
  const pendingVoice = tts.switchingTo && !isConversation(tts.switchingTo) ? tts.switchingTo.voice : null;
  const toggle = offered && <ConversationToggle on={asConversation} onToggle={toggleConversation} />;
  const refusal = tts.error?.code === "DAILY_LIMIT" ? "daily-limit" : tts.error?.code === "PREMIUM_VOICE" ? "premium-voice" : null;

  return (
    <>
      <FloatingToolbar listening={open} onListen={toggleListening}>
        {toggle}
      </FloatingToolbar>
      <MobileBottomBar listening={open} onListen={toggleListening}>
        {toggle}
      </MobileBottomBar>
      <HighlightPopover root={article} onHighlight={inline.create} onRemove={inline.remove} onListenFrom={listenFromSelection} />
      {!open && positions.offer && <ResumePrompt timeSec={positions.offer.timeSec} onContinue={start} onStartOver={startOver} />}
      {open && (
        <TranscriptViewerContainer
          className="player-dock"
          alignment={tts.audio?.alignment ?? null}
          audioSrc={tts.audio?.url ?? null}
          durationMs={tts.audio?.durationMs}
          streaming={streaming}
          onEnded={onEnded}
        >
          <PlayerBridge
            article={article}
            audioUrl={tts.audio?.url ?? null}
            partial={streaming !== null}
            controlsRef={controlsRef}
            audioRef={audioRef}
            media={{ title, artist, artwork }}
            onStop={close}
            startWordRef={startWordRef}
            voice={tts.audio?.voice ?? null}
            onSavePosition={savePosition}
            skipLabels={tts.speech !== null && isConversation(tts.speech)}
          />
          <TTSFloatingPlayer
            title={title}
            status={tts.status}
            error={tts.error}
            startedAt={tts.startedAt}
            estimatedMs={tts.estimatedMs}
            banner={showBanner && <QuotaBanner remaining={quota.remaining ?? 0} pricingHref={pricingHref} onDismiss={quota.dismiss} />}
            voicePicker={
              !cast && (
                <VoicePicker
                  voices={voices}
                  value={tts.voice}
                  pending={pendingVoice}
                  onSelect={(voice) => void tts.setVoice(voice)}
                  onLocked={() => router.push(pricingHref)}
                  pricingHref={pricingHref}
                />
              )
            }
            conversation={
              conversation &&
              cast && (
                <ConversationPlayer
                  speakers={conversation.speakers}
                  turnSpeakers={conversation.turns.map((t) => t.speaker)}
                  segments={tts.audio?.segments ?? null}
                  voices={voices}
                  cast={cast}
                  pendingCast={pendingCast}
                  onSelect={chooseSpeakerVoice}
                  onLocked={() => router.push(pricingHref)}
                  pricingHref={pricingHref}
                />
              )
            }
            extras={
              <>
                <SleepTimerSelect choice={sleep.choice} remainingMs={sleep.remainingMs} onChoose={sleep.choose} />
                <DownloadButton title={title} artist={artist} available={!stream || stream.complete} getAudio={tts.wholeAudio} />
                <AutoplayNextToggle />
                {upNext.next && (
                  <UpNextCountdown title={upNext.next.title} secondsLeft={upNext.secondsLeft} onPlayNow={upNext.playNow} onCancel={upNext.cancel} />
                )}
              </>
            }
            upgradeNotice={refusal && <TTSUpgradeNotice kind={refusal} limit={quota.limit} pricingHref={pricingHref} onClose={close} />}
            notice={tts.switchError ? `Could not switch voices: ${tts.switchError.message}` : null}
            audioSource={tts.source}
            streamState={stream ? (stream.complete ? "complete" : "streaming") : null}
            streamError={tts.streamError && !tts.switchingTo ? tts.streamError : null}
            onClose={close}
            onRetry={start}
            onResume={tts.resume}
          />
        </TranscriptViewerContainer>
      )}
    </>
  );
}

/**
 * Connects the player to the article: highlighting, autoplay when audio arrives, and — when the audio is a
 * new voice for the same text — carrying on from the word the old voice had reached.
 */
function PlayerBridge({
  article,
  audioUrl,
  partial,
  controlsRef,
  audioRef,
  media,
  onStop,
  startWordRef,
  voice,
  onSavePosition,
  skipLabels,
}: {
  article: HTMLElement | null;
  audioUrl: string | null;
  /** the alignment is still arriving */
  partial: boolean;
  controlsRef: RefObject<PlayerControlsHandle | null>;
  audioRef: RefObject<HTMLAudioElement | null>;
  media: MediaSessionInfo;
  onStop: () => void;
  /** the word to start from when the first audio arrives (set by "Continue from", used once) */
  startWordRef: RefObject<number | null>;
  /** the voice of the audio playing */
  voice: string | null;
  onSavePosition: (position: ListeningPosition, fraction: number | null) => void;
  /** a conversation: the labels are shown, not spoken */
  skipLabels: boolean;
}) {
  const { words, hasAudio, play, pause, seekToTime, seekToWord, seekBy, subscribeWordIndex, togglePlay, getAudioElement, following, stopFollowing } =
    useTranscriptViewerContext();
  const edits = useArticleDomEdits();
  useTTSHighlight({ root: article, edits, words, partial, subscribeWordIndex, seekToWord, skipLabels, follow: { following, stopFollowing } });
  const { previousSentence, nextSentence } = useSentenceNavigation();
  useMediaSession(media, { stop: onStop, previousSentence, nextSentence });
  usePositionSaver(voice, onSavePosition, partial);

  useEffect(() => {
    controlsRef.current = { togglePlay, pause, seekBy, seekToWord, previousSentence, nextSentence };
    return () => {
      controlsRef.current = null;
    };
  }, [togglePlay, pause, seekBy, seekToWord, previousSentence, nextSentence, controlsRef]);
  useEffect(() => {
    audioRef.current = hasAudio ? getAudioElement() : null;
    return () => {
      audioRef.current = null;
    };
  }, [hasAudio, getAudioElement, audioRef]);

  // Where the current voice has got to: the last word lit, out of how many (null while they are still
  // arriving: then the count is the whole text's, and words correspond one to one).
  const positionRef = useRef<{ index: number; count: number | null } | null>(null);
  const latest = useLatestRef({ words, partial, play, seekToTime, seekToWord });
  useEffect(
    () =>
      subscribeWordIndex((index) => {
        if (index >= 0) positionRef.current = { index, count: latest.current.partial ? null : latest.current.words.length };
      }),
    [subscribeWordIndex, latest],
  );

  // Start as soon as new audio arrives (the Listen click or the voice choice is the gesture that allows it).
  const shownUrlRef = useRef<string | null>(null);
  useEffect(() => {
    if (!hasAudio || !audioUrl) return;
    const previous = shownUrlRef.current;
    shownUrlRef.current = audioUrl;
    const position = positionRef.current;
    positionRef.current = null;
    const { words: next, partial: arriving, play: resume, seekToTime: seek, seekToWord: seekWord } = latest.current;
    const startWord = startWordRef.current;
    startWordRef.current = null;
    if (!previous && startWord !== null) {
      // "Continue from": the saved word (waited for if it has not streamed in yet), then on from there.
      seekWord(startWord);
      return;
    }
    if (previous && previous !== audioUrl && position && arriving) {
      // Same text streaming in (another voice, or a Retry): the same word, once it has arrived.
      seekWord(position.index);
      return;
    }
    if (previous && previous !== audioUrl && position && next.length > 0) {
      // Same text, another voice: the words correspond one to one (proportionally if the counts differ).
      const index = alignToDomIdx(position.index, position.count ?? next.length, next.length);
      seek(next[index].startTime, { resume: false });
    }
    void resume().catch(() => undefined);
  }, [hasAudio, audioUrl, latest, startWordRef]);
  return null;
}
