import { Elysia } from "elysia";
import { notFound, rateLimited } from "../../errors";
import type { RateLimiter } from "../../limits/rate-limiter";
import { callerPlugin, type CallerOptions } from "../../plugins/caller";
import { readCappedJson } from "../../plugins/capped-json-body";
import { ArticleParams, importRequest, type ImportLimits } from "./model";
import type { ArticleService } from "./service";

export interface ArticlesModuleOptions extends CallerOptions {
  service: ArticleService;
  importLimiter: RateLimiter;
  limits: ImportLimits;
  /** the whole POST body, in bytes */
  maxBodyBytes: number;
}

const jsonHeaders = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

export const articlesModule = ({ service, importLimiter, limits, maxBodyBytes, ...caller }: ArticlesModuleOptions) =>
  new Elysia({ prefix: "/api/articles" })
    .use(callerPlugin(caller))
    .post(
      "/",
      async ({ body, identity }) => {
        const { created, json } = await service.importArticle(body, identity);
        return new Response(json, { status: created ? 201 : 200, headers: jsonHeaders });
      },
      {
        parse: ({ request, contentType }) => readCappedJson(request, contentType, maxBodyBytes),
        body: importRequest(limits),
        async beforeHandle({ clientIp }) {
          const verdict = await importLimiter.hit(clientIp);
          if (!verdict.allowed) throw rateLimited(verdict.retryAfterSeconds);
        },
      },
    )
    .get(
      "/:id",
      async ({ params }) => {
        const json = await service.find(params.id);
        if (json === undefined) throw notFound("Article");
        return new Response(json, { headers: jsonHeaders });
      },
      { params: ArticleParams },
    );
