// Splits cleaned article text into pieces Inworld accepts (at most 1,800 characters; its limit is 2,000), on sentence
// boundaries where possible.
//
// Stability rule. A chunk is a cache entry keyed by its exact text, so an edit to one paragraph must not
// change the chunks of the others. Greedy packing across the whole article would fail that: one changed
// length shifts every later boundary. Instead, boundaries are decided by content, never by position:
//
//   1. Paragraphs are separated by a blank line. A paragraph longer than maxChars is chunked on its own
//      (sentences packed greedily, then clauses, words, and a hard split as the last resort).
//   2. Paragraphs that fit are packed greedily, whole, but the packing restarts after every "anchor": a
//      paragraph whose content hash falls under a threshold proportional to its length, so an anchor comes
//      about every ANCHOR_SPACING × maxChars of text, whatever the paragraph sizes. An overlong paragraph
//      (rule 1) is an anchor too.
//
// So the text between two anchors is chunked by itself, and an edit changes only the chunks of the
// paragraphs between the anchor before it and the anchor after it (one further run if the edit makes or
// unmakes an anchor). Every other chunk keeps its exact text, and so its cache key.

import { forEachSentenceEnd } from "./sentence-boundary";

/** ~1800-character chunks on sentence boundaries (Inworld's limit is 2000, so a margin is kept). */
export const CHUNK_MAX_CHARS = 1800;

export interface TextChunk {
  text: string;
  /** index of the chunk's first character in the text it was split from */
  offset: number;
}

// Expected text between anchors, in chunks. Larger packs tighter (fewer, fuller requests); smaller limits how
// far an edit reaches. Measured on a 53,000-character article of one- and two-sentence paragraphs: 40 chunks
// where packing the whole text greedily gives 33, and an edit changes 1.15 chunks on average, 5 at worst
// (greedy: 1.6 and 12, and no bound in general).
const ANCHOR_SPACING = 2;

const CLOSERS = "\"')]}»›”’」』";
const CLAUSE_MARKS = ",;:—–";
const WHITESPACE = /\s+/g;
const PARAGRAPH_BREAK = /\n[^\S\n]*\n\s*/g;

type Span = [start: number, end: number];
type CutRule = (text: string, wsStart: number, wsEnd: number) => boolean;
/** The non-empty pieces of a span, cut at one level: sentences, clauses or words. */
type Cutter = (text: string, span: Span) => Span[];

function isWhitespace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/** Index of the last character before `end` that is not a closing quote or bracket. */
function skipClosers(text: string, from: number, end: number): number {
  let i = end - 1;
  while (i >= from && CLOSERS.includes(text[i])) i--;
  return i;
}

const isClauseCut: CutRule = (text, wsStart) => {
  const last = skipClosers(text, 0, wsStart);
  return last >= 0 && CLAUSE_MARKS.includes(text[last]);
};

const isWordCut: CutRule = () => true;

/** The sentences of [start, end), where the one sentence rule (sentence-boundary.ts) ends them. */
const sentencePieces: Cutter = (text, [start, end]) => {
  const pieces: Span[] = [];
  let pieceStart = start;
  forEachSentenceEnd(text, start, end, (gapStart, gapEnd) => {
    pieces.push([pieceStart, gapStart]);
    pieceStart = gapEnd;
  });
  pieces.push([pieceStart, end]);
  return pieces;
};

const CUTTERS: readonly Cutter[] = [
  sentencePieces,
  (text, span) => piecesBetweenCuts(text, span, isClauseCut),
  (text, span) => piecesBetweenCuts(text, span, isWordCut),
];

/** The non-empty pieces of [start, end) between the whitespace runs that `rule` accepts, trimmed. */
function piecesBetweenCuts(text: string, [start, end]: Span, rule: CutRule): Span[] {
  const pieces: Span[] = [];
  let pieceStart = start;
  WHITESPACE.lastIndex = start;
  for (let m = WHITESPACE.exec(text); m !== null && m.index < end; m = WHITESPACE.exec(text)) {
    const wsEnd = Math.min(m.index + m[0].length, end);
    if (wsEnd < end && rule(text, m.index, wsEnd)) {
      pieces.push([pieceStart, m.index]);
      pieceStart = wsEnd;
    }
  }
  pieces.push([pieceStart, end]);
  return pieces;
}

function hardSplit(text: string, [start, end]: Span, maxChars: number, out: Span[]): void {
  let from = start;
  while (end - from > maxChars) {
    let to = from + maxChars;
    // Never cut a surrogate pair in two.
    if (/[\uDC00-\uDFFF]/.test(text[to]) && /[\uD800-\uDBFF]/.test(text[to - 1]) && to - 1 > from) to--;
    out.push([from, to]);
    from = to;
  }
  out.push([from, end]);
}

