import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { cleanTextForTTS, JUNK_LINE_PATTERNS, INLINE_JUNK_PATTERNS } from "@/lib/text/clean-text";
import { createRandom, pick, randomChars, randomProse } from "@/tests/support/random-text";

const JUNK_LINES = [
  "Advertisement",
  "ADVERTISEMENT",
  "Advertisement - Scroll to continue",
  "Ad Feedback",
  "Skip advertisement",
  "Sponsored content",
  "Sponsored",
  "Sponsored by Acme Insurance",
  "Promoted stories",
  "Story continues below advertisement",
  "Article continues after advertisement",
  "Continue reading the main story",
  "Share this article",
  "Share this story on Facebook",
  "Share on Twitter",
  "Share",
  "Copy link",
  "Subscribe",
  "Subscribe to our newsletter",
  "Subscribe for $1 a week »",
  "Sign up for our daily briefing",
  "Sign up to get the best stories in your inbox",
  "Newsletter sign-up",
  "Join our mailing list",
  "Follow us on Instagram",
  "Follow The Daily Tide on Twitter",
  "Click here to subscribe",
  "Photo: Jane Doe / Getty Images",
  "Photograph: Ian McLeod/AP",
  "Image credit: NASA/JPL",
  "Image: Shutterstock",
  "Credit: Harbour Trust",
  "(Photo by John Smith/Reuters)",
  "Photo by John Smith",
  "John Smith / Getty Images",
  "Read more: How the wall was rebuilt",
  "READ MORE: The storm in numbers",
  "Related: Ten harbours at risk",
  "Related",
  "Related articles",
  "See also: Coastal grants",
  "You might also like",
  "Most read",
];

const PROSE = [
  "Share prices fell sharply after the announcement.",
  "She wanted to share the photo: it was the last one of her father.",
  "The advertisement ran for three weeks, and nobody noticed.",
  "Subscribers said the paper had changed.",
  "Related to this, the ministry said nothing.",
  "Sign-up numbers were the highest on record.",
  "Follow the road to the harbour and turn left.",
  "More than forty boats left before dawn.",
  "Credit unions lent most of the money.",
  "The photo: a blurred quay, a gull, a grey sky.",
  "Photos of the event are below (see the gallery).",
  "Share on Monday rose sharply, analysts said.",
  "Sign up for the marathon opened on Tuesday, and by Wednesday every one of the ten thousand places had gone to runners from forty-one countries.",
];

describe("cleanTextForTTS", () => {
  it.each(JUNK_LINES)("drops the junk line %j", (line) => {
    expect(cleanTextForTTS(`First paragraph.\n${line}\nSecond paragraph.`)).toBe("First paragraph.\n\nSecond paragraph.");
  });

  it.each(PROSE)("keeps the prose line %j", (line) => {
    expect(cleanTextForTTS(`Intro.\n\n${line}\n\nOutro.`)).toBe(`Intro.\n\n${line}\n\nOutro.`);
  });

  it("uses every junk-line pattern for at least one known junk line", () => {
    for (const pattern of JUNK_LINE_PATTERNS) {
      expect(
        JUNK_LINES.some((line) => pattern.test(line)),
        String(pattern),
      ).toBe(true);
    }
  });

  it("removes inline photo credits with the space before them", () => {
    expect(cleanTextForTTS("The wall held (Photo by Jane Doe/Reuters). It still does.")).toBe("The wall held. It still does.");
    expect(cleanTextForTTS("The quay [Image: Getty] flooded (Credit: AP) twice.")).toBe("The quay flooded twice.");
    expect(cleanTextForTTS("Nested (Photo (Image: x) by y) credits go too.")).toBe("Nested credits go too.");
    expect(INLINE_JUNK_PATTERNS.length).toBeGreaterThan(0);
  });

  it("collapses spaces and tabs, normalises line breaks and keeps at most one blank line", () => {
    expect(cleanTextForTTS("  One\t\ttwo   three \r\n\r\n\r\n\r\nFour\rfive\u2028six\u2029seven  \n\n")).toBe(
      "One two three\n\nFour\nfive\nsix\n\nseven",
    );
  });

  it("keeps single line breaks inside a paragraph and blank lines between paragraphs", () => {
    expect(cleanTextForTTS("Roses are red,\nviolets are blue.\n\nNext stanza.")).toBe("Roses are red,\nviolets are blue.\n\nNext stanza.");
  });

  it("removes zero-width characters and soft hyphens, joining the word they split", () => {
    expect(cleanTextForTTS("\uFEFFhar\u00ADbour wa\u200Bll\u200D and\u2060 quay")).toBe("harbour wall and quay");
  });

  it("drops a junk line that only becomes recognisable once invisible characters are gone", () => {
    expect(cleanTextForTTS("Text.\nAdver\u200Btise\u00ADment\nMore text.")).toBe("Text.\n\nMore text.");
  });

  it("turns text that is all junk into the empty string", () => {
    expect(cleanTextForTTS("Advertisement\n\nShare this article\n \t\n")).toBe("");
  });

  it("leaves a realistic long article unchanged when it has no junk", () => {
    const article = readFileSync(new URL("../fixtures/text/long-article.txt", import.meta.url), "utf8");
    expect(cleanTextForTTS(article)).toBe(article.trim());
  });

  it("is idempotent and normalised over generated junk-laden texts", () => {
    const random = createRandom(1);
    const pieces = [...JUNK_LINES, ...PROSE, "", " ", "\t", "\u200B", "(Photo by X)", "(Photo", "by Y)", "\r"];
    for (let run = 0; run < 500; run++) {
      const lines: string[] = [];
      const count = Math.floor(random() * 12);
      for (let i = 0; i < count; i++) {
        lines.push(pick(random, pieces) + pick(random, ["", " ", "\u00A0"]) + pick(random, pieces));
      }
      const input = lines.join(pick(random, ["\n", "\r\n", "\n\n", "\n \n"])) + randomProse(random, 100);
      const once = cleanTextForTTS(input);
      expect(cleanTextForTTS(once), JSON.stringify(input)).toBe(once);
      expect(once).not.toMatch(/\n\n\n|[ \t\r\u200B\u00AD]{2}|^\s|\s$|\n | \n|[\r\t\u200B\u00AD\uFEFF]/);
    }
  });

  it("is idempotent over random strings of any characters", () => {
    const random = createRandom(2);
    for (let run = 0; run < 2000; run++) {
      const input = randomChars(random, Math.floor(random() * 200));
      const once = cleanTextForTTS(input);
      expect(cleanTextForTTS(once), JSON.stringify(input)).toBe(once);
    }
  });
});
