import { describe, expect, it } from "vitest";
import { conversationCost, INCLUDED_TURNS } from "@/lib/conversation/conversation-cost";
import { planTTSChunks } from "@/lib/text/chunk-plan";

const turn = (voiceId: string, text: string) => ({ voiceId, text });

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

  it("counts adjacent turns in one voice as the turns they are: each its own call", () => {
    const turns = Array.from({ length: 40 }, (_, i) => turn("A", `Word${i}.`));
    expect(conversationCost(turns).calls).toBe(40);
  });
});
