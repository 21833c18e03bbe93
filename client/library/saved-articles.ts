// "Your articles" for a reader who is not signed in: the articles they imported, kept in their browser
// (a signed-in reader's list is kept by the API). Newest first, one entry per article, bounded.

export interface SavedArticle {
  id: string;
  title: string;
  siteName: string | null;
  listeningMinutes: number;
  /** ISO time it was imported */
  addedAt: string;
}

export const SAVED_ARTICLES_KEY = "listen:articles";
export const MAX_SAVED_ARTICLES = 200;

const ID = /^[A-Za-z0-9_-]{22}$/;
const MAX_TITLE = 300;

function isSavedArticle(v: unknown): v is SavedArticle {
  if (typeof v !== "object" || v === null) return false;
  const a = v as Record<string, unknown>;
  return (
    typeof a.id === "string" &&
    ID.test(a.id) &&
    typeof a.title === "string" &&
    a.title.length <= MAX_TITLE &&
    (a.siteName === null || (typeof a.siteName === "string" && a.siteName.length <= MAX_TITLE)) &&
    Number.isInteger(a.listeningMinutes) &&
    (a.listeningMinutes as number) >= 0 &&
    typeof a.addedAt === "string" &&
    !Number.isNaN(Date.parse(a.addedAt))
  );
}

/** The valid entries of a stored value (anything else is dropped, never thrown on). */
export function parseSavedArticles(stored: unknown): SavedArticle[] {
  return Array.isArray(stored) ? stored.filter(isSavedArticle).slice(0, MAX_SAVED_ARTICLES) : [];
}

/** The list with `article` first; importing an article again moves it to the top instead of repeating it. */
export function withArticle(list: readonly SavedArticle[], article: SavedArticle): SavedArticle[] {
  return [article, ...list.filter((a) => a.id !== article.id)].slice(0, MAX_SAVED_ARTICLES);
}

export function withoutArticle(list: readonly SavedArticle[], id: string): SavedArticle[] {
  return list.filter((a) => a.id !== id);
}
