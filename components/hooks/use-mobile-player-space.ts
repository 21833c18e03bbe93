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

/** While `open` on a small screen: 180 px more bottom padding on `[data-mobile-scroll]`, removed on close. */
export function useMobilePlayerSpace(open: boolean) {
  useEffect(() => {
    if (!open || !window.matchMedia(MOBILE_QUERY).matches) return;
    const container = document.querySelector<HTMLElement>("[data-mobile-scroll]");
    if (!container) return;
    const inline = container.style.paddingBottom;
    const base = parseFloat(getComputedStyle(container).paddingBottom) || 0;
    container.style.paddingBottom = `${base + PLAYER_SPACE_PX}px`;
    // The reader scrolls the window; a layout that scrolls the container itself gets the same nudge.
    (scrolls(container) ? container : window).scrollBy({ top: REVEAL_SCROLL_PX, behavior: "smooth" });
    return () => {
      container.style.paddingBottom = inline;
    };
  }, [open]);
}
