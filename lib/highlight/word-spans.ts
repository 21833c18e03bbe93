// Wraps each word of an article in <span data-tts-idx="N"> and undoes it exactly. Every text node that holds
// a word is swapped for a fragment of new nodes (text, span, text, ...) and kept aside, untouched; unwrapping
// swaps the original node back in, so the article's DOM, node identity included, is what it was before.
import type { WordPosition } from "../dom/extract-text";
import { WORD_STATE_CLASS, applyWordStateChange, type WordState } from "./word-states";

interface Swap {
  original: Text;
  replacement: Node[];
}

export interface WrappedWords {
  /** spans per word index (usually one; more when a word crosses an inline element; none when cleaning made it) */
  spans: HTMLElement[][];
  /** how many spans exist in total */
  spanCount: number;
  /** current word index as last set; -1 before the first */
  current: number;
  setCurrent(next: number): void;
  /** true while every span is still in the document (false once something replaced the article DOM) */
  isIntact(): boolean;
  unwrap(): void;
}

export const WORD_INDEX_ATTRIBUTE = "data-tts-idx";

export function wrapWords(words: readonly WordPosition[]): WrappedWords {
  const byNode = new Map<Text, Array<{ start: number; end: number; idx: number }>>();
  words.forEach((word, idx) => {
    for (const range of word.ranges) {
      let list = byNode.get(range.node);
      if (!list) byNode.set(range.node, (list = []));
      list.push({ start: range.start, end: range.end, idx });
    }
  });

  const spans: HTMLElement[][] = Array.from({ length: words.length }, () => []);
  const swaps: Swap[] = [];
  let spanCount = 0;
  for (const [node, ranges] of byNode) {
    const parent = node.parentNode;
    if (!parent) continue;
    const doc = node.ownerDocument;
    const data = node.data;
    const fragment = doc.createDocumentFragment();
    let pos = 0;
    for (const { start, end, idx } of ranges) {
      if (start > pos) fragment.appendChild(doc.createTextNode(data.slice(pos, start)));
      const span = doc.createElement("span");
      span.setAttribute(WORD_INDEX_ATTRIBUTE, String(idx));
      span.className = WORD_STATE_CLASS.unspoken;
      span.textContent = data.slice(start, end);
      fragment.appendChild(span);
      spans[idx].push(span);
      spanCount++;
      pos = end;
    }
    if (pos < data.length) fragment.appendChild(doc.createTextNode(data.slice(pos)));
    const replacement = Array.from(fragment.childNodes);
    parent.replaceChild(fragment, node);
    swaps.push({ original: node, replacement });
  }

  const setState = (idx: number, state: WordState) => {
    const className = WORD_STATE_CLASS[state];
    for (const span of spans[idx]) span.className = className;
  };

  const wrapped: WrappedWords = {
    spans,
    spanCount,
    current: -1,
    setCurrent(next) {
      applyWordStateChange(wrapped.current, next, spans.length, setState);
      wrapped.current = next;
    },
    isIntact() {
      return swaps.every((s) => s.replacement.every((n) => n.isConnected));
    },
    unwrap() {
      for (const { original, replacement } of swaps) {
        const first = replacement[0];
        const parent = first?.parentNode;
        if (!parent) continue;
        parent.insertBefore(original, first);
        for (const n of replacement) n.parentNode?.removeChild(n);
      }
      swaps.length = 0;
    },
  };
  return wrapped;
}
