// The one place the API reads the environment (the local voice server, a process of its own, reads its few settings
// in server/local-voice/index.ts). Every variable is validated at once and every problem is reported together,
// so a misconfigured deploy fails at start with one readable message.
import { z } from "zod";
import { FREE_DAILY_LIMIT } from "@/lib/free-tier";
import { DEFAULT_CHUNK_CONCURRENCY } from "@/lib/text/chunk-concurrency";
import { MAX_SPEECH_CHARS } from "@/lib/text/speech-limit";
import { parseTrustedProxies } from "@/lib/net/client-address.mjs";

const int = (fallback: number, min = 1) => z.coerce.number().int().min(min).default(fallback);
const flag = z
  .enum(["1", "0", "true", "false", ""])
  .default("0")
  .transform((v) => v === "1" || v === "true");

const schema = z.object({
  API_PORT: int(3001),
  // The web app on the same machine is the API's only client: loopback unless a deploy says otherwise.
  API_HOST: z.string().min(1).default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  INWORLD_API_KEY: z.string().default(""),
  INWORLD_BASE_URL: z.url().default("https://api.inworld.ai"),
  INWORLD_MODEL_ID: z.string().min(1).default("inworld-tts-1.5-mini"),
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "must be a redis:// or rediss:// URL")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  // A signing secret shorter than the HMAC block invites brute force; refuse it rather than warn.
  AUTH_SECRET: z
    .string()
    .default("")
    .refine((secret) => secret === "" || secret.length >= 32, "must be at least 32 characters"),
  DEMO_AUTH: flag,
  TRUST_PROXY: z
    .string()
    .default("loopback")
    .superRefine((spec, context) => {
      try {
        parseTrustedProxies(spec);
      } catch (error) {
        context.addIssue({ code: "custom", message: (error as Error).message });
      }
    }),
  HEALTH_TOKEN: z.string().default(""),
  // Names this process in /health and in the cluster's counters (docs/deploy.md); unset: hostname:pid.
  API_REPLICA_ID: z
    .string()
    .regex(/^[\w.:-]{1,64}$/, "must be 1–64 letters, digits, or . _ : -")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  MAX_CONCURRENT_TTS: int(15),
  MAX_TTS_PER_USER: int(2),
  TTS_SLOT_TIMEOUT_MS: int(15_000),
  // Unset: 4 × MAX_CONCURRENT_TTS (server/limits/concurrency-limiter.ts).
  TTS_MAX_QUEUED: z.coerce.number().int().min(0).optional(),
  TTS_CHUNK_CONCURRENCY: int(DEFAULT_CHUNK_CONCURRENCY),
  TTS_RATE_LIMIT_PER_MIN: int(10),
  TTS_DAILY_FREE_LIMIT: int(FREE_DAILY_LIMIT),
  TTS_MAX_TEXT_CHARS: int(MAX_SPEECH_CHARS),
  TTS_CHUNK_TIMEOUT_MS: int(60_000),
  // How long a replica's claim on an article+voice outlives it: a dead replica's followers take over after this.
  TTS_LEASE_MS: int(5_000, 100),
  IMPORT_ALLOW_PRIVATE: flag,
  IMPORT_TIMEOUT_MS: int(10_000),
  IMPORT_MAX_BYTES: int(5 * 1024 * 1024),
  IMPORT_RATE_LIMIT_PER_MIN: int(20),
  // Library and position saves and the demo sign-in, together: a reader saves a position on each pause.
  ACCOUNT_RATE_LIMIT_PER_MIN: int(120),
  // Where feed enclosures live when there is no Redis, and how much of the disk they may take (the oldest go first).
  FEED_AUDIO_DIR: z.string().min(1).default(".local/feed-audio"),
  FEED_AUDIO_MAX_BYTES: int(2 * 1024 * 1024 * 1024),
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {
  override name = "EnvError";
  readonly code = "INVALID_ENV";
}

export function loadEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  const problems = parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
  // Checked on the raw values so that it is reported together with every other problem.
  const demoAuth = flag.safeParse(source.DEMO_AUTH);
  if (demoAuth.success && demoAuth.data && !source.AUTH_SECRET) {
    problems.push("AUTH_SECRET: is required when DEMO_AUTH is on (the demo sign-in signs its tokens with it)");
  }
  if (!parsed.success || problems.length > 0) throw new EnvError(`Invalid environment:\n${problems.map((line) => `  ${line}`).join("\n")}`);
  return parsed.data;
}
