// Helpers for tests that talk to a real redis-server through the app's own client (server/cache/redis.ts).
import { once } from "node:events";
import type { Redis } from "ioredis";

/** Resolves when the client is connected and ready; the app's client has no offline queue, so tests wait. */
export async function ready(redis: Redis, timeoutMs = 10_000): Promise<void> {
  if (redis.status === "ready") return;
  await once(redis, "ready", { signal: AbortSignal.timeout(timeoutMs) });
}

/** Calls per command name from INFO commandstats, e.g. { mget: 3, set: 10 }. */
export async function commandCalls(admin: Redis): Promise<Record<string, number>> {
  const info = await admin.info("commandstats");
  const calls: Record<string, number> = {};
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls[match[1]] = Number(match[2]);
  return calls;
}

/** The commands run between two commandCalls() snapshots, leaving out the INFO calls that took them. */
export function callsBetween(before: Record<string, number>, after: Record<string, number>): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [name, count] of Object.entries(after)) {
    const d = count - (before[name] ?? 0);
    if (d > 0 && name !== "info") delta[name] = d;
  }
  return delta;
}
