"use client";

import { useEffect, useState } from "react";
import "./tts-loading-progress.css";

// The API answers in one piece, so progress is an estimate from the text length: it eases towards 95% and
// never claims to be done before the audio arrives.
function estimatedProgress(elapsedMs: number, estimatedMs: number): number {
  return 0.95 * (1 - Math.exp((-2 * elapsedMs) / Math.max(estimatedMs, 1)));
}

export function TTSLoadingProgress({ startedAt, estimatedMs }: { startedAt: number; estimatedMs: number }) {
  const [now, setNow] = useState(startedAt);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  const elapsed = Math.max(0, now - startedAt);
  const percent = Math.round(estimatedProgress(elapsed, estimatedMs) * 100);
  const secondsLeft = Math.ceil((estimatedMs - elapsed) / 1000);
  return (
    <div className="player__loading" data-slot="tts-loading" role="status">
      <div className="player__loading-text">
        <span>Generating audio…</span>
        <span className="player__muted">{secondsLeft > 1 ? `about ${secondsLeft} s left` : "almost there"}</span>
      </div>
      <div className="progress" role="progressbar" aria-label="Generating audio" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
    </div>
  );
}
