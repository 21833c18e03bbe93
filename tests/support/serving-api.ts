// The lifecycle every serving-api-* file shares: one API for the file, composed in the test's process
// (in-process-api.ts), talking to the run's local voice server and to a Redis database of the file's own, with
// that database emptied and the voice server reset before each test.
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Redis } from "@/server/cache/redis";
import { composeApi, type InProcessApi } from "./in-process-api";
import { adminRedis } from "./tts-api";
import { voiceControl } from "./voice-control";

export interface ServingApi {
  readonly api: InProcessApi;
  /** the test's own client on the file's Redis database */
  readonly admin: Redis;
  /** a new API in place of the old one, as after a deploy: its memory tiers start empty, Redis keeps what it had */
  restart(): Promise<void>;
}

export function setUpServingApi({ redisUrl, voiceUrl, env }: { redisUrl: string; voiceUrl: string; env: Record<string, string | undefined> }): ServingApi {
  let api: InProcessApi | undefined;
  let admin: Redis | undefined;
  const start = () => composeApi({ ...env, REDIS_URL: redisUrl });
  beforeAll(async () => {
    admin = await adminRedis(redisUrl);
    api = await start();
  });
  afterAll(async () => {
    await api?.close();
    admin?.disconnect();
  });
  beforeEach(async () => {
    await admin!.flushdb();
    await voiceControl(voiceUrl).reset();
  });
  return {
    get api() {
      return api!;
    },
    get admin() {
      return admin!;
    },
    async restart() {
      await api?.close();
      api = await start();
    },
  };
}
