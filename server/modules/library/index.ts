// A signed-in reader's library of imported articles (anonymous readers keep theirs in the browser).
import { Elysia, t } from "elysia";
import { notFound, unauthorized } from "../../errors";
import type { ReaderLibrary } from "../../import/reader-library";
import { callerPlugin, type CallerOptions } from "../../plugins/caller";
import { ArticleParams, type ArticleJson } from "../articles/model";
import type { ArticleService } from "../articles/service";

export interface LibraryModuleOptions extends CallerOptions {
  library: ReaderLibrary;
  articles: ArticleService;
}

const ProgressBody = t.Object({ progress: t.Optional(t.Number({ minimum: 0, maximum: 1 })) }, { additionalProperties: false });

export const libraryModule = ({ library, articles, ...caller }: LibraryModuleOptions) =>
  new Elysia({ prefix: "/api/library" })
    .use(callerPlugin(caller))
    .resolve(({ identity }) => {
      if (identity.kind !== "user") throw unauthorized("Sign in to keep a library on the server");
      return { sub: identity.sub };
    })
    .get("/", async ({ sub, set }) => {
      set.headers["cache-control"] = "no-store";
      return { articles: await library.list(sub) };
    })
    .put(
      "/:id",
      async ({ sub, params, body }) => {
        const kept = await library.get(sub, params.id);
        if (kept) return library.save(sub, kept, body.progress);
        const json = await articles.find(params.id);
        if (json === undefined) throw notFound("Article");
        const { id, title, siteName, url, listeningMinutes } = JSON.parse(json) as ArticleJson;
        return library.save(sub, { id, title, siteName, url, listeningMinutes }, body.progress);
      },
      { params: ArticleParams, body: ProgressBody },
    )
    .delete(
      "/:id",
      async ({ sub, params }) => {
        if (!(await library.remove(sub, params.id))) throw notFound("Article in the library");
        return new Response(null, { status: 204 });
      },
      { params: ArticleParams },
    );
