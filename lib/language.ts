// Language tags as the app uses them: an article's language and a voice's are BCP 47 primary subtags ("en",
// "fr", "zh"). Shared by the import (which detects it), the API (which validates what a request names) and the
// reader page (which names it).

// A tag's shape (RFC 5646, simplified): a primary language of 2–3 letters and up to four subtags.
export const LANGUAGE_TAG_PATTERN = "^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8}){0,4}$";
const TAG = new RegExp(LANGUAGE_TAG_PATTERN);
// Old codes pages still declare.
const DEPRECATED: Record<string, string> = { iw: "he", in: "id", ji: "yi", jw: "jv", mo: "ro" };

/** The primary language subtag of a BCP 47 tag, lowercased and with deprecated codes replaced; null if malformed. */
export function primaryLanguage(tag: string | null | undefined): string | null {
  const trimmed = tag?.trim();
  if (!trimmed || !TAG.test(trimmed)) return null;
  const primary = trimmed.split("-")[0].toLowerCase();
  return DEPRECATED[primary] ?? primary;
}

const names = new Intl.DisplayNames("en", { type: "language", fallback: "none" });

/** The language's name in English ("Amharic"); the tag itself when the runtime knows no name for it. */
export function languageName(lang: string): string {
  try {
    return names.of(lang) ?? lang;
  } catch {
    return lang; // not a tag Intl accepts
  }
}
