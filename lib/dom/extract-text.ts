// Reads an article's prose out of the DOM the way the server will read it: the text of the prose blocks,
// blocks separated by a blank line, cleaned with the same cleanTextForTTS the API applies. The words of that
// cleaned text are the words the alignment will contain, so buildWordPositions returns exactly one entry per
// cleaned word, in order, each pointing at the DOM text it came from.
import { splitWords } from "../text/split-words";
import { cleanTextForTTS } from "../text/clean-text";
import { matchCleanWords } from "./match-words";

/** Elements whose text is one block of prose: a new block starts a new paragraph of the spoken text. */
export const PROSE_BLOCK_SELECTOR = "p, h1, h2, h3, h4, h5, h6, li, blockquote, figcaption, pre, td, th, dt, dd, caption, div, section, article";

/** Subtrees that are not read aloud: ads, page chrome, hidden and non-text content. */
export const SKIP_SELECTOR =
  "[data-tts-skip], .ad, .advertisement, aside, nav, button, script, style, noscript, template, svg, [aria-hidden='true'], [hidden]";

/** A stretch of one DOM text node: [start, end) in the node's data. */
export interface TextRange {
  node: Text;
  start: number;
  end: number;
}

/** One word of the cleaned text and where it sits in the DOM (usually one range; more when the word crosses
 * an inline element boundary, e.g. `<em>over</em>whelming`). Empty when cleaning produced the word. */
export interface WordPosition {
  text: string;
  ranges: TextRange[];
}

// The DOM standard's numbers rather than the `Node` and `NodeFilter` globals, which only a browser defines: the
// API runs this same walk over its server-side DOM to compute an imported article's spoken text.
export const DOM_NUMBERS = {
  TEXT_NODE: 3,
  SHOW_ELEMENT: 0x1,
  SHOW_TEXT: 0x4,
  FILTER_ACCEPT: 1,
  FILTER_REJECT: 2,
  FILTER_SKIP: 3,
} as const;
const { TEXT_NODE, SHOW_ELEMENT, SHOW_TEXT, FILTER_ACCEPT, FILTER_REJECT, FILTER_SKIP } = DOM_NUMBERS;

interface RawText {
  text: string;
  nodes: Text[];
  /** offset in `text` where each of `nodes` begins */
  starts: number[];
}

function collectRawText(root: Element): RawText {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, SHOW_ELEMENT | SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === TEXT_NODE) return FILTER_ACCEPT;
      return (node as Element).matches(SKIP_SELECTOR) ? FILTER_REJECT : FILTER_SKIP;
    },
  });
  const parts: string[] = [];
  const nodes: Text[] = [];
  const starts: number[] = [];
  let length = 0;
  let block: Element | null = null;
  const push = (s: string) => {
    parts.push(s);
    length += s.length;
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType !== TEXT_NODE) {
      if ((node as Element).tagName === "BR") push("\n");
      continue;
    }
    const text = node as Text;
    if (!text.data.trim()) {
      push(" ");
      continue;
    }
    const parentBlock: Element | null = text.parentElement?.closest(PROSE_BLOCK_SELECTOR) ?? root;
    if (parentBlock !== block) {
      if (block) push("\n\n");
      block = parentBlock;
    }
    nodes.push(text);
    starts.push(length);
    push(text.data);
  }
  return { text: parts.join(""), nodes, starts };
}

/** The article's text as it will be spoken: the same string the client sends to /api/tts. */
export function extractTTSText(root: Element): string {
  return cleanTextForTTS(collectRawText(root).text);
}

function rangesOf(raw: RawText, start: number, end: number): TextRange[] {
  // The last node starting at or before `start` (binary search: articles have thousands of text nodes).
  let lo = 0;
  let hi = raw.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (raw.starts[mid] <= start) lo = mid;
    else hi = mid - 1;
  }
  const ranges: TextRange[] = [];
  for (let k = lo; k < raw.nodes.length && raw.starts[k] < end; k++) {
    const node = raw.nodes[k];
    const from = Math.max(start - raw.starts[k], 0);
    const to = Math.min(end - raw.starts[k], node.data.length);
    if (to > from) ranges.push({ node, start: from, end: to });
  }
  return ranges;
}

export function buildWordPositions(root: Element): { text: string; words: WordPosition[] } {
  const raw = collectRawText(root);
  const text = cleanTextForTTS(raw.text);
  // The article's language, as the page declares it (the reader page puts the article's on its element).
  const lang = root.closest("[lang]")?.getAttribute("lang") || undefined;
  const rawWords = splitWords(raw.text, lang);
  const cleanWords = splitWords(text, lang);
  const match = matchCleanWords(
    rawWords.map((w) => w.text),
    cleanWords.map((w) => w.text),
  );
  const words = cleanWords.map((w, i): WordPosition => {
    const r = match[i] >= 0 ? rawWords[match[i]] : undefined;
    return { text: w.text, ranges: r ? rangesOf(raw, r.start, r.end) : [] };
  });
  return { text, words };
}
