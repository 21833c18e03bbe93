// An imported article's HTML, made safe to render in the reader (DOMPurify on jsdom: DOMPurify leaves
// scripts, iframes and event handlers in place on linkedom and happy-dom, so they are not an option). An
// allow-list, never a block-list: prose, headings, lists, quotes, figures with captions, images, code, tables,
// emphasis and links. Nothing that runs or loads on its own survives: no script, style, iframe, object, embed,
// form, on* handler, style attribute, srcset, or URL other than http(s). Links never hand the reader's page
// to the site (rel=noopener noreferrer nofollow); images load lazily.
import createDOMPurify, { type Config, type DOMPurify } from "dompurify";
import { JSDOM, VirtualConsole } from "jsdom";

const ALLOWED_TAGS = [
  "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "div", "section", "article", "span",
  "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "q", "cite", "figure", "figcaption", "img",
  "pre", "code", "kbd", "samp", "var", "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col",
  "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr", "time", "a",
];
const ALLOWED_ATTR = ["href", "src", "alt", "title", "width", "height", "colspan", "rowspan", "scope", "datetime", "lang", "dir", "start", "reversed"];

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: /^https?:/i,
};

export const LINK_REL = "noopener noreferrer nofollow";

export interface HtmlSanitizer {
  /** The sanitized article as a detached <body> of the sanitizer's own document, ready to serialize or walk. */
  sanitize(html: string): Element;
}

export function createHtmlSanitizer(): HtmlSanitizer {
  let purify: DOMPurify | undefined;

  // The jsdom window is made on first use, not at construction: nothing heavy happens at startup.
  const instance = (): DOMPurify => {
    if (purify) return purify;
    const { window } = new JSDOM("", { virtualConsole: new VirtualConsole() });
    purify = createDOMPurify(window as unknown as Window & typeof globalThis);
    purify.addHook("afterSanitizeAttributes", (node) => {
      if (node.nodeName === "A" && node.hasAttribute("href")) node.setAttribute("rel", LINK_REL);
      if (node.nodeName !== "IMG") return;
      // DOMPurify lets data: through on images whatever ALLOWED_URI_REGEXP says; only http(s) may stay.
      if (!/^https?:/i.test(node.getAttribute("src") ?? "")) node.removeAttribute("src");
      node.setAttribute("loading", "lazy");
    });
    return purify;
  };

  return {
    sanitize(html) {
      const body = instance().sanitize(html, { ...CONFIG, RETURN_DOM: true });
      // An image whose source was refused (data:, javascript:, relative) has nothing left to show.
      for (const image of Array.from(body.querySelectorAll("img:not([src])"))) image.remove();
      return body;
    },
  };
}
