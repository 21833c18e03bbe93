// Turns eSpeak NG's synthesis events into timed spans of the input text (see char-timing.ts).
// eSpeak reports where a word starts, as a 1-based code point position in what it read (the escaped SSML),
// and when, as an audio position in milliseconds. The lengths it reports are unreliable ("it's" is 2, a word
// in guillemets 0), and it may say two words under one event ("for a"), so a span runs from its event to the
// last non-whitespace before the next one: punctuation and unannounced words share its time, and pauses fall
// on the spaces. In a script written without spaces eSpeak announces each word (for Chinese each character)
// inside one run of non-whitespace, and each span ends where the next word starts. A number yields several events ("1234" is "one thousand two hundred and thirty four") that
// merge into one span; an "end" event marks the end of a clause, before its pause.
import type { TimedSpan } from "./char-timing";

export interface EspeakEvent {
  type: string;
  textPosition: number;
  audioMs: number;
}

const WHITESPACE = /\s/;
const LETTER = /\p{L}/u;

/** End (exclusive) of the run of non-whitespace characters starting at `from`. */
function wordRunEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !WHITESPACE.test(text[i])) i++;
  return i;
}

/** Just past the last non-whitespace character before `limit`, but not before `end`. */
function extendedEnd(text: string, end: number, limit: number): number {
  let i = limit;
  while (i > end && WHITESPACE.test(text[i - 1])) i--;
  return i;
}

export function spansFromEspeakEvents(text: string, sourceIndex: Int32Array, events: readonly EspeakEvent[], durationSeconds: number): TimedSpan[] {
  const spans: TimedSpan[] = [];
  const lastCodePoint = sourceIndex.length - 1;
  const toSource = (codePoint: number) => sourceIndex[Math.min(Math.max(codePoint, 0), lastCodePoint)];
  let open: TimedSpan | undefined;

  for (const event of events) {
    const time = Math.min(event.audioMs / 1000, durationSeconds);
    if (event.type === "end" || event.type === "msg_terminated") {
      if (open) open.endTime = Math.max(time, open.startTime);
      open = undefined;
      continue;
    }
    if (event.type !== "word") continue;

    const start = toSource(event.textPosition - 1);
    // A "word" on a space (eSpeak reads an emoji's trailing space so) adds nothing to the previous span.
    if (start >= text.length || WHITESPACE.test(text[start])) continue;
    const end = wordRunEnd(text, start);

    const previous = spans.at(-1);
    if (previous && start < previous.end && (start <= previous.start || !LETTER.test(text[start]))) {
      // The parts of a number, or a position that went backwards: one span, so text order stays monotone.
      open = previous;
      continue;
    }
    // A word that starts with a letter inside the previous one's run of non-whitespace (each character of
    // Chinese, the halves of "well-known") ends that span where it starts.
    if (previous && start < previous.end) previous.end = start;
    if (previous) previous.end = extendedEnd(text, previous.end, start);
    if (open) open.endTime = Math.max(time, open.startTime);
    open = { start, end, startTime: Math.max(time, previous?.endTime ?? 0), endTime: durationSeconds };
    spans.push(open);
  }
  const last = spans.at(-1);
  if (last) last.end = extendedEnd(text, last.end, text.length);
  return spans;
}
