import { describe, expect, it } from "vitest";
import { importErrorMessage, siteAnswered } from "@/lib/library/import-errors";
import { importRequestFor, NOT_A_WEB_LINK } from "@/client/library/import-request";
import { MAX_SAVED_ARTICLES, parseSavedArticles, withArticle, withoutArticle, type SavedArticle } from "@/client/library/saved-articles";

describe("importRequestFor", () => {
  it("sends one http(s) address as a link, whitespace around it ignored", () => {
    expect(importRequestFor("  https://example.com/a?b=1#c \n")).toEqual({ url: "https://example.com/a?b=1#c" });
    expect(importRequestFor("HTTP://example.com")).toEqual({ url: "HTTP://example.com" });
  });

  it("sends anything else as pasted text: prose, two links, a link inside a sentence, a bare address", () => {
    for (const text of [
      "Once upon a time.",
      "https://a.example https://b.example",
      "Read https://a.example today",
      "example.com/article",
      "Note: file this",
    ]) {
      expect(importRequestFor(text)).toEqual({ text });
    }
  });

  it("refuses one link that is not a web page's, with a message, instead of importing its address as an article", () => {
    for (const link of ["ftp://example.com/file.txt", " FILE:///home/me/article.html ", "file:C:/notes.txt", "sftp://host/x", "chrome://settings"]) {
      expect(importRequestFor(link), link).toEqual({ refused: NOT_A_WEB_LINK });
    }
  });

  it("has nothing to send for an empty box", () => {
    expect(importRequestFor(" \n\t ")).toBeNull();
  });
});

describe("importErrorMessage", () => {
  it("says what to do for every error code the import can answer", () => {
    const codes = [
      "INVALID_URL",
      "URL_FORBIDDEN",
      "PAGE_TOO_LARGE",
      "UNSUPPORTED_CONTENT",
      "NO_ARTICLE",
      "RATE_LIMITED",
      "IMPORT_BUSY",
      "FETCH_FAILED",
      "FETCH_TIMEOUT",
      "INVALID_REQUEST",
      "BODY_TOO_LARGE",
      "TEXT_TOO_LONG",
      "UPSTREAM_TIMEOUT",
      "UPSTREAM_UNAVAILABLE",
      "STARTING",
    ];
    const general = importErrorMessage(undefined);
    for (const code of codes) expect(importErrorMessage(code), code).not.toBe(general);
    expect(importErrorMessage("URL_FORBIDDEN")).toMatch(/^That page is not public/);
    expect(importErrorMessage("UNSUPPORTED_CONTENT")).toMatch(/^This looks like a PDF/);
  });

  it("names the site's own status from the API's message, with what to do", () => {
    const failed = (status: number) => importErrorMessage("FETCH_FAILED", `The page could not be fetched: ${siteAnswered(status)}`);
    expect(failed(404)).toBe("The site answered 404: check the link.");
    expect(failed(410)).toBe("The site answered 410: check the link.");
    expect(failed(403)).toMatch(/^The site answered 403: .*Paste the article's text/);
    expect(failed(503)).toMatch(/^The site answered 503: .*later/);
    // No status in the message (a refused connection, a DNS failure): the general FETCH_FAILED message.
    expect(importErrorMessage("FETCH_FAILED", "The page could not be fetched: the site's name could not be resolved")).toBe(
      importErrorMessage("FETCH_FAILED"),
    );
    expect(importErrorMessage("FETCH_FAILED")).toMatch(/could not be reached/);
  });

  it("says Listen is starting when the web app answers STARTING", () => {
    expect(importErrorMessage("STARTING")).toMatch(/starting up/);
  });

  it("answers an unknown code, or an inherited property name, with the general message", () => {
    expect(importErrorMessage("SOMETHING_NEW")).toBe(importErrorMessage(undefined));
    expect(importErrorMessage("constructor")).toBe(importErrorMessage(undefined));
  });
});

const article = (n: number): SavedArticle => ({
  id: `article-${String(n).padStart(14, "0")}`,
  title: `Article ${n}`,
  siteName: n % 2 ? "example.com" : null,
  listeningMinutes: n,
  addedAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
});

describe("saved articles", () => {
  it("keeps only well-formed entries from storage, never throwing on what it finds", () => {
    expect(parseSavedArticles(null)).toEqual([]);
    expect(parseSavedArticles({ id: "x" })).toEqual([]);
    const good = article(1);
    const stored = [
      good,
      { ...good, id: "../../etc" },
      { ...good, listeningMinutes: -1 },
      { ...good, addedAt: "yesterday" },
      { ...good, siteName: 3 },
      "x",
      null,
    ];
    expect(parseSavedArticles(stored)).toEqual([good]);
  });

  it("puts a new import first, and an article imported again moves up instead of repeating", () => {
    let list = withArticle([], article(1));
    list = withArticle(list, article(2));
    expect(list.map((a) => a.title)).toEqual(["Article 2", "Article 1"]);
    list = withArticle(list, { ...article(1), addedAt: "2026-02-01T00:00:00.000Z" });
    expect(list.map((a) => a.title)).toEqual(["Article 1", "Article 2"]);
    expect(list[0].addedAt).toBe("2026-02-01T00:00:00.000Z");
  });

  it("is bounded: the oldest entries fall off", () => {
    let list: SavedArticle[] = [];
    for (let n = 0; n < MAX_SAVED_ARTICLES + 5; n++) list = withArticle(list, article(n));
    expect(list).toHaveLength(MAX_SAVED_ARTICLES);
    expect(list[0].title).toBe(`Article ${MAX_SAVED_ARTICLES + 4}`);
    expect(list.some((a) => a.title === "Article 4")).toBe(false);
  });

  it("removes one article by id", () => {
    const list = [article(1), article(2), article(3)];
    expect(withoutArticle(list, article(2).id).map((a) => a.title)).toEqual(["Article 1", "Article 3"]);
  });
});
