"use client";

import { useEffect, useRef } from "react";
import { useUpNextCountdown } from "@/components/hooks/use-up-next-countdown";
import { AutoplayNextToggle } from "./autoplay-next-toggle";
import { UpNextCountdown } from "./up-next-countdown";

interface UpNextControlsProps {
  articleId: string;
  /** how many times the article has been heard to its end (each one counts down to the next queued article) */
  endings: number;
  /** the sleep timer ends with this article: mark it heard, start nothing */
  stopHere: boolean;
}

/** Up next in the player: the autoplay setting, and the countdown to the next queued article once this one ends. */
export function UpNextControls({ articleId, endings, stopHere }: UpNextControlsProps) {
  const upNext = useUpNextCountdown(articleId);
  const { ended } = upNext;
  const seenRef = useRef(endings);
  useEffect(() => {
    if (endings === seenRef.current) return;
    seenRef.current = endings;
    ended({ stopHere });
  }, [endings, ended, stopHere]);
  return (
    <>
      <AutoplayNextToggle />
      {upNext.next && (
        <UpNextCountdown title={upNext.next.title} secondsLeft={upNext.secondsLeft} onPlayNow={upNext.playNow} onCancel={upNext.cancel} />
      )}
    </>
  );
}
