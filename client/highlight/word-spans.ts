// Wraps each word of an article in <span data-tts-idx="N"> and undoes it exactly. Every text node that holds
// a word is swapped for a fragment of new nodes (text, span, text, ...) and kept aside, untouched; unwrapping
// swaps the original node back in, so the article's DOM, node identity included, is what it was before.
import type { WordPosition } from "@/lib/dom/extract-text";
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

const NO_SPANS: readonly HTMLElement[] = Object.freeze([]);

/** The replacement being built for one text node. */
interface Pending {
  node: Text;
  fragment: DocumentFragment;
  replacement: Node[];
  /** how much of node.data is already in the fragment */
  pos: number;
}

export function wrapWords(words: readonly WordPosition[]): WrappedWords {
  const spans = new Array<HTMLElement[]>(words.length);
  const swaps: Swap[] = [];
  let spanCount = 0;

  // Words come in text order and so do their ranges, so each text node's ranges are consecutive: build one
  // node's replacement while walking and swap it in when the walk reaches the next node. One pass, no lookup
  // tables, no layout reads; every span is a shallow clone of a template that already carries its class.
  let template: HTMLElement | null = null;
  let pending = null as Pending | null;
  const addText = (p: Pending, text: string) => p.replacement.push(p.fragment.appendChild(p.node.ownerDocument.createTextNode(text)));
  const finish = (p: Pending) => {
    if (p.pos < p.node.data.length) addText(p, p.node.data.slice(p.pos));
    p.node.parentNode?.replaceChild(p.fragment, p.node);
    swaps.push({ original: p.node, replacement: p.replacement });
  };

  for (let idx = 0; idx < words.length; idx++) {
    const { ranges } = words[idx];
    if (ranges.length === 0) {
      spans[idx] = NO_SPANS as HTMLElement[];
      continue;
    }
    const own: HTMLElement[] = (spans[idx] = []);
    for (const { node, start, end } of ranges) {
      if (pending?.node !== node) {
        if (pending) finish(pending);
        pending = node.parentNode ? { node, fragment: node.ownerDocument.createDocumentFragment(), replacement: [], pos: 0 } : null;
        if (!pending) continue;
      }
      const data = node.data;
      if (start > pending.pos) addText(pending, data.slice(pending.pos, start));
      template ??= createTemplate(node.ownerDocument);
      const span = template.cloneNode(false) as HTMLElement;
      span.setAttribute(WORD_INDEX_ATTRIBUTE, String(idx));
      span.appendChild(node.ownerDocument.createTextNode(data.slice(start, end)));
      pending.replacement.push(pending.fragment.appendChild(span));
      own.push(span);
      spanCount++;
      pending.pos = end;
    }
  }
  if (pending) finish(pending);

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

function createTemplate(doc: Document): HTMLElement {
  const span = doc.createElement("span");
  span.className = WORD_STATE_CLASS.unspoken;
  return span;
}
