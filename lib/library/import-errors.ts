// Every way an import can fail, said so that the reader knows what to do next (docs/architecture.md, "/api/articles and /api/library").

const MESSAGES: Record<string, string> = {
  INVALID_URL: "That link does not look right. Check that it starts with https:// and has no user name or password in it.",
  URL_FORBIDDEN: "That page is not public — Listen can only open pages anyone on the internet can reach.",
  PAGE_TOO_LARGE: "That page is too large to open. Try the article's own page, or paste its text instead.",
  UNSUPPORTED_CONTENT: "This looks like a PDF or another file, not a web page. Open it, copy the text, and paste it here.",
  NO_ARTICLE: "No article was found on that page. Try the link of the article itself, or paste its text.",
  RATE_LIMITED: "That is a lot of imports in a short time. Wait a minute, then try again.",
  FETCH_FAILED: "That page could not be reached. Check the link, or try again later.",
  FETCH_TIMEOUT: "That site took too long to answer. Try again later, or paste the article's text.",
  INVALID_REQUEST: "That could not be opened. Paste one link, or the text of an article.",
  BODY_TOO_LARGE: "That is too long to paste in one go. Paste a shorter article, or its link.",
  TEXT_TOO_LONG: "That is too long to paste in one go. Paste a shorter article, or its link.",
  UNAUTHORIZED: "Your session has ended. Sign in again, or reload the page to continue signed out.",
  UPSTREAM_TIMEOUT: "Opening that took too long. Try again in a moment.",
  UPSTREAM_UNAVAILABLE: "Listen is not reachable right now. Try again in a moment.",
  STARTING: "Listen is starting up. Try again in a few seconds.",
};

const FALLBACK = "Something went wrong while opening that. Try again in a moment.";
export const OFFLINE = "You seem to be offline. Check your connection and try again.";

/**
 * How FETCH_FAILED's message names the site's own HTTP status (server/import/safe-fetch.ts writes it, the box reads
 * it back): the contract puts the status in the message, and this is the one wording both sides use.
 */
export const siteAnswered = (status: number) => `the site answered ${status}`;
const SITE_STATUS = /\bthe site answered (\d{3})\b/;

function siteStatusMessage(status: number): string {
  if (status === 401 || status === 403)
    return `The site answered ${status}: it does not let Listen read that page. Paste the article's text instead.`;
  if (status === 429) return "The site answered 429: it is busy. Try again in a few minutes.";
  if (status >= 500) return `The site answered ${status}: it is having trouble. Try again later.`;
  return `The site answered ${status}: check the link.`;
}

/**
 * The message for an import's error code (and the API's own message, which for FETCH_FAILED may carry the site's
 * status); unknown codes (and none) get a general one.
 */
export function importErrorMessage(code: string | undefined, error?: string): string {
  if (code === "FETCH_FAILED") {
    const status = SITE_STATUS.exec(error?.slice(0, 200) ?? "")?.[1];
    if (status) return siteStatusMessage(Number(status));
  }
  return (code !== undefined && Object.hasOwn(MESSAGES, code) ? MESSAGES[code] : undefined) ?? FALLBACK;
}
