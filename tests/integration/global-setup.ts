// One redis-server and one local voice server (with its control interface) for the whole integration run.
import type { TestProject } from "vitest/node";
import { startLocalVoice, startRedis, type RunningProcess } from "../support/processes";

declare module "vitest" {
  export interface ProvidedContext {
    redisUrl: string;
    voiceUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const started: RunningProcess[] = [];
  try {
    const redis = await startRedis();
    started.push(redis);
    const voice = await startLocalVoice();
    started.push(voice);
    project.provide("redisUrl", redis.url);
    project.provide("voiceUrl", voice.url);
  } catch (error) {
    await Promise.all(started.map((p) => p.stop()));
    throw error;
  }
  return async () => {
    await Promise.all(started.map((p) => p.stop()));
  };
}
