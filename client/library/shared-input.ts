// What arrives from a phone's share sheet (the manifest's share_target: GET /share?title=&text=&url=) or from the
// "Listen to this page" bookmarklet, made into what the reader would have typed in the import box. Apps share a
// link in `url`, or inside `text` ("Some title https://…"), or share a passage of text itself.
import { MAX_PASTED_CHARS } from "./import-request";

export interface Shared {
  title?: string;
  text?: string;
  url?: string;
}

const LINK = /^https?:\/\/\S+$/i;
const LINK_IN_TEXT = /https?:\/\/[^\s<>"]+/i;

export function sharedInput({ title, text, url }: Shared): string {
  const link = url?.trim();
  if (link && LINK.test(link)) return link;
  // Cut first, so the search below is linear in a bounded string whatever was shared.
  const body = (text ?? "").slice(0, MAX_PASTED_CHARS).trim();
  const found = LINK_IN_TEXT.exec(body)?.[0];
  if (found) return found;
  const heading = title?.trim().slice(0, 300);
  if (!body) return heading ?? "";
  return heading && !body.startsWith(heading) ? `${heading}\n\n${body}` : body;
}

/**
 * The bookmarklet: sends the page in the current tab to this app's /share, which imports it. It runs on the other
 * site, not on ours, so our page's Content-Security-Policy does not apply to it.
 */
export function bookmarkletHref(origin: string): string {
  return `javascript:void(location.href=${JSON.stringify(`${origin}/share?url=`)}+encodeURIComponent(location.href))`;
}
