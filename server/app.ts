// Composition of the HTTP surface, and where a thrown error becomes a `{ error, code }` response (docs/architecture.md,
// "Errors"); the feed's 416 for a range outside the file is the one error a module answers itself.
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
import { createGuards, type GuardOptions } from "./plugins/guards";

export interface AppOptions {
  guards: GuardOptions;
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
  const guards = createGuards(options.guards);
  // normalize: false: a schema that refuses unknown fields refuses them instead of having them silently dropped.
  const app = new Elysia({ normalize: false })
    .onError(({ code, error, request }) => {
      // A reader who closes the page mid-generation is a normal event, not our failure; nobody reads the answer.
      if (request.signal.aborted) {
        logger.info({ path: new URL(request.url).pathname, status: 499 }, "Client closed request");
        return errorResponse(499, "CLIENT_CLOSED", "The client closed the request");
      }
      if (error instanceof AppError) return errorResponse(error.status, error.code, error.message, error.retryAfterSeconds, error.headers);
      switch (code) {
        case "VALIDATION": {
          // Elysia's default is 422 with its own shape; our contract is 400 INVALID_REQUEST. Schemas carry their
          // messages (`error`); the path of anything else may be a key the caller made up, so it is not repeated.
          const where = error.type === "params" ? "path" : error.type === "query" ? "query" : "request body";
          const said = typeof error.customError === "string" ? error.customError : undefined;
          return errorResponse(
            400,
            "INVALID_REQUEST",
            where === "request body" ? (said ?? "Invalid request body") : `Invalid ${where}: ${said ?? "not what this endpoint takes"}`,
          );
        }
        case "PARSE":
          // Elysia wraps what a hook throws while the body is read; ours (server/plugins/guards.ts) throws the answer itself.
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
    // Every route below gets the guards (invariant 19): they are used once here, before any module.
    .use(guards.plugin)
    .use(healthModule(guards.plugin, options.health))
    .use(authModule(guards.plugin, options.auth))
    .use(articlesModule(guards.plugin, options.articles))
    .use(libraryModule(guards.plugin, options.library))
    .use(positionsModule(guards.plugin, options.positions))
    .use(feedModule(guards.plugin, options.feed))
    .use(voicesModule(guards.plugin))
    .use(ttsModule(guards.plugin, options.tts));
  guards.seal(app.routes);
  return app;
}

export type App = ReturnType<typeof createApp>;
