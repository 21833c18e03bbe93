// What extraction removes from an article's body that is not the article (server/import/article-clutter.ts and
// the ad-label line of lib/text/clean-text.ts), and what it must leave.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { isMetadataLine } from "@/server/import/article-clutter";
import { createArticleExtractor } from "@/server/import/extract-article";
import { importFixturesDir } from "../support/import-site";

const extractor = createArticleExtractor();
const page = (name: string) => readFileSync(join(importFixturesDir, name), "utf8");

describe("isMetadataLine", () => {
  it.each([
    ["By Maria Okafor, Staff Reporter · May 14, 2024 · 5 min read", "Maria Okafor"],
    ["By Maria Okafor, Staff Reporter · May 14, 2024 · 5 min read", null],
    ["Updated May 15, 2024, 9:12 AM", null],
    ["Published 2024-05-14", null],
    ["Maria Okafor", "Maria Okafor"],
    ["7 min read", null],
    ["Par Claire Dubois · 14 mai 2024", null],
  ])("takes %j (byline %j) for metadata", (line, byline) => {
    expect(isMetadataLine(line, byline)).toBe(true);
  });

  it.each([
    ["By the time the vote was taken, the chamber was full.", "Maria Okafor"],
    ["The town's newsletter will carry the new timetable.", null],
    ["May was the wettest month.", null],
    ["42", null],
    ["Staff and editors met on Tuesday.", null],
    ["Maria Okafor reported from the quay, where the crowd waited.", "Maria Okafor"],
    [`By Maria Okafor ${"and more ".repeat(30)}`, "Maria Okafor"],
  ])("keeps %j (byline %j) as prose", (line, byline) => {
    expect(isMetadataLine(line, byline)).toBe(false);
  });
});

describe("an imported page's clutter", () => {
  it("is not in the spoken text nor in the html: byline, date, reading time, ad, newsletter box, share and related lines", () => {
    const article = extractor.fromHtml(page("news-clutter.html"), new URL("http://127.0.0.1/news-clutter.html"))!;
    for (const clutter of [
      "Staff Reporter",
      "5 min read",
      "Updated May 15",
      "Refinance today",
      "Get the morning briefing",
      "in your inbox",
      "Share this article",
      "Lakeside Bank makes",
      "Bus lanes come",
    ]) {
      expect(article.text).not.toContain(clutter);
      expect(article.html).not.toContain(clutter);
    }
    // An image credit inside a caption is not spoken; the caption is still shown.
    expect(article.text).not.toContain("Jonas Reyes");
    // The metadata is the header's, once.
    expect(article).toMatchObject({ byline: "Maria Okafor", publishedTime: "2024-05-14T07:45:00.000Z" });
  });

  it("keeps the paragraphs that start with By or mention a newsletter", () => {
    const article = extractor.fromHtml(page("news-clutter.html"), new URL("http://127.0.0.1/news-clutter.html"))!;
    expect(article.text).toContain("By the time the vote was taken, more than two hundred residents");
    expect(article.text).toContain("The town's newsletter for bus users, which volunteers have printed since 1998");
  });

  it("drops a heading that repeats the title at the top of the body, and keeps one further down", () => {
    const html = `<!doctype html><html><head><title>The quay at night</title></head><body><article><h1>The quay at night</h1>
      <p>${"The ferry leaves the quay at ten and the harbour lights fade behind it. ".repeat(4)}</p>
      <h2>The quay at night</h2><p>${"Fishermen, nurses and students ride it home across the water. ".repeat(4)}</p></article></body></html>`;
    const article = extractor.fromHtml(html)!;
    expect(article.text.split("The quay at night").length - 1).toBe(1);
    expect(article.text.startsWith("The ferry leaves")).toBe(true);
  });

  it("drops an ad's label line with its pitch, but not prose that starts with the same word", () => {
    expect(cleanTextForTTS("One.\nAdvertisement — Refinance today with Lakeside Bank\nTwo.")).toBe("One.\n\nTwo.");
    expect(cleanTextForTTS("Sponsored: Lakeside Bank makes your move easier")).toBe("");
    expect(cleanTextForTTS("Advertisement revenue fell by a third.")).toBe("Advertisement revenue fell by a third.");
    expect(cleanTextForTTS("Ad-hoc committees met twice.")).toBe("Ad-hoc committees met twice.");
  });
});
