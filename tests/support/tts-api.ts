// Talking to the API as the web app's proxy does (session tokens, /api/tts, /health), whether it runs as a process
// of its own (its URL) or inside the test's process (in-process-api.ts).
import { SignJWT } from "jose";
import type { ArticleCache } from "@/server/cache/article-cache";
import type { ChunkCache } from "@/server/cache/chunk-cache";
import type { LimiterStats } from "@/server/limits/concurrency-limiter";
import { createRedis, type Redis } from "@/server/cache/redis";
import { captureLogger } from "./capture-logger";
import { ready } from "./redis-client";

export const AUTH_SECRET = "serving-api-secret-0123456789abcdef0123456789";

export interface TtsBody {
  audioBase64: string;
  alignment: { characters: string[]; characterStartTimesSeconds: number[]; characterEndTimesSeconds: number[] };
  durationMs: number;
}

export interface Health {
  status: string;
  tts: LimiterStats & {
    pendingGenerations: number;
    /** the memory tiers (L2 articles, L3 chunks) */
    cache: { article: ReturnType<ArticleCache["size"]>; chunk: ReturnType<ChunkCache["size"]> };
    redis: { configured: boolean; connected: boolean; hits: number; misses: number; errors: number; hitRate: string };
  };
}

/** A session token as the demo sign-in issues it, signed with `secret` (the API's AUTH_SECRET). */
export function sessionToken(tier: "free" | "premium", sub: string, secret = AUTH_SECRET): Promise<string> {
  return new SignJWT({ tier }).setProtectedHeader({ alg: "HS256" }).setSubject(sub).setExpirationTime("1h").sign(new TextEncoder().encode(secret));
}

export interface TtsCall {
  text: string;
  voice?: string;
  /** a session token */
  token?: string;
  /** sent as X-Forwarded-For; the test's own address (127.0.0.1) is a trusted proxy by default */
  forwardedFor?: string;
  signal?: AbortSignal;
}

/** Where a test's requests go: the base URL of an API process, or an app composed in the test's process. */
export type ApiTarget = string | { handle(request: Request): Promise<Response> };

/** `fetch` for either kind of target. In process the host is "localhost": Elysia on Node gives 404 to a one-letter host. */
export function callApi(api: ApiTarget, path: string, init?: RequestInit): Promise<Response> {
  return typeof api === "string" ? fetch(`${api}${path}`, init) : api.handle(new Request(`http://localhost${path}`, init));
}

/** `path`: /api/tts by default, or /api/tts/stream (tests/support/tts-stream.ts). */
export function postTts(api: ApiTarget, { text, voice, token, forwardedFor, signal }: TtsCall, path = "/api/tts"): Promise<Response> {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (forwardedFor) headers["X-Forwarded-For"] = forwardedFor;
  return callApi(api, path, { method: "POST", headers, body: JSON.stringify({ text, voice }), signal });
}

export async function getHealth(api: ApiTarget, authorization?: string): Promise<Health> {
  const res = await callApi(api, "/health", { headers: authorization ? { Authorization: authorization } : {} });
  return (await res.json()) as Health;
}

/** The daily usage headers of an answer, or null when it has none. */
export function usageOf(res: Response): { count: number; limit: number } | null {
  const count = res.headers.get("x-tts-usage-count");
  const limit = res.headers.get("x-tts-usage-limit");
  return count === null || limit === null ? null : { count: Number(count), limit: Number(limit) };
}

/** A client of the test's own on `url` (pick a database of its own, e.g. `${redisUrl}/9`), ready to use. */
export async function adminRedis(url: string): Promise<Redis> {
  const redis = createRedis(url, { logger: captureLogger("test:redis").logger, commandTimeoutMs: 5_000 });
  await ready(redis);
  return redis;
}
