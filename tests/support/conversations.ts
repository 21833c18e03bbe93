// Conversations for tests and benchmarks: turns of prose written for this project, one voice per speaker in
// turn, unique per call so no cache answers them.
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { planSpeech } from "@/lib/text/chunk-plan";
import { article } from "./articles";

export interface Conversation {
  segments: Array<{ text: string; voice: string }>;
  /** what /api/tts speaks: the cleaned segments joined */
  spoken: string;
  /** how many chunks the API will synthesize */
  chunks: number;
}

/** A turn of about `chars` characters for each entry of `turnChars`, spoken by `voices` in rotation. */
export function conversation(turnChars: readonly number[], voices: readonly string[]): Conversation {
  const segments = turnChars.map((chars, i) => ({ text: article(chars), voice: voices[i % voices.length] }));
  const plan = planSpeech(segments.map((s) => ({ text: cleanTextForTTS(s.text), voiceId: s.voice })));
  return { segments, spoken: plan.text, chunks: plan.chunks.length };
}

/** Three speakers, short and long turns: about twenty chunks, most turns a single chunk. */
export const TWENTY_CHUNK_TURNS: readonly number[] = [250, 600, 2_400, 400, 3_000, 500, 1_900, 700, 2_600, 300, 450, 3_200, 550];
