"use client";

import { useEffect } from "react";
import { useLatestRef } from "./use-latest-ref";

export interface PlayerShortcutHandlers {
  /** the player is open and has audio */
  playerReady: boolean;
  toggleListening: () => void;
  togglePlay: () => void;
  seekBy: (seconds: number) => void;
  previousSentence: () => void;
  nextSentence: () => void;
}

const SKIP_SECONDS = 10;

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.matches("input, textarea, select, [contenteditable]");
}

// Controls that already answer these keys themselves (a focused button presses on Space, a slider and a
// listbox move on the arrows): the page-wide shortcut stays out of their way.
function handlesOwnKeys(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && target.closest("button, a[href], [role='listbox'], [role='option'], [role='slider'], [role='menu']") !== null
  );
}

/**
 * Keyboard shortcuts. L toggles listening anywhere but a text field; while the player is open, Space
 * plays and pauses, ←/→ skip 10 s and Shift+←/→ go to the previous or next sentence.
 */
export function usePlayerShortcuts(handlers: PlayerShortcutHandlers) {
  const latest = useLatestRef(handlers);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTextField(event.target)) return;
      const { playerReady, toggleListening, togglePlay, seekBy, previousSentence, nextSentence } = latest.current;
      if (event.key.toLowerCase() === "l") {
        if (event.repeat) return;
        event.preventDefault();
        toggleListening();
        return;
      }
      if (!playerReady || handlesOwnKeys(event.target)) return;
      if (event.key === " ") {
        event.preventDefault();
        if (!event.repeat) togglePlay();
      } else if (event.shiftKey && (event.key === "ArrowLeft" || event.key === "ArrowRight")) {
        event.preventDefault();
        if (event.key === "ArrowLeft") previousSentence();
        else nextSentence();
      } else if (event.key === "ArrowLeft" || event.key === "ArrowRight") {
        event.preventDefault();
        seekBy(event.key === "ArrowLeft" ? -SKIP_SECONDS : SKIP_SECONDS);
      }
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [latest]);
}
