import { fitAlignmentToText } from "./fit-alignment";
import type { Alignment } from "./types";

export interface AlignmentPart {
  /** index of the part's first character in the full text, as splitTTSChunks reports it */
  offset: number;
  text: string;
  alignment: Alignment;
  /** decoded duration of the part's MP3 */
  durationMs: number;
}

function fill(values: number[], from: number, to: number, value: number): void {
  for (let i = from; i < to; i++) values[i] = value;
}

/**
 * Merges per-chunk alignments, given in text order, into one timeline for `fullText`: one entry per UTF-16 unit
 * (characters.join("") === fullText), starts never decreasing, end ≥ start, nothing after the total duration.
 *
 * Part k is shifted by the decoded durations of parts 0..k-1 (DESIGN invariant 5): the last timestamp of a
 * chunk misses its trailing silence, and that error would add up over an article. Each part's times are
 * clamped to its own audio, so a provider timestamp past the end of its MP3 cannot overlap the next part.
 * Characters between parts (the whitespace the chunker left out) take the boundary time: the end of the
 * previous part's audio, which is the start of the next one's.
 */
export function mergeAlignments(fullText: string, parts: readonly AlignmentPart[]): Alignment {
  const length = fullText.length;
  const starts = new Array<number>(length).fill(0);
  const ends = new Array<number>(length).fill(0);
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

    const partStart = elapsedMs / 1000;
    const partEnd = (elapsedMs + durationMs) / 1000;
    fill(starts, filledTo, offset, partStart);
    fill(ends, filledTo, offset, partStart);

    const fitted = fitAlignmentToText(text, part.alignment);
    const partStarts = fitted.characterStartTimesSeconds;
    const partEnds = fitted.characterEndTimesSeconds;
    for (let u = 0; u < text.length; u++) {
      starts[offset + u] = Math.min(partStart + partStarts[u], partEnd);
      ends[offset + u] = Math.min(partStart + partEnds[u], partEnd);
    }

    filledTo = offset + text.length;
    elapsedMs += durationMs;
  }

  const totalSeconds = elapsedMs / 1000;
  fill(starts, filledTo, length, totalSeconds);
  fill(ends, filledTo, length, totalSeconds);
  return { characters: fullText.split(""), characterStartTimesSeconds: starts, characterEndTimesSeconds: ends };
}
