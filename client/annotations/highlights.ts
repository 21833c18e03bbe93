// A reader's own highlights on an article, kept in localStorage per article. A highlight is a stretch of the
// article's text by character offsets (over all its text nodes, in document order), which the TTS word spans
// never change: wrapping splits text nodes but keeps their text.

export interface Highlight {
  id: string;
  start: number;
  end: number;
  /** the highlighted text when made; a highlight whose text no longer matches is not restored */
  text: string;
}

export const MAX_HIGHLIGHTS = 500;
const MAX_TEXT = 10_000;

function isHighlight(v: unknown): v is Highlight {
  if (typeof v !== "object" || v === null) return false;
  const h = v as Record<string, unknown>;
  return (
    typeof h.id === "string" &&
    /^[\w-]{1,64}$/.test(h.id) &&
    Number.isInteger(h.start) &&
    Number.isInteger(h.end) &&
    (h.start as number) >= 0 &&
    (h.end as number) > (h.start as number) &&
    typeof h.text === "string" &&
    h.text.length <= MAX_TEXT
  );
}

/** The valid highlights in a stored value (anything else is dropped, never thrown on). */
export function parseHighlights(stored: unknown): Highlight[] {
  return Array.isArray(stored) ? stored.filter(isHighlight).slice(0, MAX_HIGHLIGHTS) : [];
}

/** Adds a highlight; ones it overlaps are merged into it, so marks never nest. */
export function addHighlight(list: readonly Highlight[], next: Highlight, textOf: (start: number, end: number) => string): Highlight[] {
  let { start, end } = next;
  const kept: Highlight[] = [];
  for (const h of list) {
    if (h.start < end && h.end > start) {
      start = Math.min(start, h.start);
      end = Math.max(end, h.end);
    } else kept.push(h);
  }
  const merged = { id: next.id, start, end, text: textOf(start, end) };
  return [...kept, merged].sort((a, b) => a.start - b.start).slice(0, MAX_HIGHLIGHTS);
}

export function highlightsKey(articleId: string): string {
  return `listen:highlights:${articleId}`;
}
