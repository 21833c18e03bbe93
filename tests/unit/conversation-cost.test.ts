import { describe, expect, it } from "vitest";
import { conversationCost, INCLUDED_TURNS, joinAdjacentTurns } from "@/server/modules/tts/conversation-cost";
import { planTTSChunks } from "@/lib/text/chunk-plan";

const turn = (voiceId: string, text: string) => ({ voiceId, text });

describe("joinAdjacentTurns", () => {
  it("joins every run of segments in one voice, as a paragraph break, and keeps the order", () => {
    const joined = joinAdjacentTurns([turn("A", "one"), turn("A", "two"), turn("B", "three"), turn("A", "four"), turn("A", "five")]);
    expect(joined).toEqual([turn("A", "one\n\ntwo"), turn("B", "three"), turn("A", "four\n\nfive")]);
  });

  it("leaves the spoken text as it was", () => {
    const segments = [turn("A", "x"), turn("A", "y"), turn("B", "z")];
    const spoken = (list: typeof segments) => list.map((s) => s.text).join("\n\n");
    expect(spoken(joinAdjacentTurns(segments))).toBe(spoken(segments));
  });
});

describe("conversationCost", () => {
  const sentence = "The ferry left at noon and the harbour emptied behind it. ";

  it("charges an article, and a conversation within its allowance, one place", () => {
    expect(conversationCost([turn("A", sentence.repeat(200))]).charge).toBe(1);
    const interview = Array.from({ length: INCLUDED_TURNS }, (_, i) => turn(i % 2 ? "B" : "A", sentence.repeat(3)));
    expect(conversationCost(interview).charge).toBe(1);
  });

  it("charges in proportion to the calls past the allowance", () => {
    const turns = Array.from({ length: 300 }, (_, i) => turn(i % 2 ? "B" : "A", `Word${i}.`));
    const cost = conversationCost(turns);
    expect(cost.calls).toBe(300);
    expect(cost.articleCalls).toBe(planTTSChunks(turns.map((t) => t.text).join("\n\n")).length);
    expect(cost.charge).toBe(Math.ceil(300 / (cost.articleCalls + INCLUDED_TURNS)));
  });
});
