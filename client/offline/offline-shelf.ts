// Which articles this browser can play with no connection, and the room they take (docs/architecture.md "Feeds and
// the app shell"). The audio is the player's own IndexedDB copy (L1, client/audio-cache/audio-cache.ts); the shelf
// remembers, per article, which L1 entry is its audio in the voice it was kept in, so the library can mark it and
// free it. Kept within the browser's quota (`navigator.storage.estimate`): before a new article is stored, the
// oldest ones go until the new one fits under the budget.
import type { KeyValueStore } from "@/client/audio-cache/audio-cache";

export interface OfflineArticle {
  id: string;
  title: string;
  /** the L1 key of its audio */
  key: string;
  voice: string;
  /** size of its audio */
  bytes: number;
  /** epoch ms when it was kept */
  savedAt: number;
}

export interface StorageEstimate {
  usage: number;
  quota: number;
}

/** Share of the browser's quota the shelf lets the origin fill: the rest is headroom for everything else. */
export const STORAGE_BUDGET = 0.8;

/**
 * The oldest articles to drop so that `incoming` more bytes fit under `budget` of the quota, counting only what the
 * shelf itself can give back; none when it already fits.
 */
export function planEviction(
  shelf: readonly OfflineArticle[],
  estimate: StorageEstimate,
  incoming: number,
  budget = STORAGE_BUDGET,
): OfflineArticle[] {
  const limit = estimate.quota * budget;
  let usage = estimate.usage + incoming;
  const evicted: OfflineArticle[] = [];
  for (const article of [...shelf].sort((a, b) => a.savedAt - b.savedAt)) {
    if (usage <= limit) break;
    evicted.push(article);
    usage -= article.bytes;
  }
  return evicted;
}

export interface OfflineShelf {
  /** newest first */
  list(): Promise<OfflineArticle[]>;
  get(id: string): Promise<OfflineArticle | undefined>;
  put(article: OfflineArticle): Promise<void>;
  remove(ids: string[]): Promise<void>;
}

export function createOfflineShelf(store: KeyValueStore<OfflineArticle>): OfflineShelf {
  return {
    list: async () => (await store.entries()).map(([, article]) => article).sort((a, b) => b.savedAt - a.savedAt),
    get: (id) => store.get(id),
    put: (article) => store.set(article.id, article),
    remove: (ids) => store.delMany(ids),
  };
}
