// What a conversation costs upstream, and what a reader is charged for it (docs/architecture.md invariant 17,
// the README's "What a listen costs"). An article of N characters needs about N / 1,800 calls; a conversation adds
// one short call per speaker turn, since a chunk never spans two voices (nor two segments: each segment is a turn
// the reader's page times and names). So a conversation has at most MAX_TURNS turns, and one that needs more calls
// than its text as an article plus one call for each of its first INCLUDED_TURNS turns is charged in proportion:
// one daily-quota place per such allowance of calls.
import { planSpeech, planTTSChunks, SEGMENT_SEPARATOR, type VoicedText } from "../text/chunk-plan";

/** Speaker turns (segments) one request may have. */
export const MAX_TURNS = 300;
/** Turns whose extra call the one charge of a conversation covers. */
export const INCLUDED_TURNS = 32;

export interface ConversationCost {
  /** upstream calls of the conversation's plan */
  calls: number;
  /** upstream calls of the same text read as one article */
  articleCalls: number;
  /** daily-quota places to charge: 1 for an article or an ordinary conversation */
  charge: number;
}

/** The cost of speaking `turns`: calls as planned, and the charge that follows from them. */
export function conversationCost(turns: readonly VoicedText[]): ConversationCost {
  const calls = planSpeech(turns).chunks.length;
  const articleCalls = planTTSChunks(turns.map((t) => t.text).join(SEGMENT_SEPARATOR)).length;
  const allowance = articleCalls + Math.min(turns.length, INCLUDED_TURNS);
  return { calls, articleCalls, charge: Math.max(1, Math.ceil(calls / allowance)) };
}
