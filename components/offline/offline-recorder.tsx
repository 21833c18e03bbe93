"use client";

import { useEffect } from "react";
import { useArticleRoot } from "@/components/article/article-root";
import { extractTTSText } from "@/lib/dom/extract-text";
import type { Tier } from "@/lib/voices";
import { noteListened } from "./offline-library";

/**
 * On the reader page: when the reader leaves (back to the library, or the tab goes), an article whose audio
 * the player has stored is noted as available offline, and its page is kept for it.
 */
export function OfflineRecorder({ id, title, tier, lang }: { id: string; title: string; tier: Tier; lang: string }) {
  const article = useArticleRoot();
  useEffect(() => {
    if (!article) return;
    // Read now, before the highlighter and the reader's highlights edit the element (the text stays the same).
    const text = extractTTSText(article);
    const note = () => void noteListened({ id, title, text, tier, lang }).catch(() => undefined);
    window.addEventListener("pagehide", note);
    return () => {
      window.removeEventListener("pagehide", note);
      note();
    };
  }, [article, id, title, tier, lang]);
  return null;
}
