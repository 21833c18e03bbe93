"use client";

import { segmentAt, type SegmentTiming } from "@/lib/conversation/speech";
import type { Speaker } from "@/lib/conversation/detect-turns";
import { useTranscriptViewerContext } from "@/components/ui/transcript-viewer";

interface SpeakingNowProps {
  speakers: readonly Speaker[];
  /** each segment's speaker (the turns' `speaker`, in order) */
  turnSpeakers: readonly number[];
  /** the answer's segments, as far as they have arrived */
  segments: readonly SegmentTiming[] | null;
}

/** Who is speaking at the player's clock: the segment playing, from the answer's own timings. */
export function SpeakingNow({ speakers, turnSpeakers, segments }: SpeakingNowProps) {
  const { currentTime } = useTranscriptViewerContext();
  const index = segments ? segmentAt(segments, currentTime * 1000) : -1;
  const speaker = index >= 0 ? speakers[turnSpeakers[index]] : undefined;
  return (
    <p className="speaking-now" data-slot="speaking-now" data-speaker={speaker?.name} data-segment={index}>
      <span className="speaking-now__eyebrow">Speaking</span>
      <span className="speaking-now__name">{speaker ? speaker.name : "…"}</span>
      {speaker && segments && <span className="speaking-now__voice">{segments[index].voice}</span>}
    </p>
  );
}
