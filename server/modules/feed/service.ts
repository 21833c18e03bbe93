// The private podcast feed's use cases, knowing nothing of HTTP (docs/architecture.md "Feeds"). Adding an article
// makes its audio the way a listen does (the TTS service: voice gating, limits, the reader's daily quota, dedup),
// in the background, one article at a time per reader; the feed and its enclosures only ever read what was made.
import { createHash } from "node:crypto";
import { languageName } from "@/lib/language";
import { DEFAULT_LANGUAGE, defaultVoiceFor, findVoice, isVoiceAllowed } from "@/lib/voices";
import type { ArticleJson } from "@/lib/articles/article-json";
import type { Identity } from "../../auth/identity";
import { AppError, invalidRequest, notFound, premiumVoice, ttsBusy, unsupportedLanguage, userBusy } from "../../errors";
import type { Logger } from "../../logger";
import type { TtsInput, TtsResult } from "../tts/service";
import type { EnclosureStore } from "./enclosure-store";
import { AUDIO_KEY_PATTERN } from "./enclosure-store";
import { hashFeedSecret, isFeedSecret, newFeedSecret, type SecretSeal } from "./feed-secret";
import type { FeedStore } from "./feed-store";
import type { FeedItem, FeedItemSummary } from "./model";
import { renderFeed } from "./rss";

export interface FeedServiceDeps {
  store: FeedStore;
  enclosures: EnclosureStore;
  seal: SecretSeal;
  findArticle(id: string): Promise<string | undefined>;
  generate(input: TtsInput): Promise<TtsResult>;
  logger: Logger;
  /** articles one feed may hold */
  maxItems?: number;
  /** articles waiting for their audio, per reader and in all */
  maxQueuedPerReader?: number;
  maxQueued?: number;
  now?: () => Date;
}

export interface FeedSummary {
  url: string | null;
  items: FeedItemSummary[];
}

export const feedPath = (secret: string) => `/feed/${secret}.xml`;
const AUDIO_KEY_RE = new RegExp(AUDIO_KEY_PATTERN);

const feedFull = (max: number) => new AppError(409, "FEED_FULL", `Your podcast feed holds at most ${max} articles: remove one first`);

/** The MP3 and its length out of a /api/tts answer. */
async function audioOf(result: TtsResult): Promise<{ bytes: Uint8Array; durationMs: number }> {
  const { audioBase64, durationMs } = JSON.parse(await result.body.text()) as { audioBase64: string; durationMs: number };
  return { bytes: new Uint8Array(Buffer.from(audioBase64, "base64")), durationMs };
}

export type FeedService = ReturnType<typeof createFeedService>;

