// The web app's one reader of the environment (README, "Configuration"): parsed like server/env.ts, every
// problem reported at once. Read on first use, not at import, so `next build` needs none of it.
// WEB_TRUST_PROXY is read by scripts/web-server.mjs, the plain-Node process in front of Next.js.
import { z } from "zod";

const schema = z.object({
  API_URL: z.url().default("http://127.0.0.1:3001"),
  // Same spellings as the API's DEMO_AUTH, so one value means the same on both sides.
  DEMO_AUTH: z
    .enum(["1", "0", "true", "false", ""])
    .default("0")
    .transform((v) => v === "1" || v === "true"),
  // Shared with the API, which signs the session tokens; empty means no session can be verified here.
  AUTH_SECRET: z.union([z.literal(""), z.string().min(32, "must be at least 32 characters")]).default(""),
});

export type WebEnv = z.infer<typeof schema>;

export class WebEnvError extends Error {
  override name = "WebEnvError";
  readonly code = "INVALID_ENV";
}

export function parseWebEnv(source: Record<string, string | undefined>): WebEnv {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new WebEnvError(`Invalid environment:\n${lines.join("\n")}`);
  }
  return parsed.data;
}

let cached: WebEnv | undefined;

/** The process's settings, parsed once. */
export function webEnv(): WebEnv {
  cached ??= parseWebEnv(process.env);
  return cached;
}
