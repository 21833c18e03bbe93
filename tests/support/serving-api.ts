// The lifecycle every serving-api-* file shares: one API process for the file, talking to the run's local voice
// server and to a Redis database of the file's own, with that database emptied and the voice server reset
// before each test.
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Redis } from "@/server/cache/redis";
import { startApi, type RunningProcess } from "./processes";
import { adminRedis } from "./tts-api";
import { voiceControl } from "./voice-control";

export interface ServingApi {
  readonly api: RunningProcess;
  /** the test's own client on the file's Redis database */
  readonly admin: Redis;
  /** a new API process in place of the old one, as after a deploy */
  restart(): Promise<void>;
}

export function setUpServingApi({ redisUrl, voiceUrl, env }: { redisUrl: string; voiceUrl: string; env: Record<string, string | undefined> }): ServingApi {
  let api: RunningProcess | undefined;
  let admin: Redis | undefined;
  beforeAll(async () => {
    admin = await adminRedis(redisUrl);
    api = await startApi({ ...env, REDIS_URL: redisUrl });
  });
  afterAll(async () => {
    await api?.stop();
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
      await api?.stop();
      api = await startApi({ ...env, REDIS_URL: redisUrl });
    },
  };
}
