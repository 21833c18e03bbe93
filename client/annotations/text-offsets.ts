// Character offsets over an element's text nodes, and the <mark> elements that show a highlight. DOM only,
// no framework: the hook that restores highlights and the tests drive these directly.
import type { Highlight } from "./highlights";

export const HIGHLIGHT_ATTRIBUTE = "data-highlight-id";

function textNodes(root: Node): Text[] {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return nodes;
}

export function fullText(root: Node): string {
  return textNodes(root)
    .map((n) => n.data)
    .join("");
}

/** Offsets of a range inside `root`, or null when the range is not (entirely) inside it. */
export function rangeToOffsets(root: Node, range: Range): { start: number; end: number } | null {
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const measure = root.ownerDocument!.createRange();
  measure.selectNodeContents(root);
  measure.setEnd(range.startContainer, range.startOffset);
  const start = measure.toString().length;
  const end = start + range.toString().length;
  return end > start ? { start, end } : null;
}

interface Segment {
  node: Text;
  start: number;
  end: number;
}

function segmentsOf(root: Node, start: number, end: number): Segment[] {
  const segments: Segment[] = [];
  let pos = 0;
  for (const node of textNodes(root)) {
    const from = pos;
    pos += node.data.length;
    if (pos <= start) continue;
    if (from >= end) break;
    const s = Math.max(start - from, 0);
    const e = Math.min(end - from, node.data.length);
    // Whitespace between blocks (a list's newlines) cannot hold a <mark>.
    if (e > s && node.data.slice(s, e).trim()) segments.push({ node, start: s, end: e });
  }
  return segments;
}

export function isApplied(root: ParentNode, id: string): boolean {
  return root.querySelector(`mark[${HIGHLIGHT_ATTRIBUTE}="${CSS.escape(id)}"]`) !== null;
}

/** Wraps the highlight's text in <mark data-highlight-id> elements (one per text node it crosses). Returns
 * false, changing nothing, when the article's text there is no longer what was highlighted. */
export function applyHighlight(root: Node, highlight: Highlight): boolean {
  if (fullText(root).slice(highlight.start, highlight.end) !== highlight.text) return false;
  const doc = root.ownerDocument!;
  for (const { node, start, end } of segmentsOf(root, highlight.start, highlight.end)) {
    let target = node;
    if (start > 0) target = target.splitText(start);
    if (end - start < target.data.length) target.splitText(end - start);
    const mark = doc.createElement("mark");
    mark.setAttribute(HIGHLIGHT_ATTRIBUTE, highlight.id);
    target.parentNode!.insertBefore(mark, target);
    mark.appendChild(target);
  }
  return true;
}

/** Takes the highlight's marks out, leaving their text where it was (split text nodes joined again). */
export function removeHighlight(root: ParentNode, id: string): void {
  for (const mark of root.querySelectorAll(`mark[${HIGHLIGHT_ATTRIBUTE}="${CSS.escape(id)}"]`)) {
    const parent = mark.parentNode!;
    while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
    parent.removeChild(mark);
    parent.normalize();
  }
}
