// Composition of the HTTP surface, and the one place errors become responses (docs/architecture.md error shape).
import { Elysia } from "elysia";
import { AppError } from "./errors";
import type { Logger } from "./logger";
import { articlesModule, type ArticlesModuleOptions } from "./modules/articles";
import { authModule, type AuthModuleOptions } from "./modules/auth";
import { feedModule, type FeedModuleOptions } from "./modules/feed";
import { healthModule, type HealthOptions } from "./modules/health";
import { libraryModule, type LibraryModuleOptions } from "./modules/library";
import { positionsModule, type PositionsModuleOptions } from "./modules/positions";
import { ttsModule, type TtsModuleOptions } from "./modules/tts";
import { voicesModule } from "./modules/voices";

export interface AppOptions {
  tts: TtsModuleOptions;
  health: HealthOptions;
  auth: AuthModuleOptions;
  articles: ArticlesModuleOptions;
  library: LibraryModuleOptions;
  positions: PositionsModuleOptions;
  feed: FeedModuleOptions;
  logger: Logger;
}

function errorResponse(status: number, code: string, message: string, retryAfterSeconds?: number, extra?: Record<string, string>): Response {
  const headers: Record<string, string> = { ...extra, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };
  if (retryAfterSeconds !== undefined) headers["Retry-After"] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  return new Response(JSON.stringify({ error: message, code }), { status, headers });
}

export function createApp(options: AppOptions) {
  const { logger } = options;
  // normalize: false makes `additionalProperties: false` refuse unknown fields instead of silently dropping them.
  return new Elysia({ normalize: false })
    .onError(({ code, error, request }) => {
      // A reader who closes the page mid-generation is a normal event, not our failure; nobody reads the answer.
      if (request.signal.aborted) {
        logger.info({ path: new URL(request.url).pathname, status: 499 }, "Client closed request");
        return errorResponse(499, "CLIENT_CLOSED", "The client closed the request");
      }
      if (error instanceof AppError) return errorResponse(error.status, error.code, error.message, error.retryAfterSeconds, error.headers);
      switch (code) {
        case "VALIDATION":
          // Elysia's default is 422 with its own shape; our contract is 400 INVALID_REQUEST. Schemas carry their
          // messages (`error`); the path of anything else may be a key the caller made up, so it is not repeated.
          return errorResponse(400, "INVALID_REQUEST", typeof error.customError === "string" ? error.customError : "Invalid request body");
        case "PARSE":
          // Elysia wraps what a body reader throws; ours (server/plugins/json-body.ts) throws the answer itself.
          if (error.cause instanceof AppError) {
            const { status, code: refusal, message, retryAfterSeconds, headers } = error.cause;
            return errorResponse(status, refusal, message, retryAfterSeconds, headers);
          }
          return errorResponse(400, "INVALID_REQUEST", "Request body must be JSON");
        case "NOT_FOUND":
          return errorResponse(404, "NOT_FOUND", "No such endpoint");
        default:
          logger.error({ err: error, code }, "Unhandled error");
          return errorResponse(500, "INTERNAL", "Something went wrong on our side");
      }
    })
    .use(healthModule(options.health))
    .use(authModule(options.auth))
    .use(articlesModule(options.articles))
    .use(libraryModule(options.library))
    .use(positionsModule(options.positions))
    .use(feedModule(options.feed))
    .use(voicesModule(options.tts))
    .use(ttsModule(options.tts));
}

export type App = ReturnType<typeof createApp>;
