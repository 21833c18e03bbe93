import type { Alignment } from "@/lib/alignment/types";

/** A plausible alignment of `text`: each character `secondsPerChar` long, starting at `startSeconds`. */
export function evenAlignment(text: string, secondsPerChar = 0.05, startSeconds = 0): Alignment {
  const characters = text.split("");
  return {
    characters,
    characterStartTimesSeconds: characters.map((_, i) => startSeconds + i * secondsPerChar),
    characterEndTimesSeconds: characters.map((_, i) => startSeconds + (i + 1) * secondsPerChar),
  };
}

/** The first broken timeline invariant (docs/architecture.md, invariants 1 and 2), or null. */
export function timelineProblem(text: string, alignment: Alignment, maxEndSeconds = Infinity): string | null {
  const { characters, characterStartTimesSeconds: starts, characterEndTimesSeconds: ends } = alignment;
  if (characters.length !== text.length) return `${characters.length} entries for ${text.length} characters`;
  if (starts.length !== text.length || ends.length !== text.length) return "time arrays differ in length";
  if (characters.join("") !== text) return "characters do not join to the text";
  let previous = 0;
  for (let i = 0; i < text.length; i++) {
    if (!Number.isFinite(starts[i]) || !Number.isFinite(ends[i])) return `time ${i} is not finite`;
    if (starts[i] < previous) return `start ${i} (${starts[i]}) is before start ${i - 1} (${previous})`;
    if (ends[i] < starts[i]) return `end ${i} is before its start`;
    if (ends[i] > maxEndSeconds) return `end ${i} (${ends[i]}) is after ${maxEndSeconds}`;
    previous = starts[i];
  }
  return null;
}
