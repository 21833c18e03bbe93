// The sample interview, as the reader page renders it and its text walk reads it, is offered as a conversation.
import { JSDOM } from "jsdom";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleContent } from "@/components/article/content";
import { ArticleRootProvider } from "@/components/article/article-root";
import { findArticle } from "@/components/article/samples";
import { detectConversation } from "@/lib/conversation/detect-turns";
import { extractTTSText } from "@/lib/dom/extract-text";

function spokenText(id: string): string {
  const article = findArticle(id)!;
  const html = renderToStaticMarkup(createElement(ArticleRootProvider, null, createElement(ArticleContent, { article })));
  return extractTTSText(new JSDOM(`<main>${html}</main>`).window.document.querySelector("main")!);
}

describe("the sample interview", () => {
  it("reads as a conversation of three speakers after the narrator's introduction", () => {
    const text = spokenText("the-tuner-of-small-halls");
    expect(text.length).toBeGreaterThan(5_500);
    expect(text.length).toBeLessThan(7_000);
    const found = detectConversation(text)!;
    expect(found.speakers.map((s) => s.name)).toEqual(["Narrator", "Hana Ito", "Ines Marlow", "Tobias Reed"]);
    expect(found.turns[0].label).toBeNull();
    expect(found.turns.length).toBeGreaterThanOrEqual(20);
    // The turn that runs over two paragraphs is one turn.
    expect(found.turns.some((t) => t.text.includes("\n\n"))).toBe(true);
  });

  it("leaves the other samples alone", () => {
    for (const id of ["the-lamplighters-round", "how-a-lighthouse-keeps-its-light", "on-keeping-a-garden-notebook", "a-year-on-foot"])
      expect(detectConversation(spokenText(id))).toBeNull();
  });
});
