"use client";

import { useEffect, useRef } from "react";
import type { ArticleDomEdits } from "@/client/annotations/article-dom-edits";
import { conversationWordPositions } from "@/client/dom/article-conversation";
import { buildWordPositions } from "@/lib/dom/extract-text";
import { alignToDomIdx, domToAlignIdx } from "@/client/highlight/index-map";
import { WORD_INDEX_ATTRIBUTE, wrapWords, type WrappedWords } from "@/client/highlight/word-spans";
import type { TranscriptWord } from "@/client/transcript/compose-segments";
import type { WordIndexListener } from "./use-transcript-viewer";
import { useFollowLitWord } from "./use-follow-lit-word";
import { useLatestRef } from "./use-latest-ref";

export interface UseTTSHighlightOptions {
  /** the article container (`[data-article-content]`); null leaves the page alone */
  root: HTMLElement | null;
  /** shared with the reader's highlights, which must tell our span wrapping from their own edits */
  edits: ArticleDomEdits;
  /** alignment words; highlighting is active while there are any */
  words: readonly TranscriptWord[];
  /** true while the alignment is still growing (a stream): the words so far are the first of the DOM's */
  partial: boolean;
  subscribeWordIndex: (listener: WordIndexListener) => () => void;
  /** seeks to an alignment word and plays (waiting for it when it has not arrived) */
  seekToWord: (index: number) => void;
  /** the audio is the article read as a conversation: its labels are not spoken, so they get no span */
  skipLabels?: boolean;
  /** the audio is one part of a long article: it speaks `count` of the page's words from `first` (a click elsewhere goes to `onElsewhere`) */
  part?: { first: number; count: number; onElsewhere: (domIndex: number) => void } | null;
  /** from the viewer: whether the lit word is kept in view, and how to say the reader scrolled away */
  follow: { following: boolean; stopFollowing: () => void };
}

// `?tts-profile` records each frame's highlight update as a User Timing measure (used by the benchmark).
const PROFILE_MEASURE = "tts:highlight-frame";

export function useTTSHighlight({
  root,
  edits,
  words,
  partial,
  subscribeWordIndex,
  seekToWord,
  skipLabels = false,
  part = null,
  follow,
}: UseTTSHighlightOptions) {
  const latest = useLatestRef({ words, partial, seekToWord, part });
  const active = words.length > 0;
  // The lit word stays clear of the player, the toolbar and the bottom bar.
  const litRef = useRef<Element | null>(null);
  const keepInView = useFollowLitWord({ root, litRef, ...follow });

  useEffect(() => {
    if (!root || !active) return;
    const profile = new URLSearchParams(window.location.search).has("tts-profile");
    let wrapped: WrappedWords | null = null;
    let alignIdx = -1;

    const observer = new MutationObserver(() => {
      if (wrapped && !wrapped.isIntact()) rewrap();
    });
    const observe = () => observer.observe(root, { childList: true, subtree: true, characterData: true });

    const wrap = () => {
      edits.markWrapping();
      performance.mark("tts:wrap-start");
      // Labels are found again on every wrap, on the DOM as it is now, by the same detection the request used.
      wrapped = wrapWords(skipLabels ? conversationWordPositions(root) : buildWordPositions(root).words);
      performance.measure("tts:wrap-words", "tts:wrap-start");
      if (alignIdx >= 0) wrapped.setCurrent(toDom(alignIdx));
      litRef.current = litSpan();
      observer.takeRecords();
    };
    // The article DOM was replaced under us (a re-render, an editor, an extension): start over on the new DOM.
    const rewrap = () => {
      edits.markWrapping();
      wrapped?.unwrap();
      wrap();
    };
    const editor = (edit: () => void) => {
      edits.markWrapping();
      wrapped?.unwrap();
      edit();
      wrap();
    };
    // A partial alignment is the start of the whole one, which has the DOM's word count: words map one to
    // one, and the proportional fallback (for counts that truly differ) must not stretch the part that arrived.
    // A part's audio speaks its own stretch of the spans: word n of it is span `first + n`.
    const first = () => latest.current.part?.first ?? 0;
    const domCount = () => (wrapped ? (latest.current.part?.count ?? wrapped.spans.length) : 0);
    const alignCount = () => (latest.current.partial && wrapped ? domCount() : latest.current.words.length);
    const toDom = (idx: number) => (wrapped && idx >= 0 ? first() + alignToDomIdx(idx, alignCount(), domCount()) : -1);

    const litSpan = () => (wrapped && wrapped.current >= 0 ? (wrapped.spans[wrapped.current]?.[0] ?? null) : null);
    const showCurrent = () => {
      litRef.current = litSpan();
      keepInView();
    };

    const onWordIndex: WordIndexListener = (idx) => {
      alignIdx = idx;
      if (!wrapped) return;
      const start = profile ? performance.now() : 0;
      wrapped.setCurrent(toDom(idx));
      if (profile) performance.measure(PROFILE_MEASURE, { start, end: performance.now() });
      showCurrent();
    };

    const onClick = (event: MouseEvent) => {
      const target = (event.target as Element | null)?.closest?.(`[${WORD_INDEX_ATTRIBUTE}]`);
      if (!wrapped || !target || !root.contains(target)) return;
      const selection = window.getSelection();
      if (selection && !selection.isCollapsed) return;
      const domIdx = Number(target.getAttribute(WORD_INDEX_ATTRIBUTE));
      const elsewhere = latest.current.part && (domIdx < first() || domIdx >= first() + domCount());
      if (elsewhere) return latest.current.part?.onElsewhere(domIdx);
      const idx = domToAlignIdx(domIdx - first(), domCount(), alignCount());
      if (idx < 0) return;
      // Light the clicked word now, before the audio catches up (the click feels instant).
      wrapped.setCurrent(domIdx);
      litRef.current = target;
      latest.current.seekToWord(idx);
    };
    wrap();
    observe();
    const uninstallEditor = edits.installEditor(editor);
    const unsubscribe = subscribeWordIndex(onWordIndex);
    root.addEventListener("click", onClick);
    return () => {
      unsubscribe();
      root.removeEventListener("click", onClick);
      observer.disconnect();
      uninstallEditor();
      edits.markWrapping();
      wrapped?.unwrap();
      wrapped = null;
      litRef.current = null;
    };
  }, [root, edits, active, subscribeWordIndex, latest, skipLabels, keepInView]);
}