/** Chunks one trimmed span: whole if it fits, else its pieces at the given level packed greedily. */
function chunkSpan(text: string, span: Span, maxChars: number, level: number, out: Span[]): void {
  if (span[1] - span[0] <= maxChars) {
    out.push(span);
    return;
  }
  if (level === CUTTERS.length) {
    hardSplit(text, span, maxChars, out);
    return;
  }
  let current: Span | null = null;
  for (const piece of CUTTERS[level](text, span)) {
    if (piece[1] - piece[0] > maxChars) {
      if (current) out.push(current);
      current = null;
      chunkSpan(text, piece, maxChars, level + 1, out);
    } else if (current && piece[1] - current[0] <= maxChars) {
      current[1] = piece[1];
    } else {
      if (current) out.push(current);
      current = [piece[0], piece[1]];
    }
  }
  if (current) out.push(current);
}

/** FNV-1a over UTF-16 code units: the same in every runtime, and cheap. */
function fnv1a(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

function isAnchor(text: string, [start, end]: Span, maxChars: number): boolean {
  return fnv1a(text, start, end) / 2 ** 32 < (end - start) / (ANCHOR_SPACING * maxChars);
}

function paragraphs(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  PARAGRAPH_BREAK.lastIndex = 0;
  for (let m = PARAGRAPH_BREAK.exec(text); m !== null; m = PARAGRAPH_BREAK.exec(text)) {
    spans.push([start, m.index]);
    start = m.index + m[0].length;
  }
  spans.push([start, text.length]);
  const trimmed: Span[] = [];
  for (const [s, e] of spans) {
    let a = s;
    let b = e;
    while (a < b && isWhitespace(text[a])) a++;
    while (b > a && isWhitespace(text[b - 1])) b--;
    if (b > a) trimmed.push([a, b]);
  }
  return trimmed;
}

/**
 * Where the text's opening ends: as many of the first paragraph's sentences as fit in maxChars (its clauses or
 * words when the first sentence alone is longer), cut by the same rules as every chunk. 0 for empty text.
 */
export function openingEnd(text: string, maxChars: number): number {
  const [first] = paragraphs(text);
  if (!first) return 0;
  const pieces: Span[] = [];
  chunkSpan(text, first, maxChars, 0, pieces);
  return pieces[0][1];
}

/** The index of the first character at or after `from` that is not whitespace (text.length when none is). */
export function skipWhitespace(text: string, from: number): number {
  let i = from;
  while (i < text.length && isWhitespace(text[i])) i++;
  return i;
}

/**
 * Where a chunk that starts at `from` (not whitespace) and holds at most maxChars ends: at the furthest paragraph
 * or sentence end that fits, else the furthest clause end, else word end, else after maxChars (never inside a
 * surrogate pair), each at least minChars from `from` when one is. The rest of the text when all of it fits.
 * Reads only the maxChars after `from`.
 */
export function leadingChunkEnd(text: string, from: number, maxChars: number, minChars = 1): number {
  let end = text.length;
  while (end > from && isWhitespace(text[end - 1])) end--;
  if (end - from <= maxChars) return end;
  const limit = from + maxChars;
  const furthest = [0, 0, 0];
  // Sentence ends by the one sentence rule; a whitespace run after `limit` only ever ends one, so a little past it
  // is enough to see the gap that starts at it.
  forEachSentenceEnd(text, from, Math.min(end, limit + 256), (gapStart) => {
    if (gapStart >= from + minChars && gapStart <= limit) furthest[0] = gapStart;
  });
  WHITESPACE.lastIndex = from;
  for (let m = WHITESPACE.exec(text); m !== null && m.index <= limit; m = WHITESPACE.exec(text)) {
    if (m.index < from + minChars) continue;
    const wsEnd = m.index + m[0].length;
    const paragraphEnd = m[0].indexOf("\n") !== m[0].lastIndexOf("\n");
    const level = paragraphEnd ? 0 : isClauseCut(text, m.index, wsEnd) ? 1 : 2;
    furthest[level] = Math.max(furthest[level], m.index);
  }
  const cut = furthest.find((index) => index > from);
  if (cut !== undefined) return cut;
  const hard: Span[] = [];
  hardSplit(text, [from, end], maxChars, hard);
  return hard[0][1];
}

/**
 * Splits text into chunks of at most maxChars characters (UTF-16 code units, as `String.length` counts).
 * Each chunk is trimmed and is the exact substring at its offset; only whitespace lies between chunks.
 */
export function splitTTSChunks(text: string, maxChars = CHUNK_MAX_CHARS): TextChunk[] {
  if (!Number.isInteger(maxChars) || maxChars < 2) {
    throw new TypeError(`maxChars must be an integer of at least 2, got ${maxChars}`);
  }
  const spans: Span[] = [];
  let group: Span | null = null;
  for (const paragraph of paragraphs(text)) {
    const fits = paragraph[1] - paragraph[0] <= maxChars;
    if (group && (!fits || paragraph[1] - group[0] > maxChars)) {
      spans.push(group);
      group = null;
    }
    if (!fits) {
      chunkSpan(text, paragraph, maxChars, 0, spans);
      continue;
    }
    group = group ? [group[0], paragraph[1]] : paragraph;
    if (isAnchor(text, paragraph, maxChars)) {
      spans.push(group);
      group = null;
    }
  }
  if (group) spans.push(group);
  return spans.map(([start, end]) => ({ text: text.slice(start, end), offset: start }));
}
