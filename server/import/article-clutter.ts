// What Readability keeps in an article's body that is not the article: the page's sign-up boxes, and the lines
// that repeat the metadata the reader's header already shows (the title, "By Maria Okafor, Staff Reporter ·
// May 14, 2024 · 5 min read", "Updated May 15, 2024"). The voice would open with them, and the page would show
// them twice. Ad labels, share buttons and "Related:" lines are whole-line patterns of the cleaning both sides
// run (lib/text/clean-text.ts); what needs the page (its forms) or the metadata (the byline's names) is here.
//
// Every rule removes a whole block only when every word of it is accounted for, so a paragraph that starts with
// "By the time…" or mentions the town's newsletter is never touched. The work is bounded: each text node is
// visited once, and the few blocks that match are checked on their own.
import { DOM_NUMBERS, PROSE_BLOCK_SELECTOR } from "@/lib/dom/extract-text";
import { cleanTextForTTS } from "@/lib/text/clean-text";
import { HEADING_TAGS } from "./html-headings";

/** The metadata the header shows, as extraction found it. */
export interface ShownMetadata {
  title: string | null;
  byline: string | null;
}

// A sign-up box is small: climbing from its form stops before anything this long (the article itself).
const MAX_BOX_CHARS = 400;
const MAX_BOX_LEVELS = 4;
const MAX_BOXES = 50;
// A metadata line is short; a longer block is prose whatever it mentions.
const MAX_META_LINE_CHARS = 200;
const MAX_REMOVED_LINES = 200;

// The blocks the spoken text is cut into (lib/dom/extract-text.ts), and the ones sites put bylines in.
const BLOCKS = `${PROSE_BLOCK_SELECTOR}, address, header, footer`;
const HEADINGS = new Set<string>(HEADING_TAGS.map((tag) => tag.toUpperCase()));

/**
 * Removes the page's sign-up boxes (a form with an email field, a newsletter or subscription panel) before
 * Readability runs: Readability drops the form but keeps the box's heading and blurb ("Get the morning briefing").
 */
export function removeSignUpBoxes(document: Document): void {
  const fields = document.querySelectorAll("input[type='email' i], form");
  let removed = 0;
  for (const field of fields) {
    if (removed >= MAX_BOXES) return;
    if (!document.body?.contains(field)) continue;
    let box: Element = field.closest("form") ?? field;
    for (let level = 0; level < MAX_BOX_LEVELS; level++) {
      const parent: Element | null = box.parentElement;
      if (!parent || parent === document.body || (parent.textContent ?? "").length > MAX_BOX_CHARS) break;
      box = parent;
    }
    // A form that is the page's article (a comment field under it, say) is no box.
    if ((box.textContent ?? "").length > MAX_BOX_CHARS) continue;
    box.remove();
    removed++;
  }
}

interface Line {
  block: Element;
  text: string;
}

/** The article's lines: the text of each block (nearest enclosing block element), in order. */
function linesOf(root: Element): Line[] {
  const walker = root.ownerDocument.createTreeWalker(root, DOM_NUMBERS.SHOW_TEXT);
  const lines: Line[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const data = (node as Text).data;
    if (!data.trim()) continue;
    const block = node.parentElement?.closest(BLOCKS) ?? root;
    const last = lines.at(-1);
    if (last?.block === block) last.text += data;
    else lines.push({ block, text: data });
  }
  for (const line of lines) line.text = line.text.replace(/\s+/g, " ").trim();
  return lines;
}

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\s\p{P}]+/gu, " ")
    .trim();

