// Every way an import can fail, said so that the reader knows what to do next (docs/architecture.md, "/api/articles and /api/library").

const MESSAGES: Record<string, string> = {
  INVALID_URL: "That link does not look right. Check that it starts with https:// and has no user name or password in it.",
  URL_FORBIDDEN: "That page is not public — Listen can only open pages anyone on the internet can reach.",
  PAGE_TOO_LARGE: "That page is too large to open. Try the article's own page, or paste its text instead.",
  UNSUPPORTED_CONTENT: "This looks like a PDF or another file, not a web page. Open it, copy the text, and paste it here.",
  NO_ARTICLE: "No article was found on that page. Try the link of the article itself, or paste its text.",
  RATE_LIMITED: "That is a lot of imports in a short time. Wait a minute, then try again.",
  IMPORT_BUSY: "Listen is opening a lot of pages right now. Try again in a few seconds.",
  FETCH_FAILED: "That page could not be reached. Check the link, or try again later.",
  FETCH_TIMEOUT: "That site took too long to answer. Try again later, or paste the article's text.",
  INVALID_REQUEST: "That could not be opened. Paste one link, or the text of an article.",
  BODY_TOO_LARGE: "That is too long to paste in one go. Paste a shorter article, or its link.",
  TEXT_TOO_LONG: "That is too long to paste in one go. Paste a shorter article, or its link.",
  UNAUTHORIZED: "Your session has ended. Sign in again, or reload the page to continue signed out.",
  UPSTREAM_TIMEOUT: "Opening that took too long. Try again in a moment.",
  UPSTREAM_UNAVAILABLE: "Listen is not reachable right now. Try again in a moment.",
};

const FALLBACK = "Something went wrong while opening that. Try again in a moment.";
export const OFFLINE = "You seem to be offline. Check your connection and try again.";

/** The message for an import's error code; unknown codes (and none) get a general one. */
export function importErrorMessage(code: string | undefined): string {
  return (code !== undefined && Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : undefined) ?? FALLBACK;
}
