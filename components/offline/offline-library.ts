// Offline listening in the browser (docs/architecture.md "Feeds and the app shell"): keeping an article's audio in the
// player's IndexedDB copy (L1) ahead of time, noting the articles whose audio is there, and giving the room back.
// The player itself is untouched: an article kept here is, to it, an article heard before, found in L1 by the
// same key (lib/conversation/speech.ts) from the same text (the page's article, walked as Listen walks it) in the
// reader's chosen voice. Its page and built assets go to the service worker's cache, so it opens offline too.
import { createStore, delMany, entries, get, set } from "idb-keyval";
import { diskAudioCache } from "@/client/audio-cache/indexeddb-audio-cache";
import { speechCacheKey } from "@/lib/conversation/speech";
import { extractTTSText } from "@/lib/dom/extract-text";
import { createOfflineShelf, planEviction, type OfflineArticle, type OfflineShelf, type StorageEstimate } from "@/client/offline/offline-shelf";
import { decodeBase64 } from "@/client/stream/decode-base64";
import { DEFAULT_AUDIO_SETTINGS } from "@/lib/text/cache-key";
import { DEFAULT_LANGUAGE, type Tier } from "@/lib/voices";
import { preferredVoice } from "@/client/listening/preferred-voice";
import { askServiceWorker, assetsOf } from "@/components/pwa/ask-service-worker";

/** Dispatched on window whenever the shelf changes, so every view of it re-reads. */
export const OFFLINE_CHANGED = "listen:offline-changed";

export class KeepOfflineError extends Error {
  override name = "KeepOfflineError";
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

let shelf: OfflineShelf | null | undefined;

/** The shelf in IndexedDB, or null where there is none. */
export function offlineShelf(): OfflineShelf | null {
  if (shelf === undefined) {
    if (typeof indexedDB === "undefined") shelf = null;
    else {
      const store = createStore("listen-offline", "articles");
      shelf = createOfflineShelf({
        get: (key) => get<OfflineArticle>(key, store),
        set: (key, value) => set(key, value, store),
        delMany: (keys) => delMany(keys, store),
        entries: () => entries<string, OfflineArticle>(store),
      });
    }
  }
  return shelf;
}

const changed = () => window.dispatchEvent(new Event(OFFLINE_CHANGED));
const pagePath = (id: string) => `/read/${encodeURIComponent(id)}`;

export async function storageEstimate(): Promise<StorageEstimate | null> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  return estimate && typeof estimate.usage === "number" && typeof estimate.quota === "number"
    ? { usage: estimate.usage, quota: estimate.quota }
    : null;
}

/** The articles whose audio is still in L1 (its own policy may have dropped some since), newest first. */
export async function availableOffline(): Promise<OfflineArticle[]> {
  const kept = (await offlineShelf()?.list()) ?? [];
  const disk = diskAudioCache();
  if (!disk) return [];
  const present = await Promise.all(kept.map((article) => disk.has(article.key).catch(() => false)));
  return kept.filter((_, i) => present[i]);
}

/** Drops articles' audio, their shelf entries and their kept pages. */
export async function forgetOffline(articles: readonly OfflineArticle[]): Promise<void> {
  if (articles.length === 0) return;
  await diskAudioCache()?.remove(articles.map((a) => a.key));
  await offlineShelf()?.remove(articles.map((a) => a.id));
  await askServiceWorker({ type: "forget", paths: articles.map((a) => pagePath(a.id)) });
  changed();
}

/** Everything the shelf holds, and every kept article page and answer. */
export async function freeOfflineSpace(): Promise<void> {
  await forgetOffline((await offlineShelf()?.list()) ?? []);
  await askServiceWorker({ type: "clear" });
  changed();
}

/** The page and what it needs to run, into the service worker's cache. */
async function keepPage(id: string, html?: string) {
  const source = html ?? (await (await fetch(pagePath(id))).text());
  await askServiceWorker({ type: "keep", urls: [pagePath(id), ...assetsOf(source)] });
}

