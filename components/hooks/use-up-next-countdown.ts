"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { nextInQueue, type QueuedArticle } from "@/client/library/up-next";
import { handOverTo, readAutoplayNext, readQueue, recordHeard, unqueueArticle } from "./use-up-next";

// Long enough to reach for the phone and cancel, short enough not to feel like a stall.
export const UP_NEXT_COUNTDOWN_MS = 5000;
const TICK_MS = 250;

/**
 * When an article ends: marks it heard, and — unless the reader turned autoplay off or the sleep timer ends
 * with this article — counts down to the next queued one and opens it (it starts on arrival).
 */
export function useUpNextCountdown(articleId: string) {
  const router = useRouter();
  const [pending, setPending] = useState<{ next: QueuedArticle; endsAt: number } | null>(null);
  const [secondsLeft, setSecondsLeft] = useState(0);

  const go = useCallback(
    (next: QueuedArticle) => {
      setPending(null);
      unqueueArticle(next.id);
      handOverTo(next.id);
      router.push(`/read/${next.id}`);
    },
    [router],
  );

  const ended = useCallback(
    ({ stopHere }: { stopHere: boolean }) => {
      recordHeard(articleId, 1);
      const next = nextInQueue(readQueue(), articleId);
      if (stopHere || !next || !readAutoplayNext()) return;
      setSecondsLeft(Math.ceil(UP_NEXT_COUNTDOWN_MS / 1000));
      setPending({ next, endsAt: Date.now() + UP_NEXT_COUNTDOWN_MS });
    },
    [articleId],
  );

  useEffect(() => {
    if (!pending) return;
    const interval = window.setInterval(() => {
      const left = pending.endsAt - Date.now();
      if (left <= 0) go(pending.next);
      else setSecondsLeft(Math.ceil(left / 1000));
    }, TICK_MS);
    return () => window.clearInterval(interval);
  }, [pending, go]);

  const cancel = useCallback(() => setPending(null), []);
  const playNow = useCallback(() => {
    if (pending) go(pending.next);
  }, [pending, go]);

  return { next: pending?.next ?? null, secondsLeft, ended, cancel, playNow };
}
