// Inworld gives one start and end time per input character. A speech engine knows when words start and
// end; this spreads each word's time evenly over its characters and gives the characters between words
// (spaces, punctuation, anything unspoken) the pause between them, so times only ever move forward.

/** A run of input characters [start, end) (UTF-16 indices) spoken from startTime to endTime (seconds). */
export interface TimedSpan {
  start: number;
  end: number;
  startTime: number;
  endTime: number;
}

export interface CharacterTimes {
  starts: Float64Array;
  ends: Float64Array;
}

/**
 * Spans must be in text order and not overlap; times are clamped so that starts never decrease, each end
 * is at least its start, and nothing passes `durationSeconds`.
 */
export function characterTimes(textLength: number, spans: readonly TimedSpan[], durationSeconds: number): CharacterTimes {
  const starts = new Float64Array(textLength);
  const ends = new Float64Array(textLength);
  const spread = (from: number, to: number, t0: number, t1: number) => {
    const count = to - from;
    const step = count > 0 ? Math.max(0, t1 - t0) / count : 0;
    for (let i = from; i < to; i++) {
      starts[i] = t0 + (i - from) * step;
      ends[i] = t0 + (i - from + 1) * step;
    }
  };
  let cursor = 0;
  let time = 0;
  for (const span of spans) {
    const start = Math.min(Math.max(span.start, cursor), textLength);
    const end = Math.min(Math.max(span.end, start), textLength);
    spread(cursor, start, time, span.startTime);
    spread(start, end, Math.max(time, span.startTime), span.endTime);
    cursor = end;
    time = Math.max(time, span.endTime);
  }
  spread(cursor, textLength, time, durationSeconds);

  let floor = 0;
  for (let i = 0; i < textLength; i++) {
    starts[i] = Math.min(Math.max(starts[i], floor), durationSeconds);
    ends[i] = Math.min(Math.max(ends[i], starts[i]), durationSeconds);
    floor = starts[i];
  }
  return { starts, ends };
}
