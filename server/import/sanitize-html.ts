// An imported article's HTML, made safe to render in the reader (DOMPurify on jsdom: DOMPurify leaves
// scripts, iframes and event handlers in place on linkedom and happy-dom, so they are not an option). An
// allow-list, never a block-list: prose, headings, lists, quotes, figures with captions, images, code, tables,
// emphasis and links. Nothing that runs or loads on its own survives: no script, style, iframe, object, embed,
// form, on* handler, style attribute, srcset, or URL other than http(s). Links never hand the reader's page
// to the site (rel=noopener noreferrer nofollow); images load lazily.
import createDOMPurify, { type Config, type DOMPurify } from "dompurify";
import { HEADING_TAGS } from "./html-headings";

const ALLOWED_TAGS = [
  ...HEADING_TAGS,
  "p",
  "br",
  "hr",
  "div",
  "section",
  "article",
  "span",
  "ul",
  "ol",
  "li",
  "dl",
  "dt",
  "dd",
  "blockquote",
  "q",
  "cite",
  "figure",
  "figcaption",
  "img",
  "pre",
  "code",
  "kbd",
  "samp",
  "var",
  "table",
  "thead",
  "tbody",
  "tfoot",
  "tr",
  "th",
  "td",
  "caption",
  "colgroup",
  "col",
  "em",
  "strong",
  "b",
  "i",
  "u",
  "s",
  "del",
  "ins",
  "mark",
  "small",
  "sub",
  "sup",
  "abbr",
  "time",
  "a",
];
const ALLOWED_ATTR = [
  "href",
  "src",
  "alt",
  "title",
  "width",
  "height",
  "colspan",
  "rowspan",
  "scope",
  "datetime",
  "lang",
  "dir",
  "start",
  "reversed",
];

const CONFIG: Config = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  // DOMPurify's default less the other schemes (mailto:, tel:, ...). It also vets every attribute that is not
  // "URI-safe" (colspan, width, ...), so it must keep accepting values without a scheme; the hook below then
  // narrows href and src to absolute http(s).
  ALLOWED_URI_REGEXP: /^(?:https?:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
};

export const LINK_REL = "noopener noreferrer nofollow";
const HTTP_URL = /^https?:\/\//i;

// One DOMPurify per document's window (creating one costs about a millisecond); hooks belong to the instance.
const instances = new WeakMap<object, DOMPurify>();

function purifierFor(window: Window): DOMPurify {
  let purify = instances.get(window);
  if (purify) return purify;
  purify = createDOMPurify(window as Window & typeof globalThis);
  purify.addHook("afterSanitizeAttributes", (node) => {
    if (node.nodeName === "A" && node.hasAttribute("href")) {
      if (HTTP_URL.test(node.getAttribute("href") ?? "")) node.setAttribute("rel", LINK_REL);
      else node.removeAttribute("href");
    }
    if (node.nodeName !== "IMG") return;
    // DOMPurify lets data: through on images whatever ALLOWED_URI_REGEXP says; only http(s) may stay.
    if (!HTTP_URL.test(node.getAttribute("src") ?? "")) node.removeAttribute("src");
    node.setAttribute("loading", "lazy");
  });
  instances.set(window, purify);
  return purify;
}

/**
 * Sanitizes an element of a jsdom document in place (its own tag must be an allowed container, e.g. a div).
 * In place rather than from a string: serializing Readability's result and parsing it again took longer than
 * the sanitizing itself.
 */
export function sanitizeInPlace(root: Element): void {
  const window = root.ownerDocument.defaultView;
  if (!window) throw new TypeError("Expected `root` to belong to a document with a window");
  purifierFor(window).sanitize(root, { ...CONFIG, IN_PLACE: true });
  // An image whose source was refused (data:, javascript:, relative) has nothing left to show.
  for (const image of Array.from(root.querySelectorAll("img:not([src])"))) image.remove();
}
