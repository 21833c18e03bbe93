// Composition of the HTTP surface, and the one place errors become responses (DESIGN.md error shape).
import { Elysia } from "elysia";
import { AppError } from "./errors";
import type { Logger } from "./logger";
import { articlesModule, type ArticlesModuleOptions } from "./modules/articles";
import { authModule, type AuthModuleOptions } from "./modules/auth";
import { healthModule, type HealthOptions } from "./modules/health";
import { libraryModule, type LibraryModuleOptions } from "./modules/library";
import { ttsModule, type TtsModuleOptions } from "./modules/tts";
import { voicesModule } from "./modules/voices";

export interface AppOptions {
  tts: TtsModuleOptions;
  health: HealthOptions;
  auth: AuthModuleOptions;
  articles: ArticlesModuleOptions;
  library: LibraryModuleOptions;
  logger: Logger;
}

function errorResponse(status: number, code: string, message: string, retryAfterSeconds?: number, extra?: Record<string, string>): Response {
  const headers: Record<string, string> = { ...extra, "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };
  if (retryAfterSeconds !== undefined) headers["Retry-After"] = String(Math.max(1, Math.ceil(retryAfterSeconds)));
  return new Response(JSON.stringify({ error: message, code }), { status, headers });
}

export function createApp(options: AppOptions) {
  const { logger } = options;
  return new Elysia()
    .onError(({ code, error }) => {
      if (error instanceof AppError) return errorResponse(error.status, error.code, error.message, error.retryAfterSeconds, error.headers);
      // A route's own body reader (a size cap, JSON only) refuses from inside Elysia's parse step, which wraps it.
      const refusal = code === "PARSE" ? error.cause : undefined;
      if (refusal instanceof AppError) return errorResponse(refusal.status, refusal.code, refusal.message);
      switch (code) {
        case "VALIDATION":
          // Elysia's default is 422 with its own shape; our contract is 400 INVALID_REQUEST.
          return errorResponse(400, "INVALID_REQUEST", `Invalid request: ${error.valueError?.path || "body"} ${error.valueError?.message ?? "is invalid"}`.trim());
        case "PARSE":
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
    .use(voicesModule(options.tts))
    .use(ttsModule(options.tts));
}

export type App = ReturnType<typeof createApp>;
