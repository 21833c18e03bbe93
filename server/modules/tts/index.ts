import { Elysia } from "elysia";
import { rateLimited } from "../../errors";
import type { RateLimiter } from "../../limits/rate-limiter";
import { callerPlugin, type CallerOptions } from "../../plugins/caller";
import { TtsRequest } from "./model";
import type { TtsService } from "./service";

export interface TtsModuleOptions extends CallerOptions {
  service: TtsService;
  ipLimiter: RateLimiter;
}

export const ttsModule = ({ service, ipLimiter, ...caller }: TtsModuleOptions) =>
  new Elysia({ prefix: "/api/tts" })
    .use(callerPlugin(caller))
    .post(
      "/",
      async ({ body, identity, clientIp, request }) => {
        const result = await service.generate({ text: body.text, voice: body.voice, identity, clientIp, signal: request.signal });
        const headers: Record<string, string> = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };
        if (result.cache) headers["X-TTS-Cache"] = result.cache;
        if (result.usage) {
          headers["X-TTS-Usage-Count"] = String(result.usage.count);
          headers["X-TTS-Usage-Limit"] = String(result.usage.limit);
        }
        return new Response(result.body, { headers });
      },
      {
        body: TtsRequest,
        // The IP limit is checked before any work, including token verification's result being used.
        beforeHandle({ clientIp }) {
          const verdict = ipLimiter.hit(clientIp);
          if (!verdict.allowed) throw rateLimited(verdict.retryAfterSeconds);
        },
      },
    );
