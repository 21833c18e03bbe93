// /health?cluster=1 (docs/deploy.md): each replica publishes its counters to Redis every `everyMs`, under a key
// that lapses after `ttlMs`, so a replica that stops publishing (stopped, killed, cut off) drops out of the sum
// by itself. The set of ids only says where to look; an id whose key has lapsed is removed when read.
import type { Logger } from "pino";
import { assertPositiveInteger } from "@/lib/args/assert-positive";
import type { Redis } from "../cache/redis";

export type Counters = Record<string, number>;

export interface ClusterCounters {
  /** the replicas that answered: this one first, then every one published within `ttlMs` */
  replicas: string[];
  /** false when Redis could not be read: `sum` then holds this replica's counters alone */
  complete: boolean;
  sum: Counters;
}

export interface ReplicaCounters {
  /** this replica's counters now, plus the latest published by every other live replica */
  cluster(): Promise<ClusterCounters>;
  stop(): void;
}

const IDS_KEY = "tts:replicas";
const countersKey = (id: string) => `tts:replica:${id}`;

export function sumCounters(all: readonly Counters[]): Counters {
  const sum: Counters = {};
  for (const counters of all) for (const [name, value] of Object.entries(counters)) sum[name] = (sum[name] ?? 0) + value;
  return sum;
}

export function startReplicaCounters({
  redis,
  id,
  counters,
  everyMs = 2_000,
  ttlMs = 6_000,
  logger,
}: {
  redis: Redis;
  id: string;
  counters: () => Counters;
  everyMs?: number;
  ttlMs?: number;
  logger: Logger;
}): ReplicaCounters {
  assertPositiveInteger("everyMs", everyMs);
  assertPositiveInteger("ttlMs", ttlMs);
  let failing = false;
  const publish = () => {
    // Not yet connected, or reconnecting: the Redis client logs the outage itself.
    if (redis.status !== "ready") return;
    redis
      .pipeline()
      .set(countersKey(id), JSON.stringify(counters()), "PX", ttlMs)
      .sadd(IDS_KEY, id)
      .exec()
      .then(
        () => void (failing = false),
        (error: unknown) => {
          // Logged once per outage; the key lapses and the other replicas stop counting this one meanwhile.
          if (!failing) logger.warn({ err: error instanceof Error ? error.message : String(error) }, "Replica counters not published");
          failing = true;
        },
      );
  };
  publish();
  const timer = setInterval(publish, everyMs);
  timer.unref();

  return {
    stop: () => clearInterval(timer),
    async cluster() {
      const own = counters();
      try {
        const ids = (await redis.smembers(IDS_KEY)).filter((other) => other !== id).sort();
        const values = ids.length > 0 ? await redis.mget(ids.map(countersKey)) : [];
        const gone = ids.filter((_, i) => values[i] === null);
        if (gone.length > 0) void redis.srem(IDS_KEY, ...gone).catch(() => {});
        const live = ids.flatMap((other, i) => (values[i] === null ? [] : [{ id: other, counters: JSON.parse(values[i]!) as Counters }]));
        return { replicas: [id, ...live.map((r) => r.id)], complete: true, sum: sumCounters([own, ...live.map((r) => r.counters)]) };
      } catch {
        return { replicas: [id], complete: false, sum: own };
      }
    },
  };
}
