"use client";

import { useTranscriptViewerContext } from "@/components/ui/transcript-viewer";
import "./speed-select.css";

// Audio is generated at 1.0×; the browser changes speed (spec: "Browser playback rate for speed").
export const PLAYBACK_RATES = [0.5, 0.75, 1, 1.25, 1.5, 1.75, 2, 2.5, 3] as const;

export function SpeedSelect() {
  const { playbackRate, setPlaybackRate } = useTranscriptViewerContext();
  return (
    <label className="speed" data-slot="speed-select">
      <span className="sr-only">Playback speed</span>
      <select value={playbackRate} onChange={(event) => setPlaybackRate(Number(event.currentTarget.value))}>
        {PLAYBACK_RATES.map((rate) => (
          <option key={rate} value={rate}>
            {rate}×
          </option>
        ))}
      </select>
    </label>
  );
}
