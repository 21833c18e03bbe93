// A thin HTTP wrapper around Inworld's TTS REST API (docs/architecture.md, "Contracts → Inworld"). One call, one chunk. It converts Inworld's singular "Time" alignment names to
// the plural ones the rest of the system uses and signals failures as typed errors; it never retries.
import type { Alignment } from "@/lib/alignment/types";
import type { AudioSettings } from "@/lib/text/cache-key";
import { InworldHttpError, InworldRateLimitError, InworldResponseError, InworldTimeoutError, InworldUnavailableError } from "./errors";

export interface InworldClientOptions {
  baseUrl: string;
  apiKey: string;
  settings: AudioSettings;
  /** Per-call limit; joined with the caller's abort signal. */
  timeoutMs: number;
}

export interface ChunkSynthesis {
  audio: Uint8Array;
  alignment: Alignment;
  processedCharacters: number;
}

export interface InworldClient {
  readonly settings: AudioSettings;
  synthesize(request: { text: string; voiceId: string }, signal?: AbortSignal): Promise<ChunkSynthesis>;
}

interface InworldResponse {
  audioContent?: string;
  usage?: { processedCharactersCount?: number };
  timestampInfo?: {
    characterAlignment?: { characters?: string[]; characterStartTimeSeconds?: number[]; characterEndTimeSeconds?: number[] };
  };
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function createInworldClient(options: InworldClientOptions): InworldClient {
  const { apiKey, settings, timeoutMs } = options;
  const url = new URL("/tts/v1/voice", options.baseUrl).toString();
  if (!apiKey) throw new TypeError("apiKey is required");
  if (!(timeoutMs > 0)) throw new TypeError(`timeoutMs must be positive, got ${timeoutMs}`);

  async function synthesize({ text, voiceId }: { text: string; voiceId: string }, signal?: AbortSignal): Promise<ChunkSynthesis> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    let response: Response;
    let payload: unknown;
    try {
      response = await fetch(url, {
        method: "POST",
        signal: combined,
        headers: { Authorization: `Basic ${apiKey}`, "Content-Type": "application/json" },
        body: JSON.stringify({
          text,
          voiceId,
          modelId: settings.modelId,
          audioConfig: { audioEncoding: settings.audioEncoding, sampleRateHertz: settings.sampleRateHertz, bitRate: settings.bitRate },
          timestampType: "CHARACTER",
          // Normalization would rewrite "$100" as words and break the 1:1 character alignment.
          applyTextNormalization: "OFF",
        }),
      });
      // A success body is ~1 MB of base64: parse it from the bytes, without first holding it as one more string.
      payload = response.ok ? await response.json().catch(undefinedOnBadJson) : safeJson(await response.text());
    } catch (error) {
      if (signal?.aborted) throw signal.reason;
      if (timeout.aborted) throw new InworldTimeoutError(timeoutMs);
      throw new InworldUnavailableError(`Inworld unreachable: ${(error as Error).message}`, { cause: error });
    }

    if (!response.ok) {
      const body = payload as { code?: number; message?: string } | undefined;
      if (response.status === 429) {
        throw new InworldRateLimitError(parseRetryAfterMs(response.headers.get("retry-after")), body?.message);
      }
      throw new InworldHttpError(response.status, body?.code, body?.message ?? `Inworld answered HTTP ${response.status}`);
    }

    const body = payload as InworldResponse | undefined;
    const ca = body?.timestampInfo?.characterAlignment;
    if (!body?.audioContent || !ca?.characters || !ca.characterStartTimeSeconds || !ca.characterEndTimeSeconds) {
      throw new InworldResponseError("Inworld response lacks audioContent or characterAlignment");
    }
    return {
      audio: Buffer.from(body.audioContent, "base64"),
      alignment: {
        characters: ca.characters,
        characterStartTimesSeconds: ca.characterStartTimeSeconds,
        characterEndTimesSeconds: ca.characterEndTimeSeconds,
      },
      processedCharacters: body.usage?.processedCharactersCount ?? text.length,
    };
  }

  return { settings, synthesize };
}

/** A malformed body is Inworld's fault, reported as such below; an abort while reading it is not swallowed. */
function undefinedOnBadJson(error: unknown): undefined {
  if (error instanceof SyntaxError) return undefined;
  throw error;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
