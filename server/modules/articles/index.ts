import { Elysia } from "elysia";
import { notFound } from "../../errors";
import type { Guards } from "../../plugins/guards";
import { ArticleParams, importRequest, type ImportLimits } from "./model";
import type { ArticleService } from "./service";

export interface ArticlesModuleOptions {
  service: ArticleService;
  limits: ImportLimits;
  /** the whole POST body, in bytes */
  maxBodyBytes: number;
}

const jsonHeaders = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

export const articlesModule = (guards: Guards, { service, limits, maxBodyBytes }: ArticlesModuleOptions) =>
  new Elysia({ prefix: "/api/articles" })
    .use(guards)
    .post(
      "/",
      async ({ body, identity, clientIp, request }) => {
        const { created, json } = await service.importArticle(body, identity, { client: clientIp, signal: request.signal });
        return new Response(json, { status: created ? 201 : 200, headers: jsonHeaders });
      },
      { body: importRequest(limits), ipLimit: "import", jsonBody: { maxBytes: maxBodyBytes, maxDepth: 1 } },
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
