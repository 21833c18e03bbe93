"use client";

import { useEffect, useState } from "react";
import { HIGHLIGHT_ATTRIBUTE } from "@/client/annotations/text-offsets";
import { HeadphonesIcon, HighlighterIcon } from "@/components/ui/icons";
import "./highlight-popover.css";

interface HighlightPopoverProps {
  root: HTMLElement | null;
  onHighlight: (range: Range) => boolean;
  onRemove: (id: string) => void;
  /** "Listen from here": plays from the word the selection starts in */
  onListenFrom?: (range: Range) => void;
}

// Half the popover's width with both of its buttons: it stays on screen near either edge.
const POPOVER_HALF_WIDTH = 150;

interface Anchor {
  top: number;
  left: number;
  range: Range;
  /** the highlight the selection sits inside, if any: then the action removes it */
  within: string | null;
}

function selectionAnchor(root: HTMLElement): Anchor | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.commonAncestorContainer)) return null;
  const container = range.commonAncestorContainer;
  const element = container instanceof Element ? container : container.parentElement;
  const within = element?.closest(`mark[${HIGHLIGHT_ATTRIBUTE}]`)?.getAttribute(HIGHLIGHT_ATTRIBUTE) ?? null;
  if (selection.isCollapsed && !within) return null;
  if (!selection.isCollapsed && !range.toString().trim()) return null;
  const rect = range.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return null;
  return {
    top: Math.max(rect.top - 48, 8),
    left: Math.min(Math.max(rect.left + rect.width / 2, POPOVER_HALF_WIDTH), window.innerWidth - POPOVER_HALF_WIDTH),
    range: range.cloneRange(),
    within,
  };
}

/**
 * Small buttons over selected article text: "Highlight" (or "Remove highlight" inside one; H does the same) and
 * "Listen from here".
 */
export function HighlightPopover({ root, onHighlight, onRemove, onListenFrom }: HighlightPopoverProps) {
  const [anchor, setAnchor] = useState<Anchor | null>(null);

  useEffect(() => {
    if (!root) return;
    let frame = 0;
    const onSelectionChange = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => setAnchor(selectionAnchor(root)));
    };
    document.addEventListener("selectionchange", onSelectionChange);
    // While listening, the page scrolls itself to follow the voice: the popover follows the selection rather
    // than vanishing under the reader's cursor (which also left H with nothing to act on).
    window.addEventListener("scroll", onSelectionChange, { passive: true });
    return () => {
      cancelAnimationFrame(frame);
      document.removeEventListener("selectionchange", onSelectionChange);
      window.removeEventListener("scroll", onSelectionChange);
    };
  }, [root]);

  const act = (current: Anchor) => {
    if (current.within && current.range.collapsed) onRemove(current.within);
    else onHighlight(current.range);
    window.getSelection()?.removeAllRanges();
    setAnchor(null);
  };

  // H: highlight the selection (the keyboard way to reach the button).
  useEffect(() => {
    if (!anchor) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() !== "h" || event.metaKey || event.ctrlKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target?.matches?.("input, textarea, select, [contenteditable]")) return;
      event.preventDefault();
      act(anchor);
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  });

  if (!anchor) return null;
  const removing = anchor.within !== null && anchor.range.collapsed;
  return (
    <div className="highlight-popover" style={{ top: anchor.top, left: anchor.left }} data-slot="highlight-popover">
      <button
        type="button"
        className="highlight-popover__button"
        data-slot={removing ? "highlight-remove" : "highlight-create"}
        aria-keyshortcuts="H"
        // Keep the selection: a mousedown on the button would otherwise collapse it before the click.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => act(anchor)}
      >
        <HighlighterIcon width={16} height={16} />
        {removing ? "Remove highlight" : "Highlight"}
      </button>
      {onListenFrom && !removing && (
        <button
          type="button"
          className="highlight-popover__button"
          data-slot="listen-from-here"
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => {
            onListenFrom(anchor.range);
            window.getSelection()?.removeAllRanges();
            setAnchor(null);
          }}
        >
          <HeadphonesIcon width={16} height={16} />
          Listen from here
        </button>
      )}
    </div>
  );
}
