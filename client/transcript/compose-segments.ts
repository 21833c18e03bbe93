// Turns the API's per-character timeline into the transcript the player works with: words (maximal runs of
// non-whitespace, the same definition the article side uses, so index N here is word N there) and the gaps
// between them, each word timed from its first character's start to its last character's end.
import { splitWords } from "@/lib/text/split-words";
import type { Alignment } from "@/lib/alignment/types";

export interface TranscriptWord {
  kind: "word";
  text: string;
  /** seconds */
  startTime: number;
  endTime: number;
  segmentIndex: number;
  wordIndex: number;
}

export interface TranscriptGap {
  kind: "gap";
  text: string;
  segmentIndex: number;
}

export type TranscriptSegment = TranscriptWord | TranscriptGap;

export interface ComposedTranscript {
  segments: TranscriptSegment[];
  words: TranscriptWord[];
}

export function composeSegments(alignment: Alignment): ComposedTranscript {
  const { characters, characterStartTimesSeconds: starts, characterEndTimesSeconds: ends } = alignment;
  if (starts.length !== characters.length || ends.length !== characters.length) {
    throw new TypeError(
      `alignment: characters (${characters.length}), start times (${starts.length}) and end times (${ends.length}) must have the same length`,
    );
  }
  const text = characters.join("");
  // A character may be more than one UTF-16 unit; map string offsets back to character indexes.
  const charAt = new Int32Array(text.length + 1);
  let offset = 0;
  characters.forEach((c, i) => {
    for (let k = 0; k < c.length; k++) charAt[offset + k] = i;
    offset += c.length;
  });
  charAt[text.length] = characters.length;

  const segments: TranscriptSegment[] = [];
  const words: TranscriptWord[] = [];
  let cursor = 0;
  for (const w of splitWords(text)) {
    if (w.start > cursor) segments.push({ kind: "gap", text: text.slice(cursor, w.start), segmentIndex: segments.length });
    const first = charAt[w.start];
    const last = charAt[w.end - 1];
    const startTime = starts[first];
    const word: TranscriptWord = {
      kind: "word",
      text: w.text,
      startTime,
      endTime: Math.max(ends[last], startTime),
      segmentIndex: segments.length,
      wordIndex: words.length,
    };
    segments.push(word);
    words.push(word);
    cursor = w.end;
  }
  if (cursor < text.length) segments.push({ kind: "gap", text: text.slice(cursor), segmentIndex: segments.length });
  return { segments, words };
}
