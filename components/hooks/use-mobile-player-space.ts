"use client";

import { useEffect } from "react";

// Spec: "Mobile auto-scroll" — room under the article for the floating player, and a nudge down so the text
// it just covered comes back into view.
export const MOBILE_QUERY = "(max-width: 640px)";
const PLAYER_SPACE_PX = 180;
const REVEAL_SCROLL_PX = 60;

function scrolls(element: HTMLElement): boolean {
  const overflow = getComputedStyle(element).overflowY;
  return (overflow === "auto" || overflow === "scroll") && element.scrollHeight > element.clientHeight;
}

/** While `open` on a small screen: room for the player (≥ 180 px) under `[data-mobile-scroll]`, removed on close. */
export function useMobilePlayerSpace(open: boolean) {
  useEffect(() => {
    if (!open || !window.matchMedia(MOBILE_QUERY).matches) return;
    const container = document.querySelector<HTMLElement>("[data-mobile-scroll]");
    if (!container) return;
    const inline = container.style.paddingBottom;
    const base = parseFloat(getComputedStyle(container).paddingBottom) || 0;
    // At least the spec's 180 px, and as much as the player is tall once its controls are in (it grows when the
    // audio arrives), so the article's last words can still be scrolled above it.
    const dock = document.querySelector<HTMLElement>('[data-slot="transcript-viewer-root"]');
    const fit = () => {
      const room = Math.max(PLAYER_SPACE_PX, Math.ceil(dock?.getBoundingClientRect().height ?? 0) + 16);
      container.style.paddingBottom = `${base + room}px`;
    };
    fit();
    const resized = dock ? new ResizeObserver(fit) : null;
    if (dock) resized?.observe(dock);
    // The reader scrolls the window; a layout that scrolls the container itself gets the same nudge.
    (scrolls(container) ? container : window).scrollBy({ top: REVEAL_SCROLL_PX, behavior: "smooth" });
    return () => {
      resized?.disconnect();
      container.style.paddingBottom = inline;
    };
  }, [open]);
}
