// Who owns which feed and what is in it: the secret's hash → reader, the reader → their sealed secret, and the
// reader's items by article. A Redis hash per reader when configured (no expiry: a feed lasts until its owner
// changes it), otherwise memory; every write also updates memory, which answers when Redis fails (invariant 11).
// `refs` counts the items that use an enclosure, so one reader removing an article keeps another's audio.
import { LRUCache } from "lru-cache";
import type { Logger } from "pino";
import { redisOrFallback, type CacheStats, type Redis } from "../../cache/redis";
import { createLogger } from "../../logger";
import type { FeedItem } from "./model";

export interface FeedOwner {
  secretHash: string;
  /** the secret itself, sealed (feed-secret.ts) */
  sealed: string;
}

export interface FeedStore {
  ownerOfSecret(secretHash: string): Promise<string | undefined>;
  owner(sub: string): Promise<FeedOwner | undefined>;
  /** makes `owner` the reader's feed; the previous secret stops answering */
  setOwner(sub: string, owner: FeedOwner): Promise<void>;
  items(sub: string): Promise<FeedItem[]>;
  item(sub: string, articleId: string): Promise<FeedItem | undefined>;
  putItem(sub: string, item: FeedItem): Promise<void>;
  /** the removed item, if it was there */
  removeItem(sub: string, articleId: string): Promise<FeedItem | undefined>;
  /** how many items, across all readers, still use the enclosure `audioKey` */
  references(audioKey: string): Promise<number>;
  /** whether one of `sub`'s items uses the enclosure `audioKey` */
  isReferencedBy(audioKey: string, sub: string): Promise<boolean>;
}

export const feedKeys = {
  secret: (hash: string) => `feed:v1:secret:${hash}`,
  owner: (sub: string) => `feed:v1:owner:${sub}`,
  items: (sub: string) => `feed:v1:items:${sub}`,
  refs: (audioKey: string) => `feed:v1:refs:${audioKey}`,
};

export interface FeedStoreOptions {
  redis?: Redis;
  stats: CacheStats;
  /** readers whose feed memory keeps (the fallback's bound) */
  maxReadersInMemory?: number;
  logger?: Logger;
}

const refOf = (sub: string, articleId: string) => `${sub}\n${articleId}`;
const byNewest = (a: FeedItem, b: FeedItem) => b.addedAt.localeCompare(a.addedAt) || a.articleId.localeCompare(b.articleId);

function parseItem(json: string): FeedItem | undefined {
  try {
    return JSON.parse(json) as FeedItem;
  } catch {
    return undefined;
  }
}

export function createFeedStore({ redis, stats, maxReadersInMemory = 10_000, logger = createLogger("api:feed") }: FeedStoreOptions): FeedStore {
  const secrets = new LRUCache<string, string>({ max: maxReadersInMemory });
  const owners = new LRUCache<string, FeedOwner>({ max: maxReadersInMemory });
  const items = new LRUCache<string, Map<string, FeedItem>>({ max: maxReadersInMemory });
  const refs = new Map<string, Set<string>>();

  const withRedis = <T>(operation: string, viaRedis: (r: Redis) => Promise<T>, viaMemory: () => T) =>
    redisOrFallback(
      redis,
      {
        stats,
        onFailure: (error) => logger.debug({ err: error instanceof Error ? error.message : String(error) }, `Redis feed ${operation} failed`),
      },
      viaRedis,
      viaMemory,
    );

  const owner = (sub: string) =>
    withRedis(
      "owner read",
      async (r) => {
        const json = await r.get(feedKeys.owner(sub));
        return json ? (JSON.parse(json) as FeedOwner) : undefined;
      },
      () => owners.get(sub),
    );

  const memoryRefs = (audioKey: string) => refs.get(audioKey) ?? refs.set(audioKey, new Set()).get(audioKey)!;

  return {
    ownerOfSecret: (secretHash) =>
      withRedis(
        "secret read",
        async (r) => (await r.get(feedKeys.secret(secretHash))) ?? undefined,
        () => secrets.get(secretHash),
      ),
    owner,
    async setOwner(sub, next) {
      const previous = await owner(sub);
      if (previous) secrets.delete(previous.secretHash);
      secrets.set(next.secretHash, sub);
      owners.set(sub, next);
      await withRedis(
        "owner write",
        async (r) => {
          const multi = r.multi();
          if (previous) multi.del(feedKeys.secret(previous.secretHash));
          await multi.set(feedKeys.secret(next.secretHash), sub).set(feedKeys.owner(sub), JSON.stringify(next)).exec();
        },
        () => undefined,
      );
    },
    items: (sub) =>
      withRedis(
        "list",
        async (r) =>
          Object.values(await r.hgetall(feedKeys.items(sub)))
            .flatMap((json) => parseItem(json) ?? [])
            .sort(byNewest),
        () => [...(items.get(sub)?.values() ?? [])].sort(byNewest),
      ),
    item: (sub, articleId) =>
      withRedis(
        "read",
        async (r) => {
          const json = await r.hget(feedKeys.items(sub), articleId);
          return json ? parseItem(json) : undefined;
        },
        () => items.get(sub)?.get(articleId),
      ),
    async putItem(sub, item) {
      const mine = new Map(items.get(sub));
      mine.set(item.articleId, item);
      items.set(sub, mine);
      if (item.audioKey) memoryRefs(item.audioKey).add(refOf(sub, item.articleId));
      await withRedis(
        "write",
        async (r) => {
          const multi = r.multi().hset(feedKeys.items(sub), item.articleId, JSON.stringify(item));
          if (item.audioKey) multi.sadd(feedKeys.refs(item.audioKey), refOf(sub, item.articleId));
          await multi.exec();
        },
        () => undefined,
      );
    },
    async removeItem(sub, articleId) {
      const removed = await withRedis(
        "read",
        async (r) => {
          const json = await r.hget(feedKeys.items(sub), articleId);
          return json ? parseItem(json) : undefined;
        },
        () => items.get(sub)?.get(articleId),
      );
      const mine = new Map(items.get(sub));
      if (mine.delete(articleId)) items.set(sub, mine);
      const audioKey = removed?.audioKey;
      if (audioKey) {
        const users = memoryRefs(audioKey);
        users.delete(refOf(sub, articleId));
        if (users.size === 0) refs.delete(audioKey);
      }
      await withRedis(
        "delete",
        async (r) => {
          const multi = r.multi().hdel(feedKeys.items(sub), articleId);
          if (audioKey) multi.srem(feedKeys.refs(audioKey), refOf(sub, articleId));
          await multi.exec();
        },
        () => undefined,
      );
      return removed;
    },
    references: (audioKey) =>
      withRedis(
        "refs read",
        (r) => r.scard(feedKeys.refs(audioKey)),
        () => refs.get(audioKey)?.size ?? 0,
      ),
    isReferencedBy: (audioKey, sub) => {
      // Members are "sub\narticleId"; an enclosure is shared by few items, so the set is small.
      const mine = (members: Iterable<string>) => [...members].some((member) => member.startsWith(`${sub}\n`));
      return withRedis(
        "refs read",
        async (r) => mine(await r.smembers(feedKeys.refs(audioKey))),
        () => mine(refs.get(audioKey) ?? []),
      );
    },
  };
}