export function createFeedService({
  store,
  enclosures,
  seal,
  findArticle,
  generate,
  logger,
  maxItems = 500,
  maxQueuedPerReader = 20,
  maxQueued = 500,
  now = () => new Date(),
}: FeedServiceDeps) {
  // Each reader's generations run one after another: a listen may hold at most MAX_TTS_PER_USER slots, and a
  // feed filled with twenty articles at once must not be refused USER_BUSY for the third.
  const queues = new Map<string, { tail: Promise<void>; size: number }>();
  let queued = 0;
  const idle = new Set<() => void>();

  function enqueue(sub: string, job: () => Promise<void>) {
    const queue = queues.get(sub) ?? { tail: Promise.resolve(), size: 0 };
    if (queue.size >= maxQueuedPerReader) throw userBusy(30);
    if (queued >= maxQueued) throw ttsBusy(30);
    queue.size += 1;
    queued += 1;
    queues.set(sub, queue);
    queue.tail = queue.tail.then(job).finally(() => {
      queue.size -= 1;
      queued -= 1;
      if (queue.size === 0) queues.delete(sub);
      if (queued === 0) for (const resolve of idle) resolve();
    });
  }

  async function dropAudioIfUnused(audioKey: string | undefined) {
    if (audioKey && (await store.references(audioKey)) === 0) await enclosures.remove(audioKey);
  }

  async function makeAudio(sub: string, item: FeedItem, speech: { text: string; lang: string }, identity: Identity, clientIp: string) {
    let done: FeedItem;
    try {
      const { bytes, durationMs } = await audioOf(await generate({ ...speech, voice: item.voice, identity, clientIp }));
      const audioKey = createHash("sha256").update(bytes).digest("hex");
      await enclosures.put(audioKey, bytes);
      done = { ...item, status: "ready", audioKey, bytes: bytes.byteLength, durationMs, error: undefined };
    } catch (error) {
      const appError = error instanceof AppError ? error : new AppError(500, "INTERNAL", "The audio could not be made");
      if (!(error instanceof AppError)) logger.error({ err: error }, "Feed audio failed");
      done = { ...item, status: "failed", error: { code: appError.code, message: appError.message } };
    }
    // Removed (or added again) while its audio was being made: this result belongs to no item.
    const current = await store.item(sub, item.articleId);
    if (current?.addedAt !== item.addedAt || current.voice !== item.voice) return dropAudioIfUnused(done.audioKey);
    await store.putItem(sub, done);
  }

  async function ownerOf(secret: string): Promise<string | undefined> {
    return isFeedSecret(secret) ? store.ownerOfSecret(hashFeedSecret(secret)) : undefined;
  }

  return {
    /** A new secret: the reader's previous feed URL and its enclosures answer 404 from now on. */
    async create(sub: string): Promise<string> {
      const secret = newFeedSecret();
      await store.setOwner(sub, { secretHash: hashFeedSecret(secret), sealed: seal.seal(secret) });
      return feedPath(secret);
    },

    async summary(sub: string): Promise<FeedSummary> {
      const owner = await store.owner(sub);
      const secret = owner && seal.open(owner.sealed);
      const items = await store.items(sub);
      return {
        url: secret ? feedPath(secret) : null,
        items: items.map(({ articleId, voice, addedAt, title, status, durationMs, error }) => ({
          articleId,
          voice,
          addedAt,
          title,
          status,
          durationMs,
          error,
        })),
      };
    },

    /** Checks what a listen would check first, then makes the audio in the background. */
    async add(input: { sub: string; articleId: string; voice?: string; identity: Identity; clientIp: string }): Promise<FeedItem> {
      const { sub, articleId, identity, clientIp } = input;
      const json = await findArticle(articleId);
      if (json === undefined) throw notFound("Article");
      const article = JSON.parse(json) as ArticleJson;
      // Read as a listen reads it: in the article's language, by default in that language's first free voice.
      const lang = article.lang ?? DEFAULT_LANGUAGE;
      const voice = input.voice ?? defaultVoiceFor(lang);
      if (!voice) throw unsupportedLanguage(languageName(lang));
      if (!findVoice(voice)) throw invalidRequest("Unknown voice: GET /api/tts/voices lists them");
      if (!isVoiceAllowed(voice, identity.tier)) throw premiumVoice(voice);
      const existing = await store.item(sub, articleId);
      if (existing && existing.voice === voice && existing.status !== "failed") return existing;
      if (!existing && (await store.items(sub)).length >= maxItems) throw feedFull(maxItems);
      const item: FeedItem = {
        articleId,
        voice,
        addedAt: now().toISOString(),
        title: article.title,
        siteName: article.siteName,
        byline: article.byline,
        url: article.url,
        excerpt: article.excerpt,
        publishedTime: article.publishedTime,
        status: "pending",
      };
      // The item is in place before its job can look for it; a refused job takes it out again.
      if (existing) await store.removeItem(sub, articleId);
      await store.putItem(sub, item);
      await dropAudioIfUnused(existing?.audioKey);
      try {
        enqueue(sub, () => makeAudio(sub, item, { text: article.text, lang }, identity, clientIp));
      } catch (error) {
        await store.removeItem(sub, articleId);
        throw error;
      }
      return item;
    },

    async remove(sub: string, articleId: string): Promise<void> {
      const removed = await store.removeItem(sub, articleId);
      if (!removed) throw notFound("Article in the feed");
      await dropAudioIfUnused(removed.audioKey);
    },

    /** The feed's XML, or undefined for an unknown or reset secret. */
    async feed(secret: string, origin: string): Promise<string | undefined> {
      const sub = await ownerOf(secret);
      if (!sub) return undefined;
      const ready = (await store.items(sub)).filter((item) => item.status === "ready" && item.audioKey);
      const stored = await enclosures.existing(ready.map((item) => item.audioKey!));
      const items = ready.filter((item) => stored.has(item.audioKey!));
      return renderFeed({ origin, secret, items, updatedAt: items[0] ? new Date(items[0].addedAt) : now() });
    },

    /** An enclosure's bytes, when `audioKey` is in the feed that `secret` opens. */
    async enclosure(secret: string, audioKey: string): Promise<Uint8Array | undefined> {
      if (!AUDIO_KEY_RE.test(audioKey)) return undefined;
      const sub = await ownerOf(secret);
      if (!sub || !(await store.isReferencedBy(audioKey, sub))) return undefined;
      return enclosures.get(audioKey);
    },

    /** Resolves once no generation is queued or running (tests, shutdown). */
    settled(): Promise<void> {
      if (queued === 0) return Promise.resolve();
      return new Promise((resolve) => {
        const done = () => {
          idle.delete(done);
          resolve();
        };
        idle.add(done);
      });
    },
  };
}
