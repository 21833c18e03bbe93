"use client";

import "./up-next-countdown.css";

interface UpNextCountdownProps {
  title: string;
  secondsLeft: number;
  onPlayNow: () => void;
  onCancel: () => void;
}

/** "Up next in 5 s": the next queued article, with a way to go now or stay. */
export function UpNextCountdown({ title, secondsLeft, onPlayNow, onCancel }: UpNextCountdownProps) {
  return (
    <div className="up-next" data-slot="up-next" role="group" aria-label="Up next">
      <p className="up-next__text" role="status">
        Up next in {secondsLeft} s: <strong>{title}</strong>
      </p>
      <div className="up-next__actions">
        <button type="button" className="pill-button" data-slot="up-next-play" onClick={onPlayNow}>
          Play now
        </button>
        <button type="button" className="pill-button pill-button--ghost" data-slot="up-next-cancel" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
