// The local voice process: `bun server/local-voice/index.ts`. An Inworld-compatible speech server that runs
// offline (docs/architecture.md "Processes"), and the test double for Inworld.
import { availableParallelism } from "node:os";
import { z } from "zod";
import { configureLogging, createLogger } from "../logger";
import { createLocalVoiceApp } from "./app";
import { createControlState } from "./control";
import { createEspeakEngine } from "./espeak-engine";
import { createSilenceEngine } from "./silence-engine";

const envSchema = z.object({
  LOCAL_VOICE_PORT: z.coerce.number().int().min(0).max(65535).default(3002),
  LOCAL_VOICE_HOST: z.string().min(1).default("127.0.0.1"),
  LOCAL_VOICE_ENGINE: z.enum(["espeak", "silence"]).default("espeak"),
  LOCAL_VOICE_CONTROL: z.enum(["0", "1", ""]).default(""),
  // Synthesis is CPU-bound: one worker per core uses them all without oversubscribing.
  LOCAL_VOICE_WORKERS: z.coerce.number().int().min(1).max(64).default(availableParallelism()),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

const parsed = envSchema.safeParse(process.env);
if (!parsed.success) {
  console.error(`Invalid local voice configuration:\n${z.prettifyError(parsed.error)}`);
  process.exit(1);
}
const env = parsed.data;
configureLogging(env.LOG_LEVEL);
const log = createLogger("local-voice");

const engine = env.LOCAL_VOICE_ENGINE === "silence" ? createSilenceEngine() : createEspeakEngine({ workers: env.LOCAL_VOICE_WORKERS });
const app = createLocalVoiceApp({
  engine,
  control: createControlState(),
  controlRoutes: env.LOCAL_VOICE_CONTROL === "1",
  logger: log,
}).listen({
  port: env.LOCAL_VOICE_PORT,
  hostname: env.LOCAL_VOICE_HOST,
  // 2000 characters of JSON-escaped text with its settings fit many times over.
  maxRequestBodySize: 256 * 1024,
  // A hang must stay open until the client gives up, and a queued long chunk can take a while.
  idleTimeout: 0,
});
log.info(
  { port: env.LOCAL_VOICE_PORT, host: env.LOCAL_VOICE_HOST, engine: engine.name, control: env.LOCAL_VOICE_CONTROL === "1" },
  "Local voice listening",
);

// Ctrl-C reaches every process of the group and `npm start` forwards a SIGTERM too: stop once.
let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info({ signal }, "Local voice stopping");
  await app.stop(true);
  await engine.close();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
