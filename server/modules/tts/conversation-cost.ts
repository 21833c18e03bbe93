// What a conversation costs upstream, and what a reader is charged for it (docs/architecture.md invariant 17,
// the README's "What a listen costs"). An article of N characters needs about N / 1,800 calls; a conversation adds
// one short call per speaker turn, since a chunk never spans two voices. So turns are counted after adjacent
// segments in one voice are joined (they are one turn: "A: … A: …" costs what "A: … …" costs), a conversation
// has at most MAX_TURNS of them, and one that needs more calls than its text as an article plus one call for each
// of its first INCLUDED_TURNS turns is charged in proportion: one daily-quota place per such allowance of calls.
import { planSpeech, planTTSChunks, SEGMENT_SEPARATOR, type VoicedText } from "@/lib/text/chunk-plan";

/** Speaker turns one request may have, after joining adjacent segments in one voice. */
export const MAX_TURNS = 300;
/** Turns whose extra call the one charge of a conversation covers. */
export const INCLUDED_TURNS = 32;

/** The segments with every run of adjacent segments in one voice joined into one, as the reader hears them. */
export function joinAdjacentTurns(segments: readonly VoicedText[]): VoicedText[] {
  const turns: VoicedText[] = [];
  for (const segment of segments) {
    const last = turns.at(-1);
    if (last && last.voiceId === segment.voiceId) last.text += SEGMENT_SEPARATOR + segment.text;
    else turns.push({ ...segment });
  }
  return turns;
}

export interface ConversationCost {
  /** upstream calls of the conversation's plan */
  calls: number;
  /** upstream calls of the same text read as one article */
  articleCalls: number;
  /** daily-quota places to charge: 1 for an article or an ordinary conversation */
  charge: number;
}

/** The cost of speaking `turns` (already joined): calls as planned, and the charge that follows from them. */
export function conversationCost(turns: readonly VoicedText[]): ConversationCost {
  const calls = planSpeech(turns).chunks.length;
  const articleCalls = planTTSChunks(turns.map((t) => t.text).join(SEGMENT_SEPARATOR)).length;
  const allowance = articleCalls + Math.min(turns.length, INCLUDED_TURNS);
  return { calls, articleCalls, charge: Math.max(1, Math.ceil(calls / allowance)) };
}