/** The oldest kept articles go until `incoming` more bytes fit under the storage budget. */
async function makeRoom(incoming: number, keep: string) {
  const estimate = await storageEstimate();
  if (estimate) await forgetOffline(planEviction((await offlineShelf()?.list()) ?? [], estimate, incoming).filter((a) => a.id !== keep));
}

async function onShelf(entry: OfflineArticle) {
  const shelved = offlineShelf();
  if (!shelved) return;
  await shelved.put(entry);
  // Asked once: a persisted origin is not cleared by the browser under storage pressure.
  void navigator.storage?.persist?.().catch(() => false);
  changed();
}

/**
 * After a listen: when the article's audio (in the voice Listen used) has reached L1, the article goes on the
 * shelf and its page into the service worker's cache. `text` is what Listen read.
 */
export async function noteListened({ id, title, text, tier, lang }: { id: string; title: string; text: string; tier: Tier; lang: string }) {
  const disk = diskAudioCache();
  if (!disk || !text) return;
  const voice = preferredVoice(tier, lang);
  const key = await speechCacheKey({ text, voice, lang }, DEFAULT_AUDIO_SETTINGS);
  const known = await offlineShelf()?.get(id);
  if (known?.key === key || !(await disk.has(key))) return;
  const saved = await disk.get(key);
  if (!saved) return;
  // The player has stored it already: the estimate counts it.
  await makeRoom(0, id);
  await onShelf({ id, title, key, voice, bytes: saved.audio.size, savedAt: Date.now() });
  await keepPage(id).catch(() => undefined);
}

async function refusal(response: Response): Promise<KeepOfflineError> {
  const body = (await response.json().catch(() => null)) as { error?: unknown; code?: unknown } | null;
  return new KeepOfflineError(
    typeof body?.error === "string" ? body.error : `The voice service answered ${response.status}. Please try again.`,
    typeof body?.code === "string" ? body.code : `HTTP_${response.status}`,
  );
}

/**
 * "Keep offline": the article's audio made (or found) now, as a listen would make it — the same request, so the
 * same quota — and stored where the player will look for it, with its page. Throws a KeepOfflineError to show.
 */
export async function keepOffline({
  id,
  title,
  tier,
  signal,
}: {
  id: string;
  title: string;
  tier: Tier;
  signal?: AbortSignal;
}): Promise<OfflineArticle> {
  const disk = diskAudioCache();
  if (!disk) throw new KeepOfflineError("This browser cannot store audio (IndexedDB is off).", "NO_STORAGE");
  const page = await fetch(pagePath(id), { signal });
  if (!page.ok) throw new KeepOfflineError("This article could not be opened. Please try again.", `HTTP_${page.status}`);
  const html = await page.text();
  const root = new DOMParser().parseFromString(html, "text/html").querySelector("[data-article-content]");
  const text = root ? extractTTSText(root) : "";
  if (!text) throw new KeepOfflineError("There is no text to read in this article.", "NO_TEXT");
  // The language the reader page gives its article, so the request and the key are the ones Listen makes.
  const lang = root?.closest("article")?.getAttribute("lang") || DEFAULT_LANGUAGE;
  const voice = preferredVoice(tier, lang);
  const key = await speechCacheKey({ text, voice, lang }, DEFAULT_AUDIO_SETTINGS);

  let bytes = (await disk.get(key).catch(() => undefined))?.audio.size;
  if (bytes === undefined) {
    const response = await fetch("/api/tts", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ text, voice, lang }),
      signal,
    });
    if (!response.ok) throw await refusal(response);
    const answer = (await response.json()) as { audioBase64: string; alignment: Parameters<typeof disk.put>[1]["alignment"]; durationMs: number };
    const audio = new Blob([decodeBase64(answer.audioBase64)], { type: "audio/mpeg" });
    bytes = audio.size;
    await makeRoom(bytes, id);
    await disk.put(key, { audio, alignment: answer.alignment, durationMs: answer.durationMs });
  }
  const entry: OfflineArticle = { id, title, key, voice, bytes, savedAt: Date.now() };
  await onShelf(entry);
  await keepPage(id, html).catch(() => undefined);
  return entry;
}
