// docs/architecture.md invariants 1–4 on a whole /api/tts answer, as a list of what is wrong (empty when the article is
// whole). Returning problems instead of asserting lets property and chaos tests check thousands of answers
// and report the first counterexample with its input.
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { walkMp3 } from "./mp3-walk";
import type { TtsBody } from "./tts-api";

export function wholeArticleProblems(body: TtsBody, sentText: string): string[] {
  const problems: string[] = [];
  const { characters, characterStartTimesSeconds: starts, characterEndTimesSeconds: ends } = body.alignment;
  // 1: the timeline spells exactly the cleaned text, whatever the number of chunks.
  if (characters.join("") !== cleanTextForTTS(sentText)) problems.push("alignment characters differ from the cleaned text");
  if (starts.length !== characters.length || ends.length !== characters.length) problems.push("alignment arrays differ in length");
  // 2: start times never decrease, each end is at or after its start, the last end is within the audio.
  for (let i = 0; i < starts.length; i++) {
    if (i > 0 && starts[i] < starts[i - 1]) {
      problems.push(`start time decreases at character ${i}`);
      break;
    }
    if (ends[i] < starts[i]) {
      problems.push(`end before start at character ${i}`);
      break;
    }
  }
  if (ends.length > 0 && ends[ends.length - 1] > body.durationMs / 1000 + 0.05) problems.push("last end is past the audio's duration");
  // 3 and 4: one Info frame at the very start, frames back to back to the last byte, duration from frames.
  const audio = Buffer.from(body.audioBase64, "base64");
  const walk = walkMp3(audio);
  if (walk.xingFrames.length !== 1 || walk.xingFrames[0] !== walk.firstFrameOffset) problems.push("not exactly one Info frame, at the start");
  if (walk.endOffset !== audio.length) problems.push("frames do not run back to back to the end of the file");
  if (walk.durationMs === 0 || Math.abs(body.durationMs - walk.durationMs) / walk.durationMs > 0.01)
    problems.push("durationMs is not the decoded duration");
  return problems;
}
