"use client";

import { useCallback, useEffect, useRef, type RefObject } from "react";
import { followOffset, isInside, readingArea } from "@/client/highlight/reading-area";
import { createScrollOrigin, OWN_SCROLL_MS } from "@/client/highlight/scroll-origin";
import { useLatestRef } from "./use-latest-ref";

/** Marks what is drawn over the article (the player, the toolbar, the phone's bottom bar): text under it is hidden. */
export const COVERS_READING_ATTRIBUTE = "data-covers-reading";
// Room kept between the lit word and the edges of the reading area: about two lines of text.
const FOLLOW_MARGIN_PX = 64;
// Keys that scroll the page (Space too, where the player does not take it for play and pause).
const SCROLL_KEYS = new Set(["ArrowUp", "ArrowDown", "PageUp", "PageDown", "Home", "End", " "]);

export interface UseFollowLitWordOptions {
  /** the article, whose column the covers are measured against */
  root: HTMLElement | null;
  /** the lit word's element, kept by the highlighter */
  litRef: RefObject<Element | null>;
  /** from the viewer: whether to follow, and how to say the reader scrolled away */
  following: boolean;
  stopFollowing: () => void;
}

function editable(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

/**
 * Keeps the lit word in the reading area (the window less what is drawn over the article) while the viewer says to
 * follow, and tells it when the reader scrolls the page themselves. Returns the function the highlighter calls
 * each time the lit word changes.
 */
export function useFollowLitWord({ root, litRef, following, stopFollowing }: UseFollowLitWordOptions): () => void {
  const latest = useLatestRef({ following, stopFollowing });
  const keepRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!root) return;
    const origin = createScrollOrigin({ now: () => performance.now() });
    // A smooth scroll of ours still on its way: the word moving inside the area does not restart it.
    let landing: { to: number; until: number } | null = null;
    const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)");

    const keep = () => {
      const word = litRef.current;
      if (!latest.current.following || !word || !word.isConnected) return;
      const box = word.getBoundingClientRect();
      const covers = [...document.querySelectorAll(`[${COVERS_READING_ATTRIBUTE}]`)].map((cover) => cover.getBoundingClientRect());
      const area = readingArea(window.innerHeight, root.getBoundingClientRect(), covers);
      const inside = isInside(box, area);
      if (inside && landing && performance.now() < landing.until && Math.abs(window.scrollY - landing.to) > 1) return;
      const offset = followOffset(box, area, FOLLOW_MARGIN_PX);
      if (offset === 0) return;
      const from = window.scrollY;
      const to = Math.min(Math.max(from + offset, 0), document.documentElement.scrollHeight - window.innerHeight);
      if (Math.abs(to - from) < 1) return;
      origin.ours(from, to);
      // A word still in sight glides up; one out of sight (a seek, the player grown over it) is shown at once.
      const smooth = inside && !reducedMotion.matches;
      landing = smooth ? { to, until: performance.now() + OWN_SCROLL_MS } : null;
      window.scrollTo({ top: to, behavior: smooth ? "smooth" : "instant" });
    };
    keepRef.current = keep;

    // The wheel, or a finger moving on the page (a tap alone scrolls nothing: it may land on the player mid-way
    // through a scroll of ours).
    const onInput = () => origin.readerInput();
    const onKey = (event: KeyboardEvent) => {
      if (SCROLL_KEYS.has(event.key) && !editable(event.target)) origin.readerInput();
    };
    // A press on the window's own scrollbar (the gutter right of the page's content).
    const onPointer = (event: PointerEvent) => {
      if (event.clientX >= document.documentElement.clientWidth) origin.readerInput();
    };
    const onScroll = () => {
      if (!latest.current.following) return;
      if (origin.isReaders(window.scrollY)) {
        landing = null;
        latest.current.stopFollowing();
      }
    };
    // The player grown (expanded on a phone), the window resized: the word may be under something now.
    const resized = new ResizeObserver(() => keep());
    for (const cover of document.querySelectorAll(`[${COVERS_READING_ATTRIBUTE}]`)) resized.observe(cover);

    window.addEventListener("wheel", onInput, { passive: true });
    window.addEventListener("touchmove", onInput, { passive: true });
    window.addEventListener("keydown", onKey);
    window.addEventListener("pointerdown", onPointer);
    window.addEventListener("scroll", onScroll, { passive: true });
    window.addEventListener("resize", keep);
    return () => {
      keepRef.current = () => undefined;
      resized.disconnect();
      window.removeEventListener("wheel", onInput);
      window.removeEventListener("touchmove", onInput);
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("pointerdown", onPointer);
      window.removeEventListener("scroll", onScroll);
      window.removeEventListener("resize", keep);
    };
  }, [root, litRef, latest]);

  // Following again ("Back to the current word", a seek, a new Listen): show the lit word now.
  useEffect(() => {
    if (following) keepRef.current();
  }, [following]);

  return useCallback(() => keepRef.current(), []);
}
