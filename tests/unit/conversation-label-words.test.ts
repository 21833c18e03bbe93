import { describe, expect, it } from "vitest";
import { detectConversation } from "@/lib/conversation/detect-turns";
import { labelWordIndexes } from "@/client/conversation/label-words";
import { SEGMENT_SEPARATOR } from "@/lib/text/chunk-plan";
import { splitWords } from "@/lib/text/split-words";

const TEXT = ["Before we begin.", "Dr. Ruth Okafor: Hello there.", "TOM: Hi.", "Dr. Ruth Okafor: Again.", "TOM: And again.", "Editor:"].join("\n\n");

describe("labelWordIndexes", () => {
  it("names every word of every label, and no other", () => {
    const found = detectConversation(TEXT)!;
    const words = splitWords(TEXT).map((w) => w.text);
    const labelled = [...labelWordIndexes(TEXT, found.labels)].map((i) => words[i]);
    expect(labelled).toEqual(["Dr.", "Ruth", "Okafor:", "TOM:", "Dr.", "Ruth", "Okafor:", "TOM:", "Editor:"]);
  });

  it("leaves the words the segments speak, one for one", () => {
    const found = detectConversation(TEXT)!;
    const labels = labelWordIndexes(TEXT, found.labels);
    const kept = splitWords(TEXT)
      .filter((_, i) => !labels.has(i))
      .map((w) => w.text);
    const spoken = splitWords(found.turns.map((t) => t.text).join(SEGMENT_SEPARATOR)).map((w) => w.text);
    expect(kept).toEqual(spoken);
  });

  it("is empty without labels", () => {
    expect(labelWordIndexes("Just prose: with a colon.", []).size).toBe(0);
  });
});
