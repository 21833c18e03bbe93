"use client";

import { useCallback, useEffect, useState } from "react";
import { asListeningPosition, latestPosition, positionKey, type ListeningPosition } from "@/lib/positions/listening-position";
import type { Tier } from "@/lib/voices";
import { preferredVoice } from "@/client/listening/preferred-voice";
import { useLatestRef } from "./use-latest-ref";

const STORAGE_PREFIX = "listen:position:";

function readStored(key: string): ListeningPosition | null {
  try {
    const json = localStorage.getItem(STORAGE_PREFIX + key);
    return json ? asListeningPosition(JSON.parse(json)) : null;
  } catch {
    // Storage off, or a value from an older version: nothing to offer.
    return null;
  }
}

function positionUrl(key: string): string {
  return `/api/positions/${encodeURIComponent(key)}`;
}

async function fetchServerPosition(key: string, signal: AbortSignal): Promise<ListeningPosition | null> {
  const res = await fetch(positionUrl(key), { signal, cache: "no-store" });
  return res.ok ? asListeningPosition(await res.json()) : null;
}

export interface ListeningPositionOptions {
  articleId: string;
  tier: Tier;
  /** signed in: positions also go to the API, so they follow the reader to another device */
  signedIn: boolean;
  /** the article's language: positions are kept per voice, and its voices speak it */
  lang?: string;
}

/**
 * Where the reader stopped in this article ("Continue from"): the offer to continue, read once per visit from
 * the browser and, for signed-in readers, the API (the later of the two wins); and `save`, which writes both.
 */
export function useListeningPosition({ articleId, tier, signedIn, lang }: ListeningPositionOptions) {
  const [offer, setOffer] = useState<ListeningPosition | null>(null);
  const latest = useLatestRef({ signedIn });

  useEffect(() => {
    const key = positionKey(articleId, preferredVoice(tier, lang));
    const controller = new AbortController();
    const local = readStored(key);
    // Read after mount: localStorage does not exist while the server renders.
    queueMicrotask(() => {
      if (!controller.signal.aborted) setOffer(local);
    });
    if (signedIn) {
      fetchServerPosition(key, controller.signal)
        .then((remote) => {
          if (!controller.signal.aborted) setOffer(latestPosition(local, remote));
        })
        .catch(() => undefined);
    }
    return () => controller.abort();
  }, [articleId, tier, signedIn, lang]);

  const save = useCallback(
    (position: ListeningPosition) => {
      const key = positionKey(articleId, position.voice);
      try {
        localStorage.setItem(STORAGE_PREFIX + key, JSON.stringify(position));
      } catch {
        // Storage full or off: the API copy (signed in) or nothing.
      }
      if (!latest.current.signedIn) return;
      // keepalive: the last save is often made as the page goes away (pagehide, closing the tab).
      void fetch(positionUrl(key), {
        method: "PUT",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(position),
        keepalive: true,
      }).catch(() => undefined);
    },
    [articleId, latest],
  );

  const dismiss = useCallback(() => setOffer(null), []);

  return { offer, save, dismiss };
}
