// The API composed inside the test's own process, as server/index.ts composes it, answering through app.handle
// with no port: for tests of the service, its caches, limiters and quota. What needs a real process (startup,
// the socket's peer address, Bun's own body handling, a client that disconnects) starts one with startApi
// (processes.ts).
import { createApp } from "@/server/app";
import { compose } from "@/server/compose";
import { loadEnv } from "@/server/env";
import { configureLogging } from "@/server/logger";
import { ready } from "./redis-client";

export interface InProcessApi {
  handle(request: Request): Promise<Response>;
  /** disconnects its Redis client and stops its extraction thread, as the process does on SIGTERM */
  close(): Promise<void>;
}

/** `redisDown`: REDIS_URL names a Redis that is not there, so the app is ready without a connection. */
export async function composeApi(env: Record<string, string | undefined>, { redisDown = false } = {}): Promise<InProcessApi> {
  // Silent unless asked: a process's log goes to its own buffer (startApi), this one would go to the test's output.
  const parsed = loadEnv({ LOG_LEVEL: "silent", ...env });
  configureLogging(parsed.LOG_LEVEL);
  const composition = compose(parsed);
  // As startApi waits for it: a request in the first moments would otherwise miss every Redis tier.
  if (composition.redis && !redisDown) await ready(composition.redis);
  const app = createApp(composition.options);
  return { handle: (request) => app.handle(request), close: () => composition.close() };
}
