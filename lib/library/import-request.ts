// What the home page's one box sends to POST /api/articles: a single web address is a link to import,
// anything else is the article itself, pasted as text.

export type ImportRequest = { url: string } | { text: string };

/** Pasted text the API accepts (twice TTS_MAX_TEXT_CHARS by default): checked here to say so before sending. */
export const MAX_PASTED_CHARS = 200_000;

// One token, no spaces, starting with a scheme the API fetches; anything else is read as text.
const LINK = /^https?:\/\/\S+$/i;

/** The request for what the reader typed or pasted, or null when there is nothing to import. */
export function importRequestFor(input: string): ImportRequest | null {
  const value = input.trim();
  if (!value) return null;
  return LINK.test(value) ? { url: value } : { text: value };
}
