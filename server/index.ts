// The API process: `bun server/index.ts`.
import { createApp } from "./app";
import { compose } from "./compose";
import { EnvError, loadEnv } from "./env";
import { configureLogging, createLogger } from "./logger";
import { MAX_BODY_BYTES } from "@/lib/http/json-body";

let env;
try {
  env = loadEnv();
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
configureLogging(env.LOG_LEVEL);
const log = createLogger("api");
const composition = compose(env);
const app = createApp(composition.options);
try {
  app.listen({
    port: env.API_PORT,
    hostname: env.API_HOST,
    // Elysia turns SO_REUSEPORT on, which lets a second API start on a taken port and silently share its
    // traffic with the first: a taken port is a configuration error, reported as one.
    reusePort: false,
    // Our routes read bodies up to MAX_BODY_BYTES and answer our JSON 413 beyond (lib/http/json-body.ts);
    // Bun's own refusal (an empty 413) only stops bodies far past that, before anything reads them.
    maxRequestBodySize: 4 * MAX_BODY_BYTES,
    // Generating a long article takes a while; Bun's default idle timeout (10 s) would cut it off.
    idleTimeout: 255,
  });
} catch (error) {
  console.error(`Cannot listen on ${env.API_HOST}:${env.API_PORT} (API_HOST, API_PORT): ${(error as Error).message}`);
  process.exit(1);
}
log.info({ port: env.API_PORT, upstream: composition.options.health.upstream, redis: Boolean(env.REDIS_URL) }, "API listening");

// Ctrl-C reaches every process of the group and `npm start` forwards a SIGTERM too: stop once.
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "API stopping");
  await app.stop();
  await composition.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
