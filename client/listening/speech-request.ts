// How the session reads the API's answers: errors, the reader's usage, and how long a fresh start should take.
import type { QuotaUsage } from "@/lib/quota/quota-usage";
import { DEFAULT_CHUNK_CONCURRENCY } from "@/lib/text/chunk-concurrency";
import { CHUNK_MAX_CHARS } from "@/lib/text/split-chunks";
import type { SessionError } from "./session-state";

// A cached article comes back at once, but a fresh one takes roughly one upstream round per
// DEFAULT_CHUNK_CONCURRENCY chunks of the server's plan.
const ROUND_MS = 4000;

export function estimateGenerationMs(textLength: number): number {
  const rounds = Math.ceil(Math.ceil(textLength / CHUNK_MAX_CHARS) / DEFAULT_CHUNK_CONCURRENCY);
  return 1000 + rounds * ROUND_MS;
}

/** The refusal of either endpoint: its JSON `{ error, code }`, or words of our own when it sent none. */
export async function readError(res: Response): Promise<SessionError> {
  const body = (await res.json().catch(() => null)) as { error?: unknown; code?: unknown } | null;
  return {
    status: res.status,
    code: typeof body?.code === "string" ? body.code : "HTTP_" + res.status,
    message: typeof body?.error === "string" && body.error ? body.error : `The voice service answered ${res.status}. Please try again.`,
  };
}

export function readUsage(res: Response): QuotaUsage | null {
  const count = Number(res.headers.get("X-TTS-Usage-Count") ?? NaN);
  const limit = Number(res.headers.get("X-TTS-Usage-Limit") ?? NaN);
  return Number.isFinite(count) && Number.isFinite(limit) ? { count, limit } : null;
}

export function networkError(cause: unknown): SessionError {
  const message = cause instanceof Error && cause.message ? cause.message : String(cause);
  return { status: 0, code: "NETWORK_ERROR", message: `Could not reach the voice service (${message}).` };
}

/** A stream that stopped after its 200: said in the stream's own words. */
export const streamStopped = (message: string, code: string): SessionError => ({ status: 200, code, message });