// Words a metadata line is made of, besides names and numbers (lowercase). Several languages' "by", "updated"
// and reading-time words, the roles news sites print after a name, and month and time words.
const BY_WORDS = new Set(["by", "par", "von", "por", "di", "door", "av", "af", "przez", "מאת", "بقلم", "作者", "記者", "автор"]);
const UPDATE_WORDS = new Set([
  "updated",
  "published",
  "posted",
  "last",
  "modified",
  "mis",
  "à",
  "jour",
  "publié",
  "aktualisiert",
  "veröffentlicht",
  "actualizado",
  "publicado",
  "on",
  "at",
]);
const READING_WORDS = new Set([
  "min",
  "mins",
  "minute",
  "minutes",
  "read",
  "reading",
  "time",
  "lecture",
  "lectura",
  "lettura",
  "lesezeit",
  "leestijd",
]);
const ROLE_WORDS = new Set([
  "staff",
  "reporter",
  "writer",
  "correspondent",
  "editor",
  "contributor",
  "columnist",
  "senior",
  "chief",
  "political",
  "science",
  "photographer",
  "and",
  "with",
]);
const TIME_WORDS = new Set(["am", "pm", "a.m", "p.m", "utc", "gmt", "bst", "cet", "est", "edt", "pst", "pdt", "today", "yesterday"]);
const MONTHS = new Set(
  ["en", "fr", "de", "es", "it", "nl", "pt"].flatMap((lang) =>
    ["long", "short"].flatMap((month) =>
      Array.from({ length: 12 }, (_, m) =>
        new Intl.DateTimeFormat(lang, { month: month as "long" | "short", timeZone: "UTC" })
          .format(Date.UTC(2024, m, 15))
          .toLowerCase()
          .replace(/\.$/, ""),
      ),
    ),
  ),
);
const NUMBER = /^\d[\d:./-]*(?:st|nd|rd|th)?$/u;
const NUMERIC_DATE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/u;
const CAPITALIZED = /^\p{Lu}[\p{L}'’.-]*$/u;
const TOKEN = /[^\s·•|,;—–()]+/gu;

/**
 * True when every word of `line` is metadata: the byline's names, "By" and a name in capitals, a role, a date,
 * a time, a reading time, "Updated" — and at least one of them is a byline, a date or a reading time.
 */
export function isMetadataLine(line: string, byline: string | null): boolean {
  if (line.length > MAX_META_LINE_CHARS) return false;
  const names = new Set((byline ?? "").toLowerCase().match(/\p{L}[\p{L}'’.-]*/gu) ?? []);
  const tokens = line.match(TOKEN) ?? [];
  let byName = false;
  let date = false;
  let reading = false;
  let afterBy = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i].replace(/[.:]+$/u, "");
    const lower = token.toLowerCase();
    if (token === "" || /^[\p{P}\p{S}]+$/u.test(token)) continue;
    if (names.has(lower)) {
      byName = true;
    } else if (BY_WORDS.has(lower)) {
      afterBy = 4;
      continue;
    } else if (afterBy > 0 && CAPITALIZED.test(token)) {
      byName = true;
    } else if (MONTHS.has(lower)) {
      date ||= NUMBER.test(tokens[i + 1] ?? "") || NUMBER.test(tokens[i - 1] ?? "");
    } else if (NUMERIC_DATE.test(token)) {
      date = true;
    } else if (NUMBER.test(token)) {
      reading ||= READING_WORDS.has((tokens[i + 1] ?? "").toLowerCase());
    } else if (!READING_WORDS.has(lower) && !UPDATE_WORDS.has(lower) && !ROLE_WORDS.has(lower) && !TIME_WORDS.has(lower)) {
      return false;
    }
    afterBy = Math.max(0, afterBy - 1);
  }
  return byName || date || reading;
}

/**
 * Removes, from Readability's article element, the blocks that only repeat what the header shows (a heading
 * that is the title, at the top; byline, date and reading-time lines) and the blocks the spoken text's cleaning
 * drops whole (an ad's label, "Share this article", "Related: …"), so the page shows what the voice reads. A
 * block that holds other blocks is kept whole: removing it could take prose with it.
 */
export function removeClutterLines(root: Element, shown: ShownMetadata): void {
  const lines = linesOf(root);
  const seen = new Map<Element, number>();
  for (const { block } of lines) seen.set(block, (seen.get(block) ?? 0) + 1);
  const title = shown.title ? normalize(shown.title) : null;
  let removed = 0;
  lines.forEach(({ block, text }, index) => {
    if (removed >= MAX_REMOVED_LINES || block === root || seen.get(block) !== 1) return;
    const repeatsTitle = index === 0 && title !== null && normalize(text) === title;
    const metadata = !HEADINGS.has(block.tagName) && isMetadataLine(text, shown.byline);
    if (!repeatsTitle && !metadata && cleanTextForTTS(text) !== "") return;
    if (block.querySelector(BLOCKS)) return;
    block.remove();
    removed++;
  });
}
