"use client";

import { useEffect } from "react";

// Room under the article for the floating player, so its last words can be scrolled
// above it (on a desktop too, where the docked player covers the bottom of the window as well). Bringing the lit word out from under the player is the follow's work (use-follow-lit-word.ts), which
// knows its own scrolls from the reader's: a scroll here would look like the reader's and stop it.
export const MOBILE_QUERY = "(max-width: 640px)";
const PLAYER_SPACE_PX = 180;

/** While `open`: room for the player (≥ 180 px) under `[data-mobile-scroll]`, removed on close. */
export function usePlayerSpace(open: boolean) {
  useEffect(() => {
    if (!open) return;
    const container = document.querySelector<HTMLElement>("[data-mobile-scroll]");
    if (!container) return;
    const inline = container.style.paddingBottom;
    const base = parseFloat(getComputedStyle(container).paddingBottom) || 0;
    // At least the 180 px reader.css keeps for the open player, and as much as the player is tall once its controls are in (it grows when the
    // audio arrives), so the article's last words can still be scrolled above it.
    const dock = document.querySelector<HTMLElement>('[data-slot="transcript-viewer-root"]');
    const fit = () => {
      const room = Math.max(PLAYER_SPACE_PX, Math.ceil(dock?.getBoundingClientRect().height ?? 0) + 16);
      container.style.paddingBottom = `${base + room}px`;
    };
    fit();
    const resized = dock ? new ResizeObserver(fit) : null;
    if (dock) resized?.observe(dock);
    return () => {
      resized?.disconnect();
      container.style.paddingBottom = inline;
    };
  }, [open]);
}
