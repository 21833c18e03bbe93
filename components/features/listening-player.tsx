"use client";

import { usePathname, useRouter } from "next/navigation";
import { useCallback, useMemo } from "react";
import { articlePosition } from "@/client/listening/part-position";
import { isConversation } from "@/lib/conversation/speech";
import type { ListeningPosition } from "@/lib/positions/listening-position";
import type { Tier } from "@/lib/voices";
import { useArticleDomEdits } from "@/components/article/article-root";
import type { useConversationListening } from "@/components/hooks/use-conversation-listening";
import type { useDailyQuota } from "@/components/hooks/use-daily-quota";
import { useMediaSession, type MediaSessionInfo } from "@/components/hooks/use-media-session";
import { usePlayerCue } from "@/components/hooks/use-player-cue";
import { usePositionSaver } from "@/components/hooks/use-position-saver";
import { useSentenceNavigation } from "@/components/hooks/use-sentence-navigation";
import { recordHeard } from "@/components/hooks/use-up-next";
import type { SleepTimerState } from "@/components/hooks/use-sleep-timer";
import type { TTS } from "@/components/hooks/use-tts";
import { useTTSHighlight } from "@/components/hooks/use-tts-highlight";
import type { Voice } from "@/components/hooks/use-voices";
import { useTranscriptViewerContext } from "@/components/ui/transcript-viewer";
import type { SleepChoice } from "@/client/sleep/sleep-timer";
import { ConversationCast, castFor } from "./conversation-cast";
import { DownloadButton } from "./download-button";
import { QuotaBanner } from "./quota-banner";
import { SpeechPartLabel } from "./speech-part-label";
import { SleepTimerSelect } from "./sleep-timer-select";
import { TTSFloatingPlayer } from "./tts-floating-player";
import { TTSUpgradeNotice } from "./tts-upgrade-notice";
import { UpNextControls } from "./up-next-controls";
import { VoicePicker } from "./voice-picker";

interface ListeningPlayerProps {
  articleId: string;
  media: MediaSessionInfo;
  tts: TTS;
  tier: Tier;
  voices: Voice[];
  article: HTMLElement | null;
  conversation: Pick<ReturnType<typeof useConversationListening>, "conversation" | "rememberCast">;
  quota: ReturnType<typeof useDailyQuota>;
  sleep: SleepTimerState & { choose: (choice: SleepChoice | null) => void };
  /** a word of the article outside the part playing was clicked */
  onOtherPart: (articleWord: number) => void;
  onSavePosition: (position: ListeningPosition) => void;
  onClose: () => void;
}

/**
 * The open player: the floating controls and what they drive on the page — the article's lit word, the lock
 * screen, where the reader got to, and where new audio starts. Lives inside the viewer its parent owns.
 */
export function ListeningPlayer(props: ListeningPlayerProps) {
  const { articleId, media, tts, tier, voices, article, quota, sleep, onOtherPart, onSavePosition, onClose } = props;
  const { conversation, rememberCast } = props.conversation;
  const { words, subscribeWordIndex, seekToWord, following, stopFollowing } = useTranscriptViewerContext();
  const edits = useArticleDomEdits();
  const router = useRouter();
  const pricingHref = `/pricing?from=${encodeURIComponent(usePathname())}`;
  const { audio, part } = tts;
  const stream = audio?.stream ?? null;
  const partial = stream !== null && !stream.complete;
  const span = useMemo(() => (part ? { first: part.firstWord, count: part.words, onElsewhere: onOtherPart } : null), [part, onOtherPart]);
  useTTSHighlight({
    root: article,
    edits,
    words,
    partial,
    subscribeWordIndex,
    seekToWord,
    skipLabels: tts.speech !== null && isConversation(tts.speech),
    part: span,
    follow: { following, stopFollowing },
  });
  const { previousSentence, nextSentence } = useSentenceNavigation();
  useMediaSession(media, { stop: onClose, previousSentence, nextSentence });
  const save = useCallback(
    (position: ListeningPosition, fraction: number | null) => {
      const inArticle = articlePosition(part, position, fraction);
      onSavePosition(inArticle.position);
      if (inArticle.fraction !== null) recordHeard(articleId, inArticle.fraction);
    },
    [part, onSavePosition, articleId],
  );
  usePositionSaver(audio?.voice ?? null, save, partial);
  usePlayerCue(audio);

  const onLocked = () => router.push(pricingHref);
  const cast = castFor(conversation, tts.speech);
  const pendingVoice = tts.switchingTo && !isConversation(tts.switchingTo) ? tts.switchingTo.voice : null;
  const showBanner = tier !== "premium" && !quota.dismissed && quota.remaining !== null && tts.error?.code !== "DAILY_LIMIT";
  const refusal = tts.error?.code === "DAILY_LIMIT" ? "daily-limit" : tts.error?.code === "PREMIUM_VOICE" ? "premium-voice" : null;
  const voicePicker = !cast && (
    <VoicePicker
      voices={voices}
      value={tts.voice}
      pending={pendingVoice}
      onSelect={(voice) => void tts.setVoice(voice)}
      onLocked={onLocked}
      pricingHref={pricingHref}
    />
  );
  return (
    <div className="player-dock" data-slot="transcript-viewer-root">
      <TTSFloatingPlayer
        title={part ? `${media.title} (part ${part.index + 1} of ${part.count})` : media.title}
        status={tts.status}
        error={tts.error}
        startedAt={tts.startedAt}
        estimatedMs={tts.estimatedMs}
        banner={showBanner && <QuotaBanner remaining={quota.remaining ?? 0} pricingHref={pricingHref} onDismiss={quota.dismiss} />}
        voicePicker={voicePicker}
        conversation={
          conversation && (
            <ConversationCast
              conversation={conversation}
              tts={tts}
              voices={voices}
              tier={tier}
              onCast={rememberCast}
              onLocked={onLocked}
              pricingHref={pricingHref}
            />
          )
        }
        extras={
          <>
            {part && <SpeechPartLabel part={part} />}
            <SleepTimerSelect choice={sleep.choice} remainingMs={sleep.remainingMs} onChoose={sleep.choose} />
            <DownloadButton title={media.title} artist={media.artist} available={!partial} getAudio={tts.wholeAudio} />
            <UpNextControls articleId={articleId} endings={tts.endings} stopHere={sleep.choice === "end"} />
          </>
        }
        upgradeNotice={refusal && <TTSUpgradeNotice kind={refusal} limit={quota.limit} pricingHref={pricingHref} onClose={onClose} />}
        notice={tts.switchError ? `Could not switch voices: ${tts.switchError.message}` : null}
        audioSource={tts.source}
        streamState={stream ? (stream.complete ? "complete" : "streaming") : null}
        streamError={tts.retrying || tts.switchingTo ? null : tts.streamError}
        onClose={onClose}
        onRetry={tts.retry}
        onResume={tts.retry}
      />
    </div>
  );
}
