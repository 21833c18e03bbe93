// What the home page's one box sends to POST /api/articles: a single web address is a link to import,
// anything else is the article itself, pasted as text.

export type ImportRequest = { url: string } | { text: string };

/** Pasted text the API accepts (twice TTS_MAX_TEXT_CHARS by default): checked here to say so before sending. */
export const MAX_PASTED_CHARS = 200_000;

// One token, no spaces, starting with a scheme the API fetches; anything else is read as text, except a single
// link of another kind (ftp://…, file:…), which is not an article and would only be read aloud as its address.
const LINK = /^https?:\/\/\S+$/i;
const OTHER_LINK = /^(?:[a-z][a-z0-9+.-]*:\/\/|file:)\S*$/i;

export const NOT_A_WEB_LINK =
  "Listen opens web pages only: links that start with https:// or http://. For a file, open it, copy its text and paste it here.";

/** What the box does with what the reader typed or pasted: a request, a refusal to show, or nothing (empty). */
export function importRequestFor(input: string): ImportRequest | { refused: string } | null {
  const value = input.trim();
  if (!value) return null;
  if (LINK.test(value)) return { url: value };
  return OTHER_LINK.test(value) ? { refused: NOT_A_WEB_LINK } : { text: value };
}
