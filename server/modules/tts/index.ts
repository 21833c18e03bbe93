import { Elysia } from "elysia";
import { AppError, withHeaders } from "../../errors";
import type { Guards } from "../../plugins/guards";
import { speechRequestOf, TtsRequest } from "./model";
import type { TtsResult, TtsService } from "./service";

type Usage = NonNullable<TtsResult["usage"]>;

const usageHeaders = (usage: Usage) => ({ "X-TTS-Usage-Count": String(usage.count), "X-TTS-Usage-Limit": String(usage.limit) });

export interface TtsModuleOptions {
  service: TtsService;
}

export const ttsModule = (guards: Guards, { service }: TtsModuleOptions) => {
  // The IP limit is counted before the body is even read (server/plugins/guards.ts), so every request counts,
  // refused ones too (bad JSON, unknown fields, an oversize body).
  const guarded = { body: TtsRequest, ipLimit: "tts", jsonBody: true } as const;

  /** Runs a use case, reporting the reader's last known daily count on a refusal too. */
  async function withUsage<R>(run: (onUsage: (usage: Usage) => void) => Promise<R>): Promise<R> {
    // The last count the service reported, so a refusal after the quota check (DAILY_LIMIT, busy, an
    // upstream failure) still tells a free reader where they stand.
    let usage: Usage | undefined;
    try {
      return await run((reported) => void (usage = reported));
    } catch (error) {
      throw usage && error instanceof AppError ? withHeaders(error, usageHeaders(usage)) : error;
    }
  }

  const headersOf = (result: { cache?: string; usage?: Usage }, contentType: string) => {
    const headers: Record<string, string> = { "Content-Type": contentType, "Cache-Control": "no-store" };
    if (result.cache) headers["X-TTS-Cache"] = result.cache;
    if (result.usage) Object.assign(headers, usageHeaders(result.usage));
    return headers;
  };

  return new Elysia({ prefix: "/api/tts" })
    .use(guards)
    .post(
      "/",
      async ({ body, identity, clientIp, request }) => {
        const result = await withUsage((onUsage) =>
          service.generate({ ...speechRequestOf(body), identity, clientIp, signal: request.signal, onUsage }),
        );
        return new Response(result.body, { headers: headersOf(result, "application/json; charset=utf-8") });
      },
      guarded,
    )
    .post(
      "/stream",
      async ({ body, identity, clientIp, request }) => {
        const result = await withUsage((onUsage) =>
          service.stream({ ...speechRequestOf(body), identity, clientIp, signal: request.signal, onUsage }),
        );
        return new Response(result.body, { headers: headersOf(result, "application/x-ndjson; charset=utf-8") });
      },
      guarded,
    );
};
