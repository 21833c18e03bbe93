// Our fixture pages in eight languages, extracted as an import extracts them: the language each gets, the words
// kept against the text we meant, and the words the reader's page wraps against the words the voice speaks.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { JSDOM } from "jsdom";
import { describe, expect, it } from "vitest";
import { buildWordPositions } from "@/lib/dom/extract-text";
import { splitWords } from "@/lib/text/split-words";
import { primaryLanguage } from "@/lib/language";
import { articleLanguage } from "@/server/import/article-language";
import { createArticleExtractor, type ArticleContent } from "@/server/import/extract-article";
import { importFixturesDir } from "../support/import-site";
import { wordAgreement } from "../support/word-agreement";

const extractor = createArticleExtractor();
const read = (name: string) => readFileSync(join(importFixturesDir, name), "utf8");

// page, the language it must get, what the page declares
const PAGES = [
  ["news-clutter.html", "en", "en"],
  ["news-article.html", "en", "en"],
  ["french.html", "fr", "fr"],
  ["german.html", "de", "de-DE"],
  ["spanish.html", "es", "nothing"],
  ["arabic.html", "ar", "en, wrongly"],
  ["rtl-hebrew.html", "he", "he"],
  ["chinese.html", "zh", "zh-CN"],
  ["japanese.html", "ja", "ja"],
] as const;

const imports: Array<[string, string, ArticleContent]> = PAGES.map(([page, lang]) => [
  page,
  lang,
  extractor.fromHtml(read(page), new URL(`http://127.0.0.1/${page}`))!,
]);
const russian = extractor.fromText(read("pasted-russian.txt"))!;

describe("an imported article's language", () => {
  it.each(PAGES)("is the text's for %s: %s (the page declares %s)", (page, lang) => {
    expect(imports.find(([name]) => name === page)?.[2].lang).toBe(lang);
  });

  it("is detected for pasted text", () => {
    expect(russian.lang).toBe("ru");
    expect(extractor.fromText("Le marché couvert du vieux port a rouvert samedi matin, après deux ans de travaux.")?.lang).toBe("fr");
  });

  it("reads a few lines of plain English as English, never a neighbour with no voice (Scots)", () => {
    const lines = [
      "The night ferry leaves the harbour at ten. 1765131712345 passengers wait on the quay with their bags while the gulls settle on the rail.",
      "The tide came in over the sand at 1765131712345, and the gulls rose again.",
      "We walked to the old mill by the river and sat on the wall until the light went.",
    ];
    for (const line of lines) expect(extractor.fromText(line)?.lang).toBe("en");
  });

  it("sets the direction from the language when the page's own declaration was wrong", () => {
    expect(imports.find(([name]) => name === "arabic.html")?.[2].dir).toBe("rtl");
    expect(russian.dir).toBe("ltr");
  });

  it("keeps a declaration the text agrees with, even where trigrams alone would pick a neighbour", () => {
    const text = "Жители небольшого города проголосовали за сохранение ночного парома.";
    expect(articleLanguage(text, "ru-RU")).toBe("ru");
    expect(articleLanguage(text, "en")).not.toBe("en");
    const english = read("news-clutter.expected.txt");
    for (const wrong of ["fr", "de", "es", "ar"]) expect(articleLanguage(english, wrong)).toBe("en");
    expect(articleLanguage("Hi.", "fr")).toBe("fr");
    expect(articleLanguage("Hi.", null)).toBe("en");
  });

  it.each([
    ["en-GB", "en"],
    [" IW ", "he"],
    ["zh-Hant-TW", "zh"],
    ["english", null],
    ["", null],
    [null, null],
    ["x".repeat(40), null],
  ])("reads the primary subtag of %j as %j", (tag, primary) => {
    expect(primaryLanguage(tag)).toBe(primary);
  });
});

describe("extraction against the text we meant", () => {
  it.each(PAGES)("keeps %s's words: precision ≥ 0.98, recall ≥ 0.99", (page) => {
    const article = imports.find(([name]) => name === page)![2];
    const meant = read(page.replace(".html", ".expected.txt"));
    const { precision, recall } = wordAgreement(article.text, meant);
    expect(precision).toBeGreaterThanOrEqual(0.98);
    expect(recall).toBeGreaterThanOrEqual(0.99);
  });

  it("keeps pasted Russian whole: its first line is the title, the rest is spoken", () => {
    expect(russian.title).toBe("Ночной паром остаётся");
    expect(russian.text).toBe(read("pasted-russian.expected.txt").trim());
  });
});

describe("the words the page wraps", () => {
  it.each([...PAGES.map(([page]) => page), "pasted Russian"])("are the words spoken, one to one, for %s", (page) => {
    const article = page === "pasted Russian" ? russian : imports.find(([name]) => name === page)![2];
    const { document } = new JSDOM(`<!doctype html><body><article id="root" lang="${article.lang}">${article.html}</article></body>`).window;
    const { text, words } = buildWordPositions(document.getElementById("root")!);
    expect(text).toBe(article.text);
    const spoken = splitWords(article.text, article.lang ?? undefined).map((w) => w.text);
    expect(words.map((w) => w.text)).toEqual(spoken);
    expect(words.every((w) => w.ranges.length > 0)).toBe(true);
    // Scripts without spaces have words too.
    expect(spoken.length).toBeGreaterThan(article.text.split(/\s+/).length * (["zh", "ja"].includes(article.lang ?? "") ? 5 : 0.99));
  });
});
