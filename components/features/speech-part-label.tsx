"use client";

import type { PartInfo } from "@/client/listening/session-state";
import "./speech-part-label.css";

/** An article too long for one listen plays in parts: which one this is, and the one queued after it. */
export function SpeechPartLabel({ part }: { part: PartInfo }) {
  const last = part.index + 1 >= part.count;
  return (
    <p className="speech-part" data-slot="speech-part" data-part={part.index + 1} data-parts={part.count} role="status">
      Part {part.index + 1} of {part.count}
      {!last && <span className="speech-part__next"> · Up next: part {part.index + 2}</span>}
    </p>
  );
}
