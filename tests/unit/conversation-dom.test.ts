// The reader's side of a conversation: found in the article's DOM (bold names included), and its word positions
// are the words the segments speak, so span N lights word N of the audio.
import { JSDOM } from "jsdom";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ArticleContent } from "@/components/article/content";
import { ArticleRootProvider } from "@/components/article/article-root";
import { findArticle } from "@/components/article/samples";
import { boldRanges, conversationWordPositions, findConversation } from "@/client/dom/article-conversation";
import { buildWordPositions } from "@/lib/dom/extract-text";
import { SEGMENT_SEPARATOR } from "@/lib/text/chunk-plan";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { splitWords } from "@/lib/text/split-words";

const body = (html: string) => new JSDOM(`<main>${html}</main>`).window.document.querySelector("main")!;
/** The words the API speaks for these segments: each cleaned on its own, joined (docs/architecture.md "Conversations"). */
const spokenWords = (texts: string[]) => splitWords(texts.map(cleanTextForTTS).join(SEGMENT_SEPARATOR)).map((w) => w.text);

// Bold names that title case alone would not find: lower case, and more than three words.
const BOLD_INTERVIEW = [
  "<p>We spoke to both of them.</p>",
  "<p><strong>the interviewer</strong>: First question?</p>",
  "<p><b>our guest of honour today:</b> First answer, <em>at</em> length.</p>",
  "<p>Still the guest.</p>",
  "<p><strong>the interviewer</strong>: Second?</p>",
  "<p><b>our guest of honour today:</b> Second answer.</p>",
].join("");

describe("an article's conversation, from its DOM", () => {
  it("finds the speakers of bold labels, with the colon inside or after the bold", () => {
    const found = findConversation(body(BOLD_INTERVIEW))!;
    expect(found.speakers.map((s) => s.name)).toEqual(["Narrator", "the interviewer", "our guest of honour today"]);
    expect(found.turns.map((t) => t.text)).toEqual([
      "We spoke to both of them.",
      "First question?",
      "First answer, at length.\n\nStill the guest.",
      "Second?",
      "Second answer.",
    ]);
  });

  it("reports bold stretches as offsets of the spoken text", () => {
    const root = body("<p>Plain <b>bold words</b> plain <strong>x</strong>y.</p>");
    const { text, words } = buildWordPositions(root);
    expect(boldRanges(text, words).map(([s, e]) => text.slice(s, e))).toEqual(["bold words", "x"]);
  });

  it("leaves out exactly the labels' words, so the positions are the spoken words one for one", () => {
    const root = body(BOLD_INTERVIEW);
    const found = findConversation(root)!;
    expect(conversationWordPositions(root).map((w) => w.text)).toEqual(spokenWords(found.turns.map((t) => t.text)));
    expect(conversationWordPositions(root).some((w) => w.ranges.some((r) => r.node.parentElement?.matches("strong, b")))).toBe(false);
  });

  it("does so on the sample interview as the reader page renders it", () => {
    const html = renderToStaticMarkup(
      createElement(ArticleRootProvider, null, createElement(ArticleContent, { article: findArticle("the-tuner-of-small-halls")! })),
    );
    const root = body(html);
    const found = findConversation(root)!;
    const positions = conversationWordPositions(root);
    expect(positions.map((w) => w.text)).toEqual(spokenWords(found.turns.map((t) => t.text)));
    // Every label of the sample is a two-word name and its colon ("Hana Ito:").
    expect(buildWordPositions(root).words.length - positions.length).toBe(2 * found.labels.length);
  });

  it("keeps every word of an article that is no conversation", () => {
    const root = body("<p>Note: this is prose.</p><p>Nothing else.</p>");
    expect(findConversation(root)).toBeNull();
    expect(conversationWordPositions(root)).toEqual(buildWordPositions(root).words);
  });
});
