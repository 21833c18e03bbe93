// A page (or pasted HTML, or pasted text) reduced to the article a reader wants to hear: Readability finds the
// article and its metadata, the sanitizer makes its HTML safe, and the spoken text is read out of that
// sanitized DOM by the very walk the browser runs over the rendered `html` (lib/dom/extract-text.ts), so the
// words the API will speak and the words the reader's page wraps in spans are the same words.
import { Readability } from "@mozilla/readability";
import { JSDOM, VirtualConsole } from "jsdom";
import { splitWords } from "@/lib/text/split-words";
import { extractTTSText } from "@/lib/dom/extract-text";
import { removeClutterLines, removeSignUpBoxes } from "./article-clutter";
import { primaryLanguage } from "@/lib/language";
import { articleLanguage } from "./article-language";
import { sanitizeInPlace } from "./sanitize-html";
import type { ArticleJson } from "@/lib/articles/article-json";

/** What extraction finds in a page or a paste: the article less what storage adds (id, url, counts). */
export type ArticleContent = Omit<ArticleJson, "id" | "url" | "words" | "listeningMinutes">;

export interface ArticleExtractor {
  /** undefined when nothing readable is there */
  fromHtml(html: string, url?: URL): ArticleContent | undefined;
  fromText(text: string, title?: string): ArticleContent | undefined;
}

/** The same work, wherever it runs (in process, or on a worker thread: extract-off-thread.ts). */
export interface AsyncArticleExtractor {
  fromHtml(html: string, url?: URL): Promise<ArticleContent | undefined>;
  fromText(text: string, title?: string): Promise<ArticleContent | undefined>;
}

// Below this a page's "article" is a cookie banner or a menu, not something to listen to.
const MIN_PAGE_WORDS = 15;
const MAX_TITLE_CHARS = 300;
const MAX_META_CHARS = 500;
const RTL_LANGUAGES: ReadonlySet<string> = new Set(["ar", "arc", "ckb", "dv", "fa", "he", "iw", "ks", "ku", "ps", "sd", "ug", "ur", "yi"]);

const squash = (value: string | null | undefined, max = MAX_META_CHARS): string | null => {
  const text = value?.replace(/\s+/g, " ").trim();
  return text ? text.slice(0, max) : null;
};

function directionOf(dir: string | null | undefined, lang: string): "ltr" | "rtl" {
  const declared = dir?.trim().toLowerCase();
  if (declared === "rtl" || declared === "ltr") return declared;
  return RTL_LANGUAGES.has(lang) ? "rtl" : "ltr";
}

// Pasted text carries no dir attribute: its first letter decides, as the Unicode bidi algorithm's first strong
// character does for a paragraph.
const FIRST_LETTER = /\p{L}/u;
const RTL_LETTER = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const textDirection = (text: string): "ltr" | "rtl" => (RTL_LETTER.test(FIRST_LETTER.exec(text)?.[0] ?? "") ? "rtl" : "ltr");

function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}

// Pasted text's first line is its title when it is short and does not end like a sentence or a clause.
const TITLE_LINE_CHARS = 80;
const PROSE_ENDING = /[.,;:]["'”’)\]]*$/;
function titleLine(paragraph: string): string | undefined {
  const line = paragraph.split("\n")[0].trim();
  return line.length <= TITLE_LINE_CHARS && !PROSE_ENDING.test(line) ? line : undefined;
}

const escapeHtml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const quietDom = (html: string, url?: URL) => new JSDOM(html, { url: url?.href, contentType: "text/html", virtualConsole: new VirtualConsole() });

/** Sanitizes the article's root in place, then reads its html and spoken text. */
function finish(root: Element) {
  sanitizeInPlace(root);
  return { html: root.innerHTML, text: extractTTSText(root) };
}

export function createArticleExtractor(): ArticleExtractor {
  const fromHtml = (html: string, url?: URL): ArticleContent | undefined => {
    // No scripts run and no resources load: jsdom does neither unless asked. The URL only resolves relative links.
    const dom = quietDom(html, url);
    try {
      const { document } = dom.window;
      const pageLang =
        document.documentElement.getAttribute("lang") ??
        document.querySelector("meta[http-equiv='content-language' i]")?.getAttribute("content")?.split(",")[0];
      const pageDir = document.documentElement.getAttribute("dir") ?? document.body?.getAttribute("dir");
      removeSignUpBoxes(document);
      // The serializer hands back Readability's own element, so it is sanitized where it is, never re-parsed.
      const parsed = new Readability<Element>(document, { serializer: (element) => element as Element }).parse();
      if (!parsed?.content) return undefined;
      removeClutterLines(parsed.content, { title: parsed.title ?? null, byline: parsed.byline ?? null });
      const { html: clean, text } = finish(parsed.content);
      const declared = primaryLanguage(parsed.lang) ?? primaryLanguage(pageLang);
      const lang = articleLanguage(text, declared);
      if (splitWords(text, lang).length < MIN_PAGE_WORDS) return undefined;
      return {
        title: squash(parsed.title, MAX_TITLE_CHARS) ?? squash(url?.hostname, MAX_TITLE_CHARS) ?? "Untitled article",
        byline: squash(parsed.byline),
        siteName: squash(parsed.siteName) ?? (url ? url.hostname.replace(/^www\./, "") : null),
        lang,
        // A page whose declared language the text overruled has the template's direction too, not the text's.
        dir: directionOf(lang === declared ? (parsed.dir ?? pageDir) : null, lang),
        publishedTime: isoDate(parsed.publishedTime),
        excerpt: squash(parsed.excerpt),
        html: clean,
        text,
      };
    } finally {
      dom.window.close();
    }
  };

  const fromText = (pasted: string, title?: string): ArticleContent | undefined => {
    // Blank lines separate paragraphs. A single line break stays in the text node (a line break when spoken, a
    // space when shown): a <br> would not do, the browser's extraction walk never sees elements it skips into.
    let paragraphs = pasted
      .replace(/\r\n?/g, "\n")
      .split(/\n[^\S\n]*\n\s*/)
      .map((p) => p.trim())
      .filter(Boolean);
    // A first line that reads as a title becomes the title and leaves the body, which the page shows under it:
    // kept, it was shown twice (heading and first paragraph). A line ending like a sentence stays prose.
    const headline = !squash(title) && paragraphs.length > 0 ? titleLine(paragraphs[0]) : undefined;
    if (headline !== undefined && paragraphs.join("").length > headline.length) {
      paragraphs = [paragraphs[0].slice(headline.length).trim(), ...paragraphs.slice(1)].filter(Boolean);
      title = headline;
    }
    if (paragraphs.length === 0) return undefined;
    const dom = quietDom("<!doctype html><body><div></div></body>");
    let html: string;
    let text: string;
    try {
      const root = dom.window.document.querySelector("div")!;
      root.innerHTML = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("");
      ({ html, text } = finish(root));
    } finally {
      dom.window.close();
    }
    if (!text) return undefined;
    const firstLine = text.split("\n")[0];
    return {
      title: squash(title, MAX_TITLE_CHARS) ?? (firstLine.length > 80 ? `${firstLine.slice(0, 79).trimEnd()}…` : firstLine),
      byline: null,
      siteName: null,
      lang: articleLanguage(text, null),
      dir: textDirection(text),
      publishedTime: null,
      excerpt: squash(paragraphs[0].slice(0, MAX_META_CHARS)),
      html,
      text,
    };
  };

  return { fromHtml, fromText };
}
