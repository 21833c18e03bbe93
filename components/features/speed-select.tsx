"use client";

import { PLAYBACK_RATES, useSavedSpeed } from "@/components/hooks/use-saved-speed";
import { useTranscriptViewerContext } from "@/components/ui/transcript-viewer";
import "./speed-select.css";

export function SpeedSelect() {
  const { playbackRate } = useTranscriptViewerContext();
  const choose = useSavedSpeed();
  return (
    <label className="speed" data-slot="speed-select">
      <span className="sr-only">Playback speed</span>
      <select value={playbackRate} onChange={(event) => choose(Number(event.currentTarget.value))}>
        {PLAYBACK_RATES.map((rate) => (
          <option key={rate} value={rate}>
            {rate}×
          </option>
        ))}
      </select>
    </label>
  );
}
