// "Up next": the articles a reader queued from the library, in order, and how much of each they
// heard. Plain values in and out; the browser keeps them (components/hooks/use-up-next.ts).

export interface QueuedArticle {
  id: string;
  title: string;
}

export const UP_NEXT_KEY = "listen:up-next";
export const HEARD_KEY = "listen:heard";
export const AUTOPLAY_NEXT_KEY = "listen:up-next-autoplay";
export const MAX_QUEUED = 50;
export const MAX_HEARD = 500;

// A sample's slug or an import's id.
const ID = /^[A-Za-z0-9_-]{1,128}$/;
const MAX_TITLE = 300;

function isQueued(v: unknown): v is QueuedArticle {
  if (typeof v !== "object" || v === null) return false;
  const { id, title } = v as Record<string, unknown>;
  return typeof id === "string" && ID.test(id) && typeof title === "string" && title.length <= MAX_TITLE;
}

/** The valid entries of a stored queue (anything else is dropped, never thrown on). */
export function parseQueue(stored: unknown): QueuedArticle[] {
  return Array.isArray(stored) ? stored.filter(isQueued).slice(0, MAX_QUEUED) : [];
}

/** The queue with `article` at the end (moved there if it was already queued). */
export function enqueue(queue: readonly QueuedArticle[], article: QueuedArticle): QueuedArticle[] {
  return [...queue.filter((a) => a.id !== article.id), article].slice(-MAX_QUEUED);
}

export function dequeue(queue: readonly QueuedArticle[], id: string): QueuedArticle[] {
  return queue.filter((a) => a.id !== id);
}

/** What plays after article `currentId`: the first queued article that is not it. */
export function nextInQueue(queue: readonly QueuedArticle[], currentId: string): QueuedArticle | null {
  return queue.find((a) => a.id !== currentId) ?? null;
}

/** How much of each article was heard, 0..1, by id. */
export type Heard = Record<string, number>;

export function parseHeard(stored: unknown): Heard {
  if (typeof stored !== "object" || stored === null || Array.isArray(stored)) return {};
  const heard: Heard = {};
  for (const [id, fraction] of Object.entries(stored).slice(-MAX_HEARD)) {
    if (ID.test(id) && typeof fraction === "number" && fraction >= 0 && fraction <= 1) heard[id] = fraction;
  }
  return heard;
}

/** Records `fraction` for `id`, never lowering it (listening again from the top does not un-finish an article). */
export function withHeard(heard: Heard, id: string, fraction: number): Heard {
  const value = Math.min(1, Math.max(0, fraction, heard[id] ?? 0));
  const { [id]: _previous, ...rest } = heard;
  const entries = Object.entries(rest).slice(-(MAX_HEARD - 1));
  return { ...Object.fromEntries(entries), [id]: value };
}

// The voice stops a little short of the last word's end; this much counts as finished.
export const FINISHED_FRACTION = 0.98;

/** What the library says about an article: "Finished", "Heard 40%", or nothing. */
export function heardLabel(fraction: number | undefined): string | null {
  if (fraction === undefined || fraction < 0.01) return null;
  return fraction >= FINISHED_FRACTION ? "Finished" : `Heard ${Math.round(fraction * 100)}%`;
}
