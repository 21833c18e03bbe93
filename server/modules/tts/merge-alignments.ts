import { fitAlignmentToText } from "./fit-alignment";
import type { Alignment } from "@/lib/alignment/types";

export interface AlignmentPart {
  /** index of the part's first character in the full text, as splitTTSChunks reports it */
  offset: number;
  text: string;
  alignment: Alignment;
  /** decoded duration of the part's MP3 */
  durationMs: number;
}

/**
 * Part k's own stretch of the merged timeline: the characters from `from` (where part k-1's text ended, 0 for
 * the first part) up to the end of the part's text, or up to `to` for the last part. The characters between
 * parts (the whitespace the chunker left out) belong to the part that follows them and take its start time,
 * which is the end of the previous part's audio; characters after the last part take the end of its audio.
 * `startMs` is the decoded duration of parts 0..k-1. The stream sends these stretches as they are, and
 * mergeAlignments joins them, so both endpoints' timelines are the same numbers (docs/architecture.md invariant 15).
 */
export function partAlignment(fullText: string, part: AlignmentPart, from: number, to: number, startMs: number): Alignment {
  const { offset, text, durationMs } = part;
  const partStart = startMs / 1000;
  const partEnd = (startMs + durationMs) / 1000;
  const length = to - from;
  const starts = new Array<number>(length).fill(partStart);
  const ends = new Array<number>(length).fill(partStart);
  const fitted = fitAlignmentToText(text, part.alignment);
  const partStarts = fitted.characterStartTimesSeconds;
  const partEnds = fitted.characterEndTimesSeconds;
  const base = offset - from;
  for (let u = 0; u < text.length; u++) {
    starts[base + u] = Math.min(partStart + partStarts[u], partEnd);
    ends[base + u] = Math.min(partStart + partEnds[u], partEnd);
  }
  fill(starts, base + text.length, length, partEnd);
  fill(ends, base + text.length, length, partEnd);
  return { characters: fullText.slice(from, to).split(""), characterStartTimesSeconds: starts, characterEndTimesSeconds: ends };
}

function fill(values: number[], from: number, to: number, value: number): void {
  for (let i = from; i < to; i++) values[i] = value;
}

/**
 * Merges per-chunk alignments, given in text order, into one timeline for `fullText`: one entry per UTF-16 unit
 * (characters.join("") === fullText), starts never decreasing, end ≥ start, nothing after the total duration.
 *
 * Part k is shifted by the decoded durations of parts 0..k-1 (docs/architecture.md, invariant 5): the last timestamp of a
 * chunk misses its trailing silence, and that error would add up over an article. Each part's times are
 * clamped to its own audio, so a provider timestamp past the end of its MP3 cannot overlap the next part.
 * Characters between parts take the boundary time (see partAlignment).
 */
export function mergeAlignments(fullText: string, parts: readonly AlignmentPart[]): Alignment {
  const length = fullText.length;
  if (parts.length === 0) {
    const zeros = new Array<number>(length).fill(0);
    return { characters: fullText.split(""), characterStartTimesSeconds: zeros, characterEndTimesSeconds: [...zeros] };
  }
  const starts: number[] = [];
  const ends: number[] = [];
  let filledTo = 0;
  let elapsedMs = 0;

  for (const [k, part] of parts.entries()) {
    const { offset, text, durationMs } = part;
    if (!Number.isInteger(offset) || offset < filledTo || offset + text.length > length) {
      throw new RangeError(`parts[${k}].offset ${offset} is out of order or outside the text`);
    }
    if (!fullText.startsWith(text, offset)) {
      throw new RangeError(`parts[${k}].text is not the full text at offset ${offset}`);
    }
    if (!Number.isFinite(durationMs) || durationMs < 0) {
      throw new TypeError(`parts[${k}].durationMs must be a finite number ≥ 0, got ${durationMs}`);
    }
    const to = k === parts.length - 1 ? length : offset + text.length;
    const stretch = partAlignment(fullText, part, filledTo, to, elapsedMs);
    for (let i = 0; i < stretch.characterStartTimesSeconds.length; i++) {
      starts.push(stretch.characterStartTimesSeconds[i]);
      ends.push(stretch.characterEndTimesSeconds[i]);
    }
    filledTo = offset + text.length;
    elapsedMs += durationMs;
  }
  return { characters: fullText.split(""), characterStartTimesSeconds: starts, characterEndTimesSeconds: ends };
}
