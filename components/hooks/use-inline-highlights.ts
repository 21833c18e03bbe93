"use client";

import { useCallback, useEffect, useRef } from "react";
import type { ArticleDomEdits } from "@/client/annotations/article-dom-edits";
import { addHighlight, highlightsKey, parseHighlights, type Highlight } from "@/client/annotations/highlights";
import { applyHighlight, fullText, isApplied, rangeToOffsets, removeHighlight } from "@/client/annotations/text-offsets";

// DOM changes are gathered for 150 ms before highlights are restored.
const RESTORE_DEBOUNCE_MS = 150;
/** User Timing mark for each time highlights are put back into the DOM (tests count them to catch loops). */
export const RESTORE_MARK = "listen:highlights-restore";

function loadHighlights(articleId: string): Highlight[] {
  try {
    return parseHighlights(JSON.parse(localStorage.getItem(highlightsKey(articleId)) ?? "[]"));
  } catch {
    return [];
  }
}

function saveHighlights(articleId: string, list: Highlight[]) {
  try {
    localStorage.setItem(highlightsKey(articleId), JSON.stringify(list));
  } catch {
    // Storage off or full: the highlight shows for this visit only.
  }
}

function newId(): string {
  return typeof crypto.randomUUID === "function" ? crypto.randomUUID() : `h${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}

/**
 * The reader's own highlights on the article: kept in localStorage per article, drawn as
 * `<mark data-highlight-id>`, and put back by a MutationObserver when the article DOM loses them — except
 * for the TTS highlighter's span wrapping (`edits.isWrapping()`), which never removes a mark.
 */
export function useInlineHighlights(root: HTMLElement | null, edits: ArticleDomEdits, articleId: string) {
  const listRef = useRef<Highlight[]>([]);

  const restore = useCallback(() => {
    if (!root) return;
    const missing = listRef.current.filter((h) => !isApplied(root, h.id));
    if (missing.length === 0) return;
    performance.mark(RESTORE_MARK);
    edits.edit(() => {
      for (const h of missing) applyHighlight(root, h);
    });
  }, [root, edits]);

  useEffect(() => {
    if (!root) return;
    listRef.current = loadHighlights(articleId);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new MutationObserver(() => {
      if (edits.isWrapping()) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        if (edits.isWrapping()) return;
        restore();
        observer.takeRecords();
      }, RESTORE_DEBOUNCE_MS);
    });
    restore();
    observer.observe(root, { childList: true, subtree: true, characterData: true });
    return () => {
      clearTimeout(timer);
      observer.disconnect();
    };
  }, [root, edits, articleId, restore]);

  const update = useCallback(
    (next: Highlight[], edit: () => void) => {
      listRef.current = next;
      saveHighlights(articleId, next);
      edits.edit(edit);
    },
    [articleId, edits],
  );

  /** Highlights the range (merging any highlight it overlaps); false when it is not inside the article. */
  const create = useCallback(
    (range: Range): boolean => {
      if (!root) return false;
      const offsets = rangeToOffsets(root, range);
      if (!offsets) return false;
      const text = fullText(root);
      const previous = listRef.current;
      const next = addHighlight(previous, { id: newId(), ...offsets, text: text.slice(offsets.start, offsets.end) }, (s, e) => text.slice(s, e));
      const merged = previous.filter((h) => !next.includes(h));
      const added = next.filter((h) => !previous.includes(h));
      update(next, () => {
        for (const h of merged) removeHighlight(root, h.id);
        for (const h of added) applyHighlight(root, h);
      });
      return true;
    },
    [root, update],
  );

  const remove = useCallback(
    (id: string) => {
      if (!root) return;
      update(
        listRef.current.filter((h) => h.id !== id),
        () => removeHighlight(root, id),
      );
    },
    [root, update],
  );

  return { create, remove };
}
