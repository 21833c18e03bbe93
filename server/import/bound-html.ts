// Linear cost before jsdom and Readability see a page (docs/architecture.md invariant 12). Both cost more than
// linear time in nesting depth: jsdom's tree building checks every insertion against the open elements (10,000
// nested <div>s took 160 s to parse), and Readability re-reads each candidate's subtree (200 levels, 2.6 KB:
// 2.7 s). Real articles sit a few dozen elements deep, so one pass over the markup keeps every tag down to
// MAX_DEPTH and drops the tags (not the text) that would open an element deeper than that: the words stay, in the
// deepest element kept, a dropped block leaving a line break so no two words run together. Elements past MAX_ELEMENTS make the page a refusal. The pass reads the markup the way an
// HTML parser opens and closes elements, closely enough for depth: comments, raw-text elements (script, style,
// …), void elements, and the end tags the HTML standard implies (a <p> closed by the next block, an <li> by
// the next <li>, a cell by the next cell) — each step O(1), so the pass is linear in the page.

import { HEADING_TAGS } from "./html-headings";

export const MAX_DEPTH = 48;
export const MAX_ELEMENTS = 200_000;

/** Raised for a page with more elements than any article: the import answers 413. */
export class PageTooComplex extends Error {
  override name = "PageTooComplex";
  readonly code = "PAGE_TOO_COMPLEX";
  constructor() {
    super("The page has too many elements to reduce to an article");
  }
}

const VOID = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"]);
// Their content is text up to their own end tag: no tag inside opens anything.
const RAW_TEXT = new Set(["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]);
const CLOSES_P = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "details",
  "div",
  "dl",
  "fieldset",
  "figcaption",
  "figure",
  "footer",
  "form",
  ...HEADING_TAGS,
  "header",
  "hgroup",
  "hr",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "ul",
  "li",
  "dd",
  "dt",
]);
// Block elements keep words apart: one dropped for depth leaves a line break in its place.
const BLOCK = new Set([...CLOSES_P, "br", "tr", "td", "th", "caption", "option"]);
const dropped = (name: string) => (BLOCK.has(name) ? "\n" : "");

// A start tag that implies the end of the open element on top of the stack (the HTML standard's "optional end tags").
const IMPLIED_END = new Map<string, ReadonlySet<string>>([
  ["li", new Set(["li"])],
  ["dt", new Set(["dt", "dd"])],
  ["dd", new Set(["dt", "dd"])],
  ["option", new Set(["option"])],
  ["optgroup", new Set(["option", "optgroup"])],
  ["tr", new Set(["tr", "td", "th"])],
  ["td", new Set(["td", "th"])],
  ["th", new Set(["td", "th"])],
  ["thead", new Set(["tbody", "tfoot", "tr", "td", "th"])],
  ["tbody", new Set(["thead", "tfoot", "tr", "td", "th"])],
  ["tfoot", new Set(["thead", "tbody", "tr", "td", "th"])],
  ["rt", new Set(["rt", "rp"])],
  ["rp", new Set(["rt", "rp"])],
]);

const TAG_NAME = /[A-Za-z][^\s/>]*/y;

/** The index just past the `>` that ends a tag starting at `from`, quotes in attribute values respected. */
function tagEnd(html: string, from: number): number {
  let quote = 0;
  for (let i = from; i < html.length; i++) {
    const code = html.charCodeAt(i);
    if (quote) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) quote = code;
    else if (code === 0x3e) return i + 1;
  }
  return html.length;
}

interface Open {
  name: string;
  /** whether its start tag was written out (false: dropped for depth, so its end tag is dropped too) */
  kept: boolean;
}

/** The page's markup with no element deeper than `maxDepth`; throws PageTooComplex past `maxElements`. */
export function boundHtml(html: string, { maxDepth = MAX_DEPTH, maxElements = MAX_ELEMENTS } = {}): string {
  const out: string[] = [];
  const stack: Open[] = [];
  // How many of each name are open, so an end tag with no open element of its name is known in O(1).
  const openCount = new Map<string, number>();
  let kept = 0;
  let elements = 0;
  let copied = 0;

  const push = (name: string, keep: boolean) => {
    stack.push({ name, kept: keep });
    if (keep) kept++;
    openCount.set(name, (openCount.get(name) ?? 0) + 1);
  };
  const pop = () => {
    const top = stack.pop()!;
    if (top.kept) kept--;
    openCount.set(top.name, openCount.get(top.name)! - 1);
    return top;
  };

  for (let i = html.indexOf("<"); i !== -1 && i < html.length; i = html.indexOf("<", i)) {
    if (html.startsWith("<!--", i)) {
      const end = html.indexOf("-->", i + 4);
      i = end === -1 ? html.length : end + 3;
      continue;
    }
    const closing = html.charCodeAt(i + 1) === 0x2f;
    TAG_NAME.lastIndex = i + (closing ? 2 : 1);
    const match = TAG_NAME.exec(html);
    if (!match) {
      i = html.charCodeAt(i + 1) === 0x21 || html.charCodeAt(i + 1) === 0x3f ? tagEnd(html, i) : i + 1;
      continue;
    }
    const name = match[0].toLowerCase();
    const end = tagEnd(html, TAG_NAME.lastIndex);
    if (closing) {
      if (!openCount.get(name)) {
        i = end;
        continue;
      }
      let top: Open;
      do top = pop();
      while (top.name !== name);
      if (!top.kept) {
        out.push(html.slice(copied, i), dropped(name));
        copied = end;
      }
      i = end;
      continue;
    }
    if (++elements > maxElements) throw new PageTooComplex();
    const top = stack.at(-1);
    if (top && ((top.name === "p" && CLOSES_P.has(name)) || IMPLIED_END.get(name)?.has(top.name))) pop();
    if (VOID.has(name)) {
      i = end;
      continue;
    }
    const keep = kept < maxDepth;
    if (RAW_TEXT.has(name)) {
      // Its text runs to its own end tag, searched case-insensitively without copying the page. Too deep, the
      // whole element goes: a script's source must never become words.
      const close = new RegExp(`</${name}[\\s/>]`, "gi");
      close.lastIndex = end;
      const found = close.exec(html);
      const after = found ? tagEnd(html, found.index + 2) : html.length;
      if (!keep) {
        out.push(html.slice(copied, i));
        copied = after;
      }
      i = after;
      continue;
    }
    if (!keep) {
      out.push(html.slice(copied, i), dropped(name));
      copied = end;
    }
    push(name, keep);
    i = end;
  }
  out.push(html.slice(copied));
  return out.join("");
}
