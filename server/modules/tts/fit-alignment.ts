import type { Alignment } from "@/lib/alignment/types";

// Invariant 1 needs one alignment entry per UTF-16 unit of the text we sent. With text normalization OFF Inworld
// normally echoes the text exactly, but a provider may drop characters, normalise quotes or whitespace, or
// send a code point (an emoji's surrogate pair) as one entry; this maps whatever came back onto the text.

// How far ahead either side is searched for the character the other side is at before calling it a
// substitution. Differences are short (a dropped character, a collapsed blank line), so a small window keeps
// one odd character from being matched to a distant lookalike.
const LOOKAHEAD = 32;

const WHITESPACE = /\s/;

function same(a: string, b: string): boolean {
  return a === b || (WHITESPACE.test(a) && WHITESPACE.test(b));
}

function isExactAndMonotone(text: string, alignment: Alignment): boolean {
  const { characters, characterStartTimesSeconds: starts, characterEndTimesSeconds: ends } = alignment;
  if (characters.length !== text.length || starts.length !== text.length || ends.length !== text.length) return false;
  let previousStart = 0;
  for (let i = 0; i < text.length; i++) {
    if (characters[i] !== text[i]) return false;
    const start = starts[i];
    // NaN fails these comparisons, so a missing time also sends the alignment through the repair below.
    if (!(start >= previousStart && ends[i] >= start && Number.isFinite(ends[i]))) return false;
    previousStart = start;
  }
  return true;
}

/** The upstream alignment flattened to one entry per UTF-16 unit, with unusable times replaced. */
function upstreamUnits(alignment: Alignment): { units: string; starts: number[]; ends: number[] } {
  const { characters, characterStartTimesSeconds, characterEndTimesSeconds } = alignment;
  const count = Math.min(characters.length, characterStartTimesSeconds.length, characterEndTimesSeconds.length);
  const pieces: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let previousStart = 0;
  for (let k = 0; k < count; k++) {
    const piece = String(characters[k]);
    const rawStart = characterStartTimesSeconds[k];
    const start = Number.isFinite(rawStart) ? Math.max(0, rawStart) : previousStart;
    const rawEnd = characterEndTimesSeconds[k];
    const end = Number.isFinite(rawEnd) ? rawEnd : start;
    pieces.push(piece);
    for (let u = 0; u < piece.length; u++) {
      starts.push(start);
      ends.push(end);
    }
    previousStart = start;
  }
  return { units: pieces.join(""), starts, ends };
}

function indexAhead(haystack: string, from: number, needle: string): number {
  const last = Math.min(haystack.length, from + LOOKAHEAD);
  for (let i = from; i < last; i++) if (same(haystack[i], needle)) return i - from;
  return -1;
}

/**
 * Returns an alignment with exactly one entry per UTF-16 unit of `text` (characters[i] === text[i]), start times
 * that never decrease and end ≥ start. An alignment that already has that shape is returned as is. Otherwise
 * upstream entries are matched to the text greedily from the front; text characters left unmatched get times
 * interpolated between their matched neighbours.
 */
export function fitAlignmentToText(text: string, alignment: Alignment): Alignment {
  if (isExactAndMonotone(text, alignment)) return alignment;

  const upstream = upstreamUnits(alignment);
  const length = text.length;
  const starts = new Array<number>(length).fill(Number.NaN);
  const ends = new Array<number>(length).fill(Number.NaN);

  let i = 0;
  let j = 0;
  while (i < length && j < upstream.units.length) {
    if (!same(text[i], upstream.units[j])) {
      const skipUpstream = indexAhead(upstream.units, j + 1, text[i]);
      const skipText = indexAhead(text, i + 1, upstream.units[j]);
      if (skipText >= 0 && (skipUpstream < 0 || skipText <= skipUpstream)) {
        i += skipText + 1; // text characters the provider dropped stay unmatched
        continue;
      }
      if (skipUpstream >= 0) {
        j += skipUpstream + 1; // upstream characters that are not in the text
        continue;
      }
      // Neither side turns up soon: a substitution ("’" sent back as "'"), which takes the upstream times.
    }
    starts[i] = upstream.starts[j];
    ends[i] = upstream.ends[j];
    i++;
    j++;
  }

  interpolateUnmatched(starts, ends);
  repairMonotone(starts, ends);
  return { characters: text.split(""), characterStartTimesSeconds: starts, characterEndTimesSeconds: ends };
}

/** Spreads each run of unmatched (NaN) entries evenly between the end before it and the start after it. */
function interpolateUnmatched(starts: number[], ends: number[]): void {
  let i = 0;
  while (i < starts.length) {
    if (!Number.isNaN(starts[i])) {
      i++;
      continue;
    }
    const runStart = i;
    while (i < starts.length && Number.isNaN(starts[i])) i++;
    const from = runStart > 0 ? ends[runStart - 1] : 0;
    const to = i < starts.length ? Math.max(from, starts[i]) : from;
    const step = (to - from) / (i - runStart);
    for (let k = runStart; k < i; k++) {
      starts[k] = from + step * (k - runStart);
      ends[k] = from + step * (k - runStart + 1);
    }
  }
}

function repairMonotone(starts: number[], ends: number[]): void {
  let previousStart = 0;
  for (let i = 0; i < starts.length; i++) {
    const start = Math.max(starts[i], previousStart);
    starts[i] = start;
    if (!(ends[i] >= start)) ends[i] = start;
    previousStart = start;
  }
}
