// The lifecycle every serving-api-* file shares: one API for the file, composed in the test's process
// (in-process-api.ts), talking to the run's local voice server and to a Redis database of the file's own, with
// that database emptied and the voice server reset before each test. The replicas-* files run several API processes
// on servers of their own (setUpReplicas).
import { afterAll, beforeAll, beforeEach } from "vitest";
import type { Redis } from "@/server/cache/redis";
import { composeApi, type InProcessApi } from "./in-process-api";
import { startApi, startLocalVoice, startRedis, type RunningProcess } from "./processes";
import { adminRedis } from "./tts-api";
import { voiceControl } from "./voice-control";

export interface ServingApi {
  readonly api: InProcessApi;
  /** the test's own client on the file's Redis database */
  readonly admin: Redis;
  /** a new API in place of the old one, as after a deploy: its memory tiers start empty, Redis keeps what it had */
  restart(): Promise<void>;
}

export function setUpServingApi({
  redisUrl,
  voiceUrl,
  env,
}: {
  redisUrl: string;
  voiceUrl: string;
  env: Record<string, string | undefined>;
}): ServingApi {
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

export interface ServingReplicas {
  /** the replicas, API_REPLICA_ID r1, r2, … in order */
  readonly apis: readonly RunningProcess[];
  /** the file's own redis-server, which a test may stop */
  readonly redis: RunningProcess;
  readonly admin: Redis;
  readonly voiceUrl: string;
  /** replica `index` killed with SIGKILL, as a crash leaves it: no shutdown, no lease released */
  kill(index: number): Promise<void>;
  /** a new process in place of replica `index` */
  restart(index: number): Promise<void>;
}

/**
 * `count` API replicas sharing one redis-server of the file's own (so a test can stop it) and one local voice
 * server of the file's own (silence engine: upstream calls are counted, not listened to), as docs/deploy.md runs
 * them. Redis is emptied and the voice server reset before each test.
 */
export function setUpReplicas({ count = 2, env }: { count?: number; env: Record<string, string | undefined> }): ServingReplicas {
  let redis: RunningProcess | undefined;
  let voice: RunningProcess | undefined;
  let admin: Redis | undefined;
  const apis: RunningProcess[] = [];
  const replicaEnv = (index: number) => ({ ...env, REDIS_URL: redis!.url, INWORLD_BASE_URL: voice!.url, API_REPLICA_ID: `r${index + 1}` });
  beforeAll(async () => {
    [redis, voice] = await Promise.all([startRedis(), startLocalVoice({ LOCAL_VOICE_ENGINE: "silence" })]);
    admin = await adminRedis(redis.url);
    apis.push(...(await Promise.all(Array.from({ length: count }, (_, i) => startApi(replicaEnv(i))))));
  });
  afterAll(async () => {
    admin?.disconnect();
    await Promise.all([...apis.map((api) => api.stop()), redis?.stop(), voice?.stop()]);
  });
  beforeEach(async () => {
    if (admin!.status === "ready") await admin!.flushdb();
    await voiceControl(voice!.url).reset();
  });
  return {
    apis,
    get redis() {
      return redis!;
    },
    get admin() {
      return admin!;
    },
    get voiceUrl() {
      return voice!.url;
    },
    async kill(index) {
      const { child } = apis[index];
      if (child.exitCode !== null || child.signalCode !== null) return;
      await new Promise((exited) => {
        child.once("exit", exited);
        child.kill("SIGKILL");
      });
    },
    async restart(index) {
      await apis[index].stop();
      apis[index] = await startApi(replicaEnv(index));
    },
  };
}
